# skip-chip: 5 KB samples plus compressor and inflater state at once outgrow the 38 KB heap (zlib_small.py runs there)
import zlib
samples = [b"", b"a", b"hello world", b"abc" * 1000, bytes(range(256)) * 20,
           b"The quick brown fox jumps over the lazy dog. " * 50]
for data in samples:
    c = zlib.compress(data)
    print(len(data), zlib.decompress(c) == data, zlib.decompress(zlib.compress(data, 9, -15), -15) == data,
          zlib.decompress(zlib.compress(data, 6, 31), 31) == data, zlib.decompress(c, 47) == data)
# streams made by CPython's zlib (level 9), each kind of block
fixed = b'x\xdaK\xcb\xcfOJ,\x02\x00\x08\xab\x02z'
dynamic = b'x\xda\xed\xca\xbb\r\x00 \x08@\xc1YQ\x13?h\xa2\x12\n\xb6w\x0c\x9bw\xf5I\xcbk\xb8\xb7\x1e\xc9\xe2\x86\x17Y3d\x9b\xee~\xa6[\xc9\xe7VMUh4\x1a\x8dF\xa3\xd1h4\xda\xbf\xf6\x00\x00\xce\xf9\xbf'
stored = b'x\x01\x01\x05\x00\xfa\xffhello\x06,\x02\x15'
print(zlib.decompress(fixed), zlib.decompress(dynamic) == bytes((i * i * 7 + i // 3) % 26 + 97 for i in range(3000)), zlib.decompress(stored))
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"), zlib.adler32(b""))
for bad in (b"", b"x\xda", b"x\xdaK\xcb", b"garbage!", fixed[:-1], fixed[:-4] + b"\x00\x00\x00\x00"):
    try:
        zlib.decompress(bad)
        print("no error")
    except (ValueError, zlib.error if hasattr(zlib, "error") and zlib.error is not ValueError else ValueError):
        print("error")

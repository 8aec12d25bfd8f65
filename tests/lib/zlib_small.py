# zlib on inputs sized for the chip's heap: round trips in every container format
import zlib
for data in (b"", b"x", b"hello hello hello hello", bytes(range(200)), b"abcd" * 150):
    c = zlib.compress(data)
    print(len(data), zlib.decompress(c) == data, zlib.decompress(zlib.compress(data, 6, -9), -9) == data,
          zlib.decompress(zlib.compress(data, 6, 25), 25) == data, zlib.decompress(c, 47) == data)
print(zlib.decompress(b'x\xdaK\xcb\xcfOJ,\x02\x00\x08\xab\x02z'))
try:
    zlib.decompress(b"x\xdaK\xcb")
except Exception as e:
    print("error")

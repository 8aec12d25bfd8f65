import struct
cases = [
    lambda: struct.pack("<B", 256), lambda: struct.pack("<b", -129), lambda: struct.pack("<H", -1),
    lambda: struct.pack("<i", 2**31), lambda: struct.pack("<I"), lambda: struct.pack("<I", 1, 2),
    lambda: struct.pack("<y", 1), lambda: struct.unpack("<I", b"abc"), lambda: struct.unpack("<I", b"abcde"),
    lambda: struct.unpack_from("<I", b"abc"), lambda: struct.pack("<i", "x"), lambda: struct.pack("<3s", "abc"),
    lambda: struct.pack_into("<I", bytearray(2), 0, 1), lambda: struct.iter_unpack("<I", b"abcde"),
    lambda: struct.pack("<e", 1e10), lambda: struct.calcsize("<5"),
]
for c in cases:
    try:
        print(c())
    except (struct.error, ValueError, TypeError, OverflowError) as e:
        print("error")

# int.from_bytes
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff", "big", signed=True))
print(int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes(b"\x80\x00", "big", signed=True))
print(int.from_bytes(b"\x7f\xff", "big", signed=True), int.from_bytes(b"\xff" * 8, "big"))
print(int.from_bytes(b"\xff" * 16, "big"), int.from_bytes(b"\xff" * 16, "big", signed=True))
print(int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
print(int.from_bytes(bytearray(b"\x01\x02\x03"), "little"), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b"\x01\x02"), int.from_bytes(b"\x01\x02", byteorder="little"))
for n in [0, 1, -1, 255, -256, 2 ** 70 + 12345, -(2 ** 70) - 99]:
    b = n.to_bytes(12, "big", signed=True)
    print(int.from_bytes(b, "big", signed=True) == n, int.from_bytes(b[::-1], "little", signed=True) == n)
try:
    int.from_bytes(b"\x01", "wrong")
except ValueError as e:
    print("ValueError", e)
print(type(int.from_bytes(b"\x01", "big")))

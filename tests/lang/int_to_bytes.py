# int.to_bytes
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((0).to_bytes(0, "big"), (0).to_bytes(3, "little"), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "big", signed=True))
print((127).to_bytes(1, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((2 ** 64 - 1).to_bytes(8, "big"), (2 ** 100).to_bytes(13, "little"))
print((-(2 ** 100)).to_bytes(13, "big", signed=True), (0x0102030405060708090A).to_bytes(10, "big"))
print((65).to_bytes(), (65).to_bytes(3))
for args in [(256, 1, "big", False), (128, 1, "big", True), (-129, 1, "big", True),
             (-1, 4, "big", False), (2 ** 64, 8, "big", False)]:
    n, l, o, s = args
    try:
        print(n.to_bytes(l, o, signed=s))
    except OverflowError as e:
        print("OverflowError", e)
try:
    (1).to_bytes(2, "middle")
except ValueError as e:
    print("ValueError", e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print("ValueError", e)

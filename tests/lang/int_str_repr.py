# str/repr of ints and the bin/oct/hex builtins
for n in [0, 7, -7, 255, -255, 2 ** 64, -(2 ** 64) + 1, 10 ** 25, -(10 ** 25)]:
    print(str(n), repr(n), bin(n), oct(n), hex(n))
print(str(2 ** 200))
print(hex(2 ** 130 - 1), oct(-(8 ** 30)), bin(2 ** 70 + 5))
print(str(-(10 ** 60)), len(str(7 ** 500)))
print(str(1000000000000000000000), str(999999999999999999999), str(10000000000000000000))

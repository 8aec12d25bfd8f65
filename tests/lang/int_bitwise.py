# & | ^ ~ follow two's complement rules, also for big and negative ints
vals = [0, 1, -1, 5, -6, 255, -256, 2 ** 40, -(2 ** 40), 2 ** 70 + 3, -(2 ** 70) - 5, 2 ** 64 - 1]
for a in vals:
    print(a, ~a, ~~a == a)
for a in vals:
    for b in vals[::3]:
        print(a & b, a | b, a ^ b)
print(0xFF00FF00FF00FF00FF & 0x0FF00FF00FF00FF00F)
print(-(2 ** 100) & (2 ** 100 - 1), -(2 ** 100) | (2 ** 99), (2 ** 100) ^ -1)
x = 0b1100
x &= 0b1010
print(x)
x |= 0b0001
print(x)
x ^= 0b1111
print(x)

def many_locals():
    a0 = 0; a1 = 1; a2 = 2; a3 = 3; a4 = 4; a5 = 5; a6 = 6; a7 = 7; a8 = 8; a9 = 9
    b0 = 10; b1 = 11; b2 = 12; b3 = 13; b4 = 14; b5 = 15; b6 = 16; b7 = 17; b8 = 18; b9 = 19
    c0 = 20; c1 = 21; c2 = 22; c3 = 23; c4 = 24; c5 = 25; c6 = 26; c7 = 27; c8 = 28; c9 = 29
    d0 = 30; d1 = 31; d2 = 32; d3 = 33; d4 = 34; d5 = 35; d6 = 36; d7 = 37; d8 = 38; d9 = 39
    e = [a0, a9, b0, b9, c0, c9, d0, d9]
    return sum(e), a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + d9
print(many_locals())
def many_args(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p):
    return a + p
print(many_args(*range(16)))
big = [i for i in range(300)]
print(big[-1], len(big))
x = 0
for i in range(200):
    if i % 2 == 0:
        x += 1
    elif i % 3 == 0:
        x += 2
    elif i % 5 == 0:
        x += 3
    else:
        x -= 1
print(x)
consts = [1000000, 2000000, -3000000, 1 << 40, 2.5, "s", b"b", None]
print(consts)

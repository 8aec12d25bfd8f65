# & | ^ of two bools give a bool; with ints they give ints
for a in [False, True]:
    for b in [False, True]:
        print(a, b, a & b, a | b, a ^ b, type(a & b).__name__)
print(True & 3, True | 2, True ^ 1, 3 & True, 2 | False, type(True & 1).__name__, type(1 & True).__name__)
x = True
x &= False
print(x)
x |= True
print(x)
x ^= True
print(x)

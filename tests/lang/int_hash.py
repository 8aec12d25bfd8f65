# hashes of equal numbers agree (only small hash values are printed)
for n in [0, 1, -1, -2, 7, 12345, -12345, 2 ** 20]:
    print(n, hash(n))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 100) == hash(2.0 ** 100), hash(-(2 ** 70)) == hash(-(2.0 ** 70)))
print(hash(2 ** 100) == hash(2 ** 100), hash(10 ** 30) == hash(int("1" + "0" * 30)))
d = {1: "int", 2 ** 80: "big"}
print(d[1.0], d[True], d[2.0 ** 80], d[2 ** 80])
s = {1, 1.0, True, 2 ** 65, 2.0 ** 65}
print(len(s))

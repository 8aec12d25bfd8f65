# float hashes match CPython and the hashes of equal ints
for f in [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 1e6, float("inf"), float("-inf")]:
    print(f, hash(f))
print(hash(0.5) == hash(0.5), hash(1.5) != hash(2.5), hash(-0.5) == hash(-0.5))
print(hash(1.0) == hash(1), hash(2.0 ** 80) == hash(2 ** 80), hash(-3.0) == hash(-3))
print(hash(0.1) == hash(0.1), hash(1e300) == hash(int(1e300)), hash(-1e300) == hash(int(-1e300)))
d = {0.5: "half", 2.0: "two"}
print(d[0.5], d[2], d[2.0])

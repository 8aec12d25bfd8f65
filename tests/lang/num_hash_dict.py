# equal numbers of different types are the same dict key
d = {}
for k in [1, 1.0, True, 1 + 0j, 2, 2.0, 2 + 0j, 2 ** 64, 2.0 ** 64, 0, 0.0, False, -0.0, 0j, -1, -1.0]:
    d[k] = d.get(k, 0) + 1
print(sorted(d.items(), key=lambda kv: str(kv[0])))
print(len({1, 1.0, True}), len({2 ** 100, 2.0 ** 100}), len({0.5, 1 / 2}), len({-1, -1.0, -1 + 0j}))
print(hash(-1), hash(-1.0), hash(-2), hash(-1) == hash(-2))

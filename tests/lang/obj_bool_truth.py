vals = [0, 1, -1, 0.0, 0.5, "", "a", b"", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(2), object()]
print([bool(v) for v in vals])
class Empty: pass
print(bool(Empty()), not Empty(), bool(Empty))

l = [1, "a", (2, 3), [4], None, 5.5]
print(1 in l, "a" in l, (2, 3) in l, [4] in l, None in l, 5.5 in l, 2 in l, "b" not in l)
print(1.0 in l, True in [1], 0 in [False], [] in [[]])
class E:
    def __eq__(self, other):
        return other == 42
print(E() in [1, 42], E() in [1, 2], 42 in [E()])

print({"a": "b", 1: 2.5, None: True, (1, 2): [3], "q'": 'x"'})
d = {}
d[1] = d
print(d)
d = {"k": [1, {"z": ()}]}
print(d, str(d), repr(d))
print({1: {2: {3: {}}}})
class K:
    def __repr__(self):
        return "K!"
    def __hash__(self):
        return 1
print({K(): K()})

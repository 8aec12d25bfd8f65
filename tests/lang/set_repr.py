print(set(), frozenset(), {1}, frozenset({1}), {(1, 2)}, {None}, {"a"}, {1.5})
print(str({1, 2}), repr(frozenset([5])))
class R:
    def __repr__(self):
        return "R()"
print({R()})
class S(set):
    pass
print(len(S([1, 2])), isinstance(S(), set), S([1]) | {2}, type(S([1]) | {2}).__name__)

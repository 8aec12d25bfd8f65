class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class N:
    pass
for v in [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), {}, {0: 0}, set(), None, True, False, T(), L(), N()]:
    print(type(v).__name__, bool(v), "yes" if v else "no", not v)
x = T()
if not x:
    print("T falsy")
while L():
    print("never")
print(T() or "fallback", L() and "never" or "L falsy")

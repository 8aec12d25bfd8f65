class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
print(bool(B(True)), bool(B(False)), not B(False), "yes" if B(True) else "no")
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(L(3)), bool(L(0)), bool(L(2)), [x for x in [L(0), L(1)] if x].__len__())
class Both:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Both()), len(Both()))
class Neither: pass
print(bool(Neither()))
while L(0):
    break
else:
    print("while else")
print(B(False) or "fallback", B(True) and "second")

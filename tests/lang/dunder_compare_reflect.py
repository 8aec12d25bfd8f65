log = []
class L:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        log.append(self.n + ".lt")
        return NotImplemented
    def __gt__(self, o):
        log.append(self.n + ".gt")
        return "gt-result"
    def __eq__(self, o):
        log.append(self.n + ".eq")
        return NotImplemented
print(L("a") < L("b"))
print(log); log.clear()
print(5 < L("c"))
print(log); log.clear()
print(L("e") == L("f"))
print(log); log.clear()
class Base:
    def __lt__(self, o): return "Base.lt"
class Derived(Base):
    def __gt__(self, o): return "Derived.gt"
print(Base() < Derived(), Derived() < Base())

class Outer:
    class Inner:
        class Deep:
            pass
        def m(self):
            return type(self).__qualname__
    def make(self):
        return self.Inner()
print(Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer.Inner.Deep.__name__)
print(Outer().make().m())
def factory(n):
    class Local:
        val = n
        def get(self):
            return self.val + n
    return Local
L1, L2 = factory(1), factory(2)
print(L1().get(), L2().get(), L1 is L2, L1.__qualname__)

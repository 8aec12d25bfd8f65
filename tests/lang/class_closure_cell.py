class A:
    def who(self):
        return __class__.__name__
class B(A):
    def who(self):
        return "B/" + __class__.__name__
    def sup(self):
        return super().who()
print(A().who(), B().who(), B().sup())
def outer():
    x = 10
    class Inner:
        y = x + 1
        def get(self):
            return x + self.y
    return Inner
print(outer().y, outer()().get())

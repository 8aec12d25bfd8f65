x = "global x"
class A:
    x = "class x"
    y = x
    def m(self):
        return x
    def n(self):
        return self.x
print(A.y, A().m(), A().n())
class B:
    print("executing body", __name__)
    v = 1
    v += 1
    del v
    w = [1]
print(hasattr(B, "v"), B.w, B.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
class G:
    global gv
    gv = "set from class"
print(gv)

# class definitions: bases, keywords, bodies
class A: pass
class B(): pass
class C(A): pass
class D(A, B,): pass
bases = (A, B)
class E(*bases): pass
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['kw'] = sorted(kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class F(metaclass=Meta): pass
class G(A, metaclass=Meta, extra=1): pass
opts = {'metaclass': Meta}
class H(**opts): pass
print(C.__bases__ == (A,), D.__bases__ == (A, B), E.__bases__ == (A, B))
print(type(F).__name__, F.kw, G.kw, type(H).__name__)
class I:
    x = 1
    y = x + 1
    def m(self): return self.y
    class Inner:
        z = 3
print(I().m(), I.Inner.z)
class J: x = 1; y = 2
print(J.x + J.y)
class K(
    A,
):
    """doc"""
    v = [i for i in range(3)]
print(K.v)
for src in ["class: pass", "class A(: pass", "class A(x for x in y): pass", "class A(B)\n    pass",
            "class A:\npass", "class 1A: pass", "class A(B=1, C): pass", "class A(**k, *b): pass",
            "class A: return 1", "class A: yield 1", "class A:\n    break\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)

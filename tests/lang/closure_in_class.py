def factory(base):
    class K:
        b = base
        def get(self):
            return base
        def get_b(self):
            return self.b
    return K
K = factory(7)
print(K().get(), K().get_b(), K.b)
def f():
    x = "func"
    class C:
        y = x
        def m(self):
            return x
    class D:
        x = "class"
        z = x
        def m(self):
            return x
    return C.y, C().m(), D.z, D().m()
print(f())

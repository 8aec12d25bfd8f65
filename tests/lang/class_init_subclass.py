registry = {}
class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry[name or cls.__name__] = cls
class A(Plugin): pass
class B(Plugin, name="bee"): pass
class C(B): pass
print(sorted(registry))
try:
    class D(Plugin, unknown=1): pass
except TypeError:
    print("TypeError")
class Plain: pass
try:
    class E(Plain, x=1): pass
except TypeError:
    print("TypeError plain")

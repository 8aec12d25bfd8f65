# skip-chip: imports helper modules from the test's directory
import _imp_mod
print(_imp_mod.VALUE, _imp_mod.double(4), _imp_mod.Thing.kind, _imp_mod.__name__)
print(_imp_mod.__file__.endswith("_imp_mod.py"), type(_imp_mod).__name__)
import _imp_mod
import _imp_mod as m2
print(m2 is _imp_mod)
import sys
print(sys.modules["_imp_mod"] is _imp_mod, "_imp_mod" in sys.modules)
def f():
    import _imp_mod as local
    return local.VALUE
print(f(), "local" in dir())
if True:
    import _imp_mod as cond
print(cond.double(1))
print(repr(_imp_mod).startswith("<module '_imp_mod' from "))

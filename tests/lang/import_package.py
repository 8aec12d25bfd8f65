# skip-chip: imports helper modules from the test's directory
import _imp_pkg
print(_imp_pkg.PKG, hasattr(_imp_pkg, "mod_a"), type(_imp_pkg.__path__).__name__)
import _imp_pkg.mod_a
print(_imp_pkg.mod_a.A, _imp_pkg.mod_a.fa(), _imp_pkg.mod_a.__name__, _imp_pkg.mod_a.__package__)
from _imp_pkg import mod_a
print(mod_a is _imp_pkg.mod_a)
from _imp_pkg.sub import mod_c
print(mod_c.C, _imp_pkg.sub.SUB, _imp_pkg.sub.mod_c is mod_c, _imp_pkg.sub.__package__)
import _imp_pkg.sub.mod_c as mc
print(mc is mod_c)
import sys
print(sorted(k for k in sys.modules if k.startswith("_imp_pkg")))
print(_imp_pkg.__name__, _imp_pkg.__package__, _imp_pkg.__file__.endswith("__init__.py"))

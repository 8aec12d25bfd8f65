# skip-chip: imports helper modules from the test's directory
from _imp_mod import VALUE, double as dbl, Thing
print(VALUE, dbl(5), Thing.kind)
from _imp_mod import _hidden
print(_hidden)
try:
    from _imp_mod import does_not_exist
except ImportError as e:
    print(type(e).__name__)
import sys
print("_imp_mod" in sys.modules)
from sys import path, modules
print(type(path).__name__, type(modules).__name__)

# skip-chip: imports helper modules from the test's directory
import sys
import sys as system
from sys import modules
print(sys is system, modules is sys.modules, sys.__name__, "sys" in sys.modules)
import gc
print(gc.__name__, callable(gc.collect))
print(type(sys).__name__, repr(sys).startswith("<module 'sys'"))

import sys
import sys as s2
print(s2 is sys)
from sys import path, argv as av
print(type(path).__name__, type(av).__name__)
import collections
from collections import OrderedDict
print(OrderedDict is collections.OrderedDict)
def f():
    import sys
    from sys import platform
    return type(platform).__name__
print(f())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__)
try:
    from sys import no_such_name_xyz
except ImportError as e:
    print("ImportError")

import sys
import sys as s2
print(s2 is sys)
from collections import OrderedDict as OD, namedtuple
print(type(OD).__name__, callable(namedtuple))
import collections
from collections import OrderedDict
print(OrderedDict is collections.OrderedDict)
def f():
    import collections
    from collections import deque
    return type(collections).__name__
print(f())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__)
try:
    from sys import no_such_name_xyz
except ImportError as e:
    print("ImportError")

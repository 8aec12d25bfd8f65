# skip-chip: imports helper modules from the test's directory
from _imp_star import *
print(pub, _allowed, Cls.__name__)
try:
    other
except NameError:
    print("NameError other")
from _imp_nostar import *
print(alpha, beta, func())
try:
    _private
except NameError:
    print("NameError _private")

# sys: types and values of the module's data attributes
import sys

print(type(sys.argv) is list, type(sys.path) is list, type(sys.modules) is dict)
print(all(type(a) is str for a in sys.argv))
print(sys.modules["sys"] is sys)
print(sys.version_info[0], sys.version_info >= (3, 5), len(sys.version_info) >= 3)
print(type(sys.version) is str, sys.version[:1])
print(type(sys.platform) is str, len(sys.platform) > 0)
print(sys.byteorder in ("little", "big"))
print(sys.maxsize in (2**63 - 1, 2**31 - 1), sys.maxsize + 1 > sys.maxsize)
impl = sys.implementation
print(type(impl.name) is str, isinstance(impl.version, tuple), len(impl.version) >= 3)
try:
    sys.no_such_attribute
except AttributeError:
    print("AttributeError")

# skip-chip: imports helper modules from the test's directory
m = __import__("_imp_mod")
print(m.VALUE, m.__name__)
top = __import__("_imp_pkg.sub.mod_c")
print(top.__name__, top.sub.mod_c.C)
leaf = __import__("_imp_pkg.sub.mod_c", None, None, ["C"])
print(leaf.__name__)
leaf = __import__("_imp_pkg.sub", fromlist=["x"])
print(leaf.__name__)
s = __import__("sys")
print(s.__name__)
try:
    __import__("no_such_mod_abc")
except ImportError as e:
    print(type(e).__name__)

flags = []
if len(flags) >= 0:
    def f():
        return "first"
else:
    def f():
        return "second"
print(f())
try:
    import no_such_mod_abc as m
except ImportError:
    m = None
print(m)
x = 1
if x:
    y = "defined"
print(y)

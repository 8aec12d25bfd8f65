g = globals()
print(type(g).__name__, "g" in g, g["__name__"])
new_global = 5
print(g["new_global"])
g["made_here"] = 7
print(made_here)
def f(a, b=2):
    c = 3
    loc = locals()
    return sorted(loc.items())
print(f(1))
print(locals() is globals())
def h():
    return globals() is g
print(h())
class K:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print(vars() is globals(), sorted(vars(K).keys() & {"x", "names"}))
class O:
    def __init__(self):
        self.a = 1
print(vars(O()))
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)

print(eval("1 + 2"), eval("  3 * 4"), eval("[x for x in range(3)]"), eval("'a' * 2"))
x = 10
print(eval("x + 1"), eval("x", {"x": 5}), eval("x + y", {"x": 1}, {"y": 2}))
def f():
    y = 3
    return eval("y * 2")
print(f())
g = {}
print(eval("abs(-1)", g), "__builtins__" in g)
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
try:
    eval("x = 1")
except SyntaxError:
    print("SyntaxError")
try:
    eval(5)
except TypeError:
    print("TypeError")
try:
    eval("1", [])
except TypeError:
    print("TypeError")
print(eval(b"7 - 2"), eval("(lambda a: a + 1)(1)"))
print(eval("__name__"), eval("__name__", {}))

# annotated assignments
x: int = 5
print(x)
y: "a string annotation" = "y"
print(y)
z: list
try:
    print(z)
except NameError:
    print("z unbound")
class A:
    attr: int = 3
    other: str
print(A.attr, hasattr(A, 'other'))
def f():
    local: int = 7
    unset: float
    return local
print(f())
obj = A()
obj.attr: int = 9
print(obj.attr)
d = {}
d['k']: str = "v"
print(d)
(paren): int = 4
print(paren)
for src in ["a, b: int", "(a, b): int = 1", "[a]: int", "f(): int", "1: int", "a: int = 1 = 2",
            "a: int, b: int", "a: = 1", "*a: int"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)

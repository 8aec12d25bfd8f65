# a generator expression as the sole call argument needs no extra parentheses
print(sum(x * x for x in range(4)))
print(list(c for c in "ab"), tuple(i for i in range(3) if i))
print(max((len(w) for w in ["a", "abc", "ab"])), max(len(w) for w in ["a", "abc"]))
print(sorted((x for x in [3, 1, 2]), reverse=True))
print("".join(str(d) for d in range(5)))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []))
g = (y for y in range(3))
print(type(g).__name__, list(g), list(g))
def gen_first(it):
    return next(iter(it))
print(gen_first(x for x in "z"))
for src in ["f(x for x in y, 1)", "f(1, x for x in y)", "f(x for x in y,)",
            "f((x for x in y), 1)", "f(a=(x for x in y))", "f(a=x for x in y)",
            "f(*x for x in y)", "class C(x for x in y): pass"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)

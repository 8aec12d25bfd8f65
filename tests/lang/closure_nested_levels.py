def a():
    x = "a"
    def b():
        def c():
            def d():
                return x
            return d()
        return c()
    return b()
print(a())
def outer():
    v = 0
    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
        return v
    return mid()
print(outer())
def arg_cell(p):
    def g():
        return p * 2
    p += 1
    return g()
print(arg_cell(5))
def cell_and_loop():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(cell_and_loop())

def f():
    x = 1
    def g():
        return x
    return g
c = f().__closure__[0]
print(c.cell_contents)
def h():
    a = "a"
    b = "b"
    def k():
        return a + b
    return k
print(sorted(cell.cell_contents for cell in h().__closure__))
print(f.__closure__)

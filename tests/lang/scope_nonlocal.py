def outer():
    x = 1
    def a():
        nonlocal x
        x = 2
    def b():
        return x
    a()
    return b()
print(outer())
def multi():
    p, q = 1, 2
    def sw():
        nonlocal p, q
        p, q = q, p
    sw()
    return p, q
print(multi())
def deep():
    v = "top"
    def l1():
        def l2():
            nonlocal v
            v = "changed"
        l2()
    l1()
    return v
print(deep())

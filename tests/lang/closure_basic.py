def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(10)(1))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c(); c()
print(c())
c2 = counter()
print(c2())
def shared():
    x = []
    def add(v):
        x.append(v)
    def get():
        return x
    return add, get
add, get = shared()
add(1); add(2)
print(get())
print(a5.__closure__ is not None, counter.__closure__)

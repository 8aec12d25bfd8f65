def make_gen(start):
    def gen(n):
        for i in range(n):
            yield start + i
    return gen
print(list(make_gen(10)(3)))
def counter_gen():
    count = 0
    def g():
        nonlocal count
        while count < 3:
            count += 1
            yield count
    return g, lambda: count
g, get = counter_gen()
print(list(g()), get())
def pipeline(data):
    factor = 3
    return (x * factor for x in data if x % 2)
print(list(pipeline(range(6))))

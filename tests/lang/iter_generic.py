def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), tuple(gen(3)), set(gen(3)), dict(zip(gen(3), "abc")), sorted(gen(4), reverse=True))
print(sum(gen(5)), max(gen(5)), min(gen(5)), any(gen(1)), all(gen(0)), list(enumerate(gen(2))))
print(list(zip(gen(3), gen(10))), list(map(str, gen(3))), list(filter(None, gen(3))))
l = []
l.extend(gen(3))
l += gen(2)
print(l, [1, 2, 3][::-1], list(reversed(list(gen(3)))))
a, b, c = gen(3)
print(a, b, c)
print(" ".join(map(str, range(5))))

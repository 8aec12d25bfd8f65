a = 5
print("big" if a > 3 else "small")
print("big" if a > 10 else "small")
print(0 or "default")
print(3 and 4)
print(0 and 1/0)
print(1 or 1/0)
print(None or 0 or [] or "last")
print(1 and 2 and 3)
print(1 and 0 and 3)
x = [] or [1]
print(x)
print(not 0, not 1, not None)
v = 1 if False else 2 if False else 3
print(v)
print((lambda: 7 if a else 8)())

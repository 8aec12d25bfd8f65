print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))))
it = reversed(range(3))
print(next(it), list(it))
print(list(range(2**62, 2**62 + 3)), list(reversed(range(-2**62, -2**62 + 2))))
for x in reversed(range(0, -6, -2)):
    print(x, end=" ")
print()

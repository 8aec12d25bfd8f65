# sets of small ints iterate in the same order as CPython
print({3, 1, 2}, {10, 1, 18, 2, 26}, {100, 5, 37, 1}, set(range(20, 0, -1)))
s = set()
for i in (40, 3, 17, 9):
    s.add(i)
print(s, list(s))
s = {0, 8}
s.discard(0)
s.add(16)
print(s)
print({1, 2, 3} - {2}, {5, 4, 3} & {3, 4}, {1, 2} ^ {2, 3, 9}, {100, 5, 37} | {1})
s = set(range(50))
for i in range(0, 50, 3):
    s.discard(i)
print(s)
s.update(range(100, 110))
print(s)
t = {-1, -2, 7}
print(t, sorted(t))
s = {5, 3, 1}
print(s.pop(), s.pop(), s)

s = {1, 2, 3}
it = iter(s)
print(type(it).__name__, sorted(it))
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2}
for x in s:
    s.add(1)
print(s)
print(sorted({"b", "a", "c"}), sum({1, 2, 3}), max({4, 9, 1}), list(enumerate(sorted({"x"}))))
print(sorted(x * 2 for x in {1, 2, 3}))

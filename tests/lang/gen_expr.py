g = (x * x for x in range(5))
print(next(g), next(g), list(g))
print(list(x for x in "abc" if x != "b"))
print(sum(i for i in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list((i, j) for i in range(2) for j in range(2)))
data = [3, 1, 2]
g = (d for d in data)
data.append(4)
print(list(g))
try:
    (1 / x for x in [0]).__next__()
except ZeroDivisionError:
    print("ZeroDivisionError")
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 0]))

a, b = {1, 2}, {1, 2, 3}
print(a == b, a != b, a < b, a <= b, a > b, a >= b, b > a, a < a, a <= a)
print(a == {2, 1}, a == frozenset({1, 2}), frozenset({1, 2}) == a, a == [1, 2], a != (1, 2))
print({1} < {2}, {1} > {2}, {1} <= {2}, set() < {1}, set() <= set())
try:
    a < [1, 2, 3]
except TypeError as e:
    print("TypeError", e)
print(sorted([{1, 2}, {1}, {3}], key=len))
print({1, 2} == {1.0, 2.0}, {1} == {True})

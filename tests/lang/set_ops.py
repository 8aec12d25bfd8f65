a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a | set(), a & set(), a - set(), set() - a, a ^ a)
print({1, 2} | {2, 3} | {9}, a & b & {4}, a - b - {1})
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
try:
    a & "x"
except TypeError:
    print("TypeError")
c = set(a)
c |= {9}
print(c)
c &= {1, 9, 4}
print(c)
c -= {9}
print(c)
c ^= {4, 7}
print(c)
d = c
d |= {0}
print(c is d, c)
try:
    c |= [5]
except TypeError:
    print("TypeError")
print({1, 2} | frozenset({3}), type({1} | frozenset()).__name__, type(frozenset() | {1}).__name__)
print(frozenset({1, 2}) & {2}, frozenset({1, 2}) - {2}, frozenset({1}) ^ {2})

print({} == {}, {1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 2}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({1: 2} != {1: 2}, {1: [2]} == {1: [2]}, {1: 2} == [(1, 2)], {1.0: 2} == {1: 2})
try:
    {1: 2} < {1: 2}
except TypeError as e:
    print("TypeError", e)
nan = float("nan")
print({1: nan} == {1: nan})
d = {1: 2}
print(d == d.copy(), d.keys() == {1})

d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 10
print(d)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError", e)
d = {"a": 1, "b": 2}
for k in list(d):
    del d[k]
print(d)
it = iter({1: 2})
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

r = range(2**70)
print(r, bool(r), r[0], r[-1], r[2**69], 2**69 in r, -1 in r, 2**70 in r, r.index(12345), r.count(2**70 - 1))
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
r = range(-2**80, 2**80, 2**78)
print(r, r.start, r.stop, r.step, len(r), list(r), r[3], r[-1], 0 in r, 2**78 + 1 in r)
print(list(reversed(r))[:3], r[1:3], r[::-1], r[::4] == range(-2**80, 2**80, 2**80))
it = iter(range(2**64, 2**64 + 3))
print(next(it), list(it), type(iter(range(2**64))).__name__)
print(range(2**70) == range(0, 2**70), range(2**70) == range(2**70 + 1), range(2**70, 0) == range(0), hash(range(2**70, 0)) == hash(range(0)))
print(list(range(2**70, 2**70 - 6, -2)), 2**70 - 2 in range(2**70, 2**70 - 6, -2))
for i in range(2**65, 2**65 + 2):
    print(i)
print(range(10**30, 10**30 + 5)[2], range(0, 2**70, 3)[-1])
try:
    range(2**70)[2**70]
except IndexError as e:
    print("IndexError", e)
try:
    range(0, 1, 2**70)[5]
except IndexError as e:
    print("IndexError", e)
print(len(range(0, 1, 2**70)), list(range(0, 10, 2**70)), list(range(10, 0, -2**70)))
print(1.0 in range(2**70, 2**70 + 1), (2**70 + 0.0) in range(2**70, 2**70 + 1))

r = range(0, 20, 2)
print(r[2:5], r[::2], r[::-1], r[1::3], r[-3:], r[:0], r[5:2], r[100:], r[::-3])
print(list(r[::-1]), list(r[2:8:2]), list(r[-2:-8:-2]))
r = range(10, 0, -3)
print(r[1:], r[::-1], list(r[::-1]), r[::2])
print(range(5)[::1] == range(5), range(0)[:], range(3)[-100:100])
try:
    range(5)[::0]
except ValueError as e:
    print("ValueError", e)

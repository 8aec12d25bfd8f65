t = tuple(range(10))
print(t[2:5], t[:3], t[7:], t[:], t[::2], t[1::3], t[::-1], t[::-3])
print(t[-3:], t[:-3], t[-100:100], t[5:2], t[5:2:-1], t[100:], t[:-100])
print(t[8:2:-2], t[-1:-5:-1], t[None:None:None])
print(t[:] is t)
try:
    t[::0]
except ValueError as e:
    print("ValueError", e)
print(t[slice(1, 4)], t[slice(None, None, -4)])
print(t[2**70:], t[-2**70:2])
print(()[1:2], ()[::-1])

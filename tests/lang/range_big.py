r = range(2**62 - 2, 2**62 + 2)
print(len(r), r[0], r[-1], list(r), 2**62 in r, r.index(2**62))
r = range(-2**62 - 1, -2**62 + 1)
print(list(r))
r = range(0, 2**62, 2**60)
print(list(r), len(r))
print(range(10**9)[-1], len(range(10**9)), range(10**12)[-1])
try:
    len(range(2**64))
except OverflowError:
    print("OverflowError")

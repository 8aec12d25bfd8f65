l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::2], l[1::3], l[::-1], l[::-3], l[-3:], l[:-3])
print(l[-100:100], l[5:2], l[5:2:-1], l[100:], l[:-100], l[8:2:-2], l[-1:-5:-1])
c = l[:]
print(c == l, c is l)
print(l[slice(2, 8, 3)], l[2**80:], l[:2**80], l[::2**80], l[::-2**80])
try:
    l[::0]
except ValueError as e:
    print("ValueError", e)
try:
    l[1.5:2]
except TypeError as e:
    print("TypeError", e)
class I:
    def __index__(self):
        return 3
print(l[I()], l[I():], l[:I()])
print([][:], [][1:2], [1][5:])

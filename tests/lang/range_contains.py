r = range(0, 100, 7)
print(0 in r, 7 in r, 8 in r, 98 in r, 99 in r, 100 in r, -7 in r, 7.0 in r, 7.5 in r, True in range(2), "a" in r)
r = range(50, 0, -5)
print(50 in r, 0 in r, 5 in r, 25 in r, 26 in r, 55 in r)
print(10**20 in range(10**3), 5 in range(0), 0 in range(0, 1))
big = range(0, 2**40, 3)
print(3 * 10**11 in big, 3 * 10**11 + 1 in big, big[-1], len(range(0, 2**30, 3)))
class E:
    def __eq__(self, other):
        return other == 3
print(E() in range(5), E() in range(4, 9))

# factorials: big products, division back down, digit sums
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f100 = fact(100)
print(f100)
print(sum(int(c) for c in str(f100)), len(str(f100)))
print(fact(120) // fact(118) == 120 * 119, fact(60) % fact(59), fact(30) // fact(28))
x = f100
n = 0
while x % 10 == 0:
    x //= 10
    n += 1
print(n)
print(fact(25) / fact(23))

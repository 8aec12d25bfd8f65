import random
# Mote's generator (xoshiro128**) gives the same sequence for a seed on every port
random.seed(42)
a = [random.getrandbits(16) for _ in range(5)]
random.seed(42)
b = [random.getrandbits(16) for _ in range(5)]
print(a == b, all(0 <= x < 65536 for x in a))
random.seed(1)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], random.randrange(0, 100, 10) % 10)
print(0 <= random.random() < 1, 2 <= random.uniform(2, 3) <= 3, random.choice("abc") in "abc")
print(random.getrandbits(0), random.getrandbits(100) < 2**100)
l = list(range(10))
random.shuffle(l)
print(sorted(l) == list(range(10)))
for bad in (lambda: random.choice([]), lambda: random.randrange(0), lambda: random.getrandbits(-1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)

from collections import deque
d = deque()
for i in range(5):
    d.append(i)
d.appendleft(-1)
print(d, len(d), d[0], d[-1], 3 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), list(d))
d.extend([7, 8])
d.extendleft([10, 11])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
m = deque([1, 2, 3], 3)
m.append(4)
print(m, m.maxlen)
m.appendleft(0)
print(m, list(m), deque([1, 2]) == deque([1, 2]))
m.clear()
print(m)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5]):
    try:
        bad()
    except IndexError as e:
        print("IndexError")
d2 = deque(range(10), maxlen=4)
print(d2, sum(d2))

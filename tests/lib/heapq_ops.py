import heapq
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data) == [1, 2, 4, 7, 8, 9])
print(heapq.heapreplace(data, 5), data[0], heapq.heappushpop(data, 0), heapq.heappushpop(data, 6), data[0])
t = []
for item in [(3, "c"), (1, "a"), (2, "b")]:
    heapq.heappush(t, item)
print([heapq.heappop(t) for _ in range(3)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__)

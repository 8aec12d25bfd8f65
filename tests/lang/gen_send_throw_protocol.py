def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        try:
            v = yield avg
        except ValueError:
            avg = None
            total = count = 0
            continue
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20))
print(a.throw(ValueError))
print(a.send(5))
a.close()
try:
    a.send(1)
except StopIteration:
    print("closed")

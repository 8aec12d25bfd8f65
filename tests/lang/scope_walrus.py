if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * 2) > 4], y)
def f():
    total = [s := 0]
    for v in range(4):
        s = s + v
    return [last := v for v in range(3)], last
print(f())
while (chunk := data.pop()) > 2:
    print("chunk", chunk)
print(chunk)
def g():
    return [(z := i) for i in range(3)], z
print(g())

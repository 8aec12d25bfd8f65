l = list(range(6))
l[1:3] = ["a", "b", "c"]
print(l)
l[:0] = [-1]
print(l)
l[len(l):] = [99, 100]
print(l)
l[2:5] = []
print(l)
l[:] = "xyz"
print(l)
l[1:1] = range(3)
print(l)
l[4:1] = [7]
print(l)
l[-2:] = (8, 9)
print(l)
l[:] = l
print(l)
l[1:3] = l
print(l)
try:
    l[0:1] = 5
except TypeError as e:
    print("TypeError", e)
m = list(range(8))
m[::2] = "abcd"
print(m)
m[1::3] = [10, 20, 30]
print(m)
m[::-2] = range(4)
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    m[::2] = 5
except TypeError as e:
    print("TypeError", e)
m[0:3:1] = []
print(m)
try:
    m[5:1:-1] = []
except ValueError as e:
    print("ValueError", e)
m[5:1:-1] = "abc"
print(m)
n = [1, 2, 3]
n[10:20] = [4]
print(n)
n[-10:1] = [0]
print(n)

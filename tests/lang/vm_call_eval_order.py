log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), k=v(3), **{"z": v(4)})
print(log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log)
log.clear()
v([1])[v(0)] = v("value")
print(log)
log.clear()
print(v(1) + v(2) * v(3))
print(log)

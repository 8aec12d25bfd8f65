log = []
class L:
    def __setitem__(self, k, v):
        log.append(("set", k, v))
    def __getitem__(self, k):
        log.append(("get", k))
        return 0
def val():
    log.append("val")
    return 5
l = L()
l["a"] = l["b"] = val()
print(log)
log.clear()
x = y = []
x.append(1)
print(y, x is y)
a = [0, 0]
i = a[i] = 1 if False else 0
print(i, a)

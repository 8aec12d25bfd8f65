# recursion deeper than the chip's C stack: calls continue in heap frames
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100))
log = []
def unwind(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return unwind(n - 1)
    finally:
        if n % 25 == 0:
            log.append(n)
try:
    unwind(100)
except ValueError as e:
    print("caught", e, log)
def catch_mid(n):
    if n == 0:
        raise KeyError("deep")
    if n == 50:
        try:
            return catch_mid(n - 1)
        except KeyError:
            return "handled at 50"
    return catch_mid(n - 1)
print(catch_mid(100))
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
head = None
for i in range(100):
    head = Node(i, head)
print(head.total())
def gen_in_deep(n):
    if n == 0:
        return list(x * 2 for x in range(3))
    return gen_in_deep(n - 1)
print(gen_in_deep(90))

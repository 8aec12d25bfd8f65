g = 0
def setg(v):
    global g
    g = v
setg(5)
print(g)
def newg():
    global fresh
    fresh = "made"
newg()
print(fresh)
def read_only():
    return g + 1
print(read_only())
def shadow():
    g = 100
    return g
print(shadow(), g)
def delg():
    global fresh
    del fresh
delg()
try:
    fresh
except NameError:
    print("deleted")
def nested():
    def inner():
        global g
        g = "inner"
    inner()
nested()
print(g)

def a():
    try:
        return "try"
    finally:
        print("a finally")
print(a())
def b():
    try:
        return "try"
    finally:
        return "finally wins"
print(b())
def c():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(c())
def d():
    x = 1
    try:
        return x
    finally:
        x = 2
print(d())
def e():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(e())
def f():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f())

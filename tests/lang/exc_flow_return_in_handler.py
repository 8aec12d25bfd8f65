def f(x):
    try:
        if x:
            raise ValueError
        return "no error"
    except ValueError:
        return "handled"
    finally:
        print("f finally", x)
print(f(0), f(1))
def g():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as e:
            if i == 1:
                return "returned at %s" % e
            continue
print(g())
def h():
    while True:
        try:
            raise RuntimeError
        except RuntimeError:
            break
    return "broke out"
print(h())

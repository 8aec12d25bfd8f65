def none():
    pass
def bare():
    return
def multi():
    return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
print(none(), bare(), multi(), early(1), early(0))
def nested_loops():
    for i in range(3):
        for j in range(3):
            if i + j == 3:
                return i, j
print(nested_loops())
def in_while():
    n = 0
    while True:
        n += 1
        if n == 5:
            return n
print(in_while())
def ret_in_try():
    try:
        return "try"
    except Exception:
        return "except"
print(ret_in_try())

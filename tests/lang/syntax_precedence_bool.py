# boolean operators and not: not < and < or
def t(x):
    print("eval", x)
    return x
print(True or False and False, (True or False) and False)
print(not True == False, (not True) == False, not 1 < 2)
print(not 0 and 1, not (0 and 1), 0 or not 0)
print(1 and 2 or 3, 0 and 2 or 3, 0 or 0 or 5, 1 and 0 and 3)
print(t(0) or t(2) and t(3))
print(t(1) and t(0) or t(4))
print(not not 1, not not not 0)
print(None or "default", "" or [] or {} or 0 or "last")
print(1 if 0 or 1 else 2, not 1 if 1 else 2)
print(3 > 2 > 1 and 1 < 2, 1 < 2 or 1 / 0)
a = [1, 2]
print(not 3 in a, 3 not in a, not 1 in a)

# operations complex numbers do not support
a = 1 + 2j
for expr in ["a < a", "a > 1", "a <= 1.0", "a // 2", "a % 2", "divmod(a, 2)", "int(a)", "float(a)",
             "a << 1", "a & 1", "~a", "round(a)"]:
    try:
        print(eval(expr))
    except TypeError:
        print(expr, "TypeError")
print(a == "x", a != None, a == [a])

# chained comparisons evaluate each operand once
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 <= 2 >= 1 > 0 != 5 == 5)
a = [1, 2]
b = a
print(a is b, a is not b, a is not [1, 2], 1 in a, 3 not in a, [1, 2] in [a])
print(1 in a in [a], 2 < 3 in [True], (2 < 3) in [True])
print(None is None is not False)
x = 5
print(0 <= x < 10, 0 <= x < 3, x == 5.0, 'a' < 'b' < 'c')
try:
    compile("1 <> 2", "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__)

def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
for v in (-5, 0, 3, 10, 100):
    print(v, classify(v))
x = 5
if x:
    print("truthy")
if not []:
    print("empty list is falsy")
if "":
    print("no")
else:
    print("empty str falsy")
if x > 3 and x < 10 or x == 100:
    print("range")
if not (x > 3 and x < 4):
    print("not range")

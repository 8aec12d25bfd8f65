for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("fin", i)
n = 0
while n < 5:
    n += 1
    try:
        try:
            if n == 2:
                continue
            if n == 4:
                break
        finally:
            print("inner", n)
    finally:
        print("outer", n)
print("n", n)

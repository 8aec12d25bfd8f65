# Recursive calls: the cost of a Python-level call and small-int arithmetic.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(3):
    total += fib(24)
print("fib", total)

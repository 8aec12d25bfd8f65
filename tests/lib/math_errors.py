import math
cases = [
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2),
    lambda: math.exp(1000), lambda: math.factorial(-1), lambda: math.pow(0, -1),
    lambda: math.fmod(1, 0), lambda: math.gamma(0), lambda: math.sqrt("x"),
    lambda: math.ldexp(1.0, 5000), lambda: math.floor(math.inf), lambda: math.floor(math.nan),
    lambda: math.factorial(2.5), lambda: math.isclose(1, 2, rel_tol=-1),
]
for c in cases:
    try:
        print(c())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__)
print(math.sqrt(math.inf), math.exp(-1000), math.atan(math.inf) == math.pi / 2)

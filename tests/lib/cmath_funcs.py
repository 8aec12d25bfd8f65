import cmath
def r(z):
    return complex(round(z.real, 9) + 0.0, round(z.imag, 9) + 0.0)
for z in (1 + 1j, -2 + 0.5j, 3j, -1, 0.25 - 4j):
    print(r(cmath.exp(z)), r(cmath.sqrt(z)), r(cmath.sin(z)), r(cmath.cos(z)), r(cmath.log(z)), r(cmath.log10(z)))
    print(r(cmath.tan(z)), r(cmath.sinh(z)), r(cmath.cosh(z)), r(cmath.tanh(z)), round(cmath.phase(z), 9))
print(cmath.polar(3 + 4j)[0], r(cmath.rect(2, 0)), r(cmath.rect(1, cmath.pi / 2)))
print(cmath.sqrt(-4), cmath.exp(0), cmath.pi, cmath.e, r(cmath.log(8, 2)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(float("inf"), 0)), cmath.isnan(complex(0, float("nan"))))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j))
for bad in (lambda: cmath.log(0), lambda: cmath.sqrt("x")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)

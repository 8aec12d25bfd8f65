# float literals
print(1.0, 1., .5, 0.25, 10.5)
print(1e3, 1E3, 1e+3, 1e-3, 2.5e2, .5e1, 5.e-1)
print(1_000.5, 1e1_0, 0.000_1, 1_0.0_1e0_1)
print(0e0, 00.5, 09.5, 0.0)
print(1e308, 1e-300)
print(type(1.), type(1e0), type(.0))
print(3.14159 * 2)
print(1.5.is_integer(), 2.0.is_integer())

# attributes and methods of float
x = 2.5
print(x.real, x.imag, x.conjugate(), type(x.imag))
print((3.0).is_integer(), (-3.5).is_integer(), (1.5).__round__(), (2.5).__round__(), (2.55).__round__(1))
print(float.__name__, type(1.5).__name__, isinstance(1.5, float), isinstance(1, float))
print((7.9).__int__(), (-7.9).__trunc__(), (7.1).__floor__(), (7.1).__ceil__())

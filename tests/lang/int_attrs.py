# numeric attributes and simple methods of int
for n in [0, 7, -7, 2 ** 100]:
    print(n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.as_integer_ratio())
print(True.real, True.numerator, type(True.real), (5).__index__(), (5).__int__())
print((3).__trunc__(), (3).__floor__(), (3).__ceil__(), (5).__round__(), (15).__round__(-1))
print(int.bit_length(255), int.__name__)

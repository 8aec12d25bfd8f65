# complex() from numbers
print(complex(), complex(1), complex(1.5), complex(True), complex(1, 2), complex(1.5, -2.5))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1j), complex(1j, 2))
print(complex(real=3), complex(imag=4), complex(real=1, imag=2), complex(1, -0.0), complex(-0.0, -0.0))
print(complex(2 ** 60), complex(0, 10 ** 20))

class C:
    def __complex__(self):
        return 5 + 6j

class F:
    def __float__(self):
        return 2.5

print(complex(C()), complex(F()), complex(F(), F()))
for args in [("1", 2), (1, "2"), (None,), ([1],), (1, None)]:
    try:
        complex(*args)
    except TypeError as e:
        print("TypeError", e)

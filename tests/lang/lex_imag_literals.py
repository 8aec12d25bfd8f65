# imaginary literals
print(1j, 2J, 1.5j, .5j, 1e2j, 1_0j, 0j, 09j)
print(type(1j))
print((1 + 2j) * 1j)
print(1j.imag, 1j.real)
print(3 - 4j == complex(3, -4))

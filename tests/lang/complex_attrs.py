# real, imag and conjugate of complex numbers
c = 3 - 4j
print(c.real, c.imag, c.conjugate(), type(c.real), (1j).real, (-1j).imag, (2 + 0j).conjugate())
print((5).conjugate(), (2.5).conjugate(), True.conjugate(), complex(1, -0.0).conjugate())
print(isinstance(1j, complex), type(1j).__name__, complex.__name__)

# repr/str of complex numbers
for c in [1j, -1j, 0j, 1 + 2j, 1 - 2j, -1 - 2j, 1.5 + 0.25j, complex(1.5, -0.0), complex(-0.0, -1),
          complex(-0.0, 0), complex(0, -0.0), complex(1, 0), 1e20j, 1e-5 + 1e16j,
          complex(float("inf"), 1), complex(0, float("nan")), complex(float("nan"), float("-inf")),
          2j * 2, 3 + 0j]:
    print(c, repr(c), str(c))
print([1j, 2 + 3j], (1 - 1j,))

# micropython.opt_level: read and set the optimisation level (0 unless -O is given)
import micropython

print(micropython.opt_level())
print(micropython.opt_level(2))
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.opt_level())

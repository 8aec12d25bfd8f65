# chip-float: exponent thresholds of double-precision repr
# when repr switches to exponent notation
print(1e15, 1e16, 1e17, 123456789012345678.0, 9999999999999998.0, 1e22, 1e100)
print(0.0001, 0.00001, 0.000123, 0.0000123, 1e-10, 1.5e-5, 1e-300)
print(-1e16, -1e-5, 1.5e16, 2.5e+20, 1e-7)
print(1e308, 1e-307, 12345e20, 0.5e-4)

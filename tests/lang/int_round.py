# round() of ints
print(round(5), round(-5), round(12345, 0), round(12345, 2), round(12345, -1), round(12345, -2))
print(round(15, -1), round(25, -1), round(35, -1), round(-15, -1), round(-25, -1), round(14, -1))
print(round(250, -2), round(350, -2), round(-250, -2), round(49, -2), round(50, -2), round(51, -2))
print(round(123456789012345678901234567890, -10), round(-(10 ** 30) - 5 * 10 ** 9, -10))
print(round(5, -5), round(99999, -5), round(50000, -5), round(150000, -5), round(7, -100))
print(type(round(5)), type(round(5, 1)), type(round(5, -1)))
print(round(True), round(2 ** 100, -30))

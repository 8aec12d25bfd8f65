# integer literals in every base, with underscores
print(0, 00, 0_0, 7, 123_456, 1_2_3)
print(0x0, 0xff, 0XFF, 0x_ff, 0xdead_beef, 0xAbC)
print(0o0, 0o17, 0O777, 0o_7_7)
print(0b0, 0b1010, 0B11, 0b_1_0)
# big values
print(123456789012345678901234567890)
print(0xffffffffffffffffffffffffffffffff)
print(0o7777777777777777777777777777)
print(0b1111111111111111111111111111111111111111111111111111111111111111)
print(1_000_000_000_000_000_000)
# around small-int boundaries
print(1073741823, 1073741824, 4611686018427387903, 4611686018427387904)
print(-2147483648, 9223372036854775807, 9223372036854775808)
# literal followed by attribute needs a space
print(1 .bit_length(), 255 .bit_length())
print(type(10), type(0x10))

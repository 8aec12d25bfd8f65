# bit_length and bit_count
for n in [0, 1, -1, 2, 3, 255, 256, -256, -257, 2 ** 30, 2 ** 31 - 1, 2 ** 62, 2 ** 63, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count())
print((10 ** 50).bit_length(), (3 ** 200).bit_count(), True.bit_length())

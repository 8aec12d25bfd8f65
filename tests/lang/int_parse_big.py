# long digit strings in many bases
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for base in [2, 3, 7, 8, 10, 16, 31, 36]:
    s = "".join(digits[(i * 7 + 3) % base] for i in range(300))
    n = int(s, base)
    print(base, n % 1000000007, n.bit_length(), int("-" + s, base) == -n, int(s.upper(), base) == n)
print(int("1" * 500) % 999999937, int("9" * 400) + 1 == 10 ** 400)
n = int("123456789" * 40)
print(str(n) == "123456789" * 40, int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n)
print(int("_".join(["1234"] * 50)) == int("1234" * 50))

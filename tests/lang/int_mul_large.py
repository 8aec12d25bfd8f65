# multiplication and division of numbers thousands of bits long
a = 3 ** 3000
b = 7 ** 2000 + 12345
p = 1000000007
print((a * b) % p == (a % p) * (b % p) % p, (a * a) % p, (a * b) % p)
print(str(a * b)[:30], str(a * b)[-30:], len(str(a * b)))
q, r = divmod(a * b + 17, b)
print(q == a, r)
c = (a * b) // (3 ** 2990)
print(c % p, c.bit_length())
x = (2 ** 4000 - 1) * (2 ** 3000 + 1)
print(x.bit_length(), x % 65537, x.bit_count(), len(bin(x)), hex(x)[:12], hex(x)[-12:])
s = 1
for k in range(1, 60):
    s = s * (2 ** 64 - k)
print(s % p, s.bit_length())
print((a * a - b * b) == (a - b) * (a + b))

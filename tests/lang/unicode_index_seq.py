# indexing long non-ASCII strs in sequence (forwards, backwards, alternating strs, slices)
s = 'héllo wörld ñandú €uro ' * 40
n = 0
for i in range(len(s)):
    if s[i] == 'ö':
        n += 1
for i in range(len(s) - 1, -1, -3):
    if s[i] == 'é':
        n += 1
print(n, len(s), s[100:110], s[-50:-40], s[::97], s.find('€', 300), s.rfind('ñ', 0, 500), s[500:520][::-1])
t = s * 2
print(t[len(s) + 5], t[-1], t[3], t[len(t) // 2], s[7], t[7], s[-7], t[-7])
u = '€' * 100 + 'x'
print(''.join(u[i] + s[i] for i in range(0, 101, 10)), u[100], u.index('x'), u[50:52], s[len(s) // 2:len(s) // 2 + 5])
for k in range(5):
    print(s[k * 97 % len(s)], t[k * 193 % len(t)], end=' ')
print()

# indexing non-ASCII strs by code point
s = 'aé€😀b'
print(len(s), [s[i] for i in range(len(s))], [s[-i] for i in range(1, len(s) + 1)])
print([ord(c) for c in s], s[1] == 'é', s[3] == '😀', len(s[3]), len(s[3].encode()))
for bad in [5, -6]:
    try:
        s[bad]
    except IndexError as e:
        print('IndexError', e)
t = 'ñ' * 50 + 'x'
print(t[50], t[-1], t[25], len(t), t.index('x'))

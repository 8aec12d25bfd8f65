# + and += on str, and the errors
a = 'abc'
print(a + 'def', a + '', '' + a, 'é' + '€', a + a + a)
b = a
b += 'x'
print(a, b)
s = ''
for i in range(20):
    s += str(i)
print(s, len(s))
for bad in [1, None, b'x', ['a'], 1.5]:
    try:
        a + bad
    except TypeError as e:
        print('TypeError', e)
    try:
        bad + a
    except TypeError:
        print('TypeError')

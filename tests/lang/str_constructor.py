# str(): no argument, objects, bytes with encoding
print(repr(str()), str(1), str(-2.5), str(None), str(True), str([1, 'a']), str((1,)), str({'a': 1}))
print(str(b'abc'), str(bytearray(b'x')), str('same'), str(1e100), str(10 ** 20))
print(str(b'abc', 'utf-8'), str(b'caf\xc3\xa9', 'utf-8'), str(b'\xe9', 'latin-1'), str(b'ab', 'ascii'))
print(str(b'a\xffb', 'utf-8', 'replace'), str(b'a\xffb', 'utf-8', 'ignore'), str(object=5), str(b'x', encoding='utf-8'))
print(str(bytearray(b'ok'), 'utf-8'), str(memoryview(b'mv'), 'utf-8'), str(b'x', errors='strict'))
class S:
    def __str__(self): return 'custom'
class R:
    def __repr__(self): return 'R()'
print(str(S()), str(R()), type(str(5)).__name__)
for args in [('a', 'utf-8'), (5, 'utf-8'), (b'\xff', 'utf-8'), (b'x', 'nope'), (b'x', 'utf-8', 'nope'), (b'\xff', 'utf-8', 'nope')]:
    try:
        print(str(*args))
    except UnicodeError:
        print('UnicodeError')
    except Exception as e:
        print(type(e).__name__)
try:
    str(1, 2, 3, 4)
except TypeError:
    print('TypeError')
class Bad:
    def __str__(self): return 5
try:
    str(Bad())
except TypeError:
    print('TypeError')

# append extend pop insert remove reverse clear copy, item assignment and deletion
b = bytearray(b'abc')
b.append(100)
b.extend(b'ef')
b.extend([103, 104])
b.extend(bytearray(b'i'))
b.extend(memoryview(b'j'))
b.extend(x for x in [107])
print(b, len(b))
print(b.pop(), b.pop(0), b.pop(-2), b)
b.insert(0, 65)
b.insert(100, 90)
b.insert(-1, 89)
b.insert(-100, 64)
print(b)
b.remove(65)
b.reverse()
print(b)
c = b.copy()
b.clear()
print(b, c, len(b))
c[0] = 48
c[-1] = 49
del c[1]
del c[-1]
print(c)
s = bytearray(b'xy')
s.extend(s)
s += bytes(s)
print(s)
for f in [lambda: bytearray().pop(), lambda: bytearray(b'a').pop(5), lambda: bytearray(b'a').remove(98),
          lambda: bytearray(b'a').append(256), lambda: bytearray(b'a').append('a'), lambda: bytearray(b'a').extend('ab'),
          lambda: bytearray(b'a').extend(5), lambda: bytearray(b'a').insert(0, -1)]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__)
c = bytearray(b'abc')
for bad in [(3, 1), (-4, 1), (0, 256), (0, 'a'), (0, 1.5)]:
    try:
        c[bad[0]] = bad[1]
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__)

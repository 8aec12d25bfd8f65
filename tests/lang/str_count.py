# str.count: non-overlapping, empty substring, ranges
s = 'aaaa bab aa'
for sub in ['a', 'aa', 'aaa', 'b', 'ab', ' ', '', 'x', 'aaaa bab aa', 'aaaa bab aaa']:
    print(repr(sub), s.count(sub), s.count(sub, 2), s.count(sub, 2, 6), s.count(sub, -4), s.count(sub, 20), s.count(sub, 5, 3))
print(''.count(''), ''.count('', 1), 'abc'.count('', 3), 'abc'.count('', 4), 'é€é'.count('é'), 'é€é'.count(''))
try:
    s.count(1)
except TypeError:
    print('TypeError')
long = 'ab' * 3000 + 'a' * 2001
print(long.count('a'), long.count('b'), long.count('ab'), long.count('a', 7, 4001), ('x' * 9999).count('x'), ('é' * 999).count('é'))
print(b'\x00\x01' * 1000 .count(b'\x00') if False else (b'\x00\x01' * 1000).count(0), bytearray(b'z' * 777).count(b'z'))

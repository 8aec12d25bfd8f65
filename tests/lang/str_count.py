# str.count: non-overlapping, empty substring, ranges
s = 'aaaa bab aa'
for sub in ['a', 'aa', 'aaa', 'b', 'ab', ' ', '', 'x', 'aaaa bab aa', 'aaaa bab aaa']:
    print(repr(sub), s.count(sub), s.count(sub, 2), s.count(sub, 2, 6), s.count(sub, -4), s.count(sub, 20), s.count(sub, 5, 3))
print(''.count(''), ''.count('', 1), 'abc'.count('', 3), 'abc'.count('', 4), 'é€é'.count('é'), 'é€é'.count(''))
try:
    s.count(1)
except TypeError:
    print('TypeError')

# hash: equal strs hash equal however they were made; strs as dict and set keys
a = 'hello'
b = ''.join(['hel', 'lo'])
c = 'hel' + 'lo'
d = 'xhello'[1:]
print(hash(a) == hash(b) == hash(c) == hash(d), a == b == c == d, a is not None)
d1 = {a: 1}
print(d1[b], d1[c], d1[d], b in d1, 'hellO' in d1)
keys = ['k%d' % i for i in range(40)]
m = {}
for i, k in enumerate(keys):
    m[k] = i
print(sum(m['k' + str(i)] for i in range(40)), len(m))
s = set(['a', 'b', 'a' + '', 'ab'[0]])
print(sorted(s), hash('') == hash(''.join([])), hash('é') == hash('xé'[1:]))
print({'x' * 3: 1}['xxx'], {'é€': 2}['é' + '€'], dict(a=1)['a'])

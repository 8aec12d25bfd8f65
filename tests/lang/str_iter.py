# iterating a str yields one-character strs
s = 'abc'
it = iter(s)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print(list('hello'), list(''), tuple('xy'), [c * 2 for c in 'abc'], list(reversed('abc')))
print(list('héllo€😀'), ''.join(reversed('héllo€')), sorted('dcba'), set('aab') == {'a', 'b'})
n = 0
for c in 'x' * 1000:
    n += c == 'x'
print(n, 'b' in iter('abc'), list(enumerate('ab')), dict(zip('ab', 'cd')))
a, b, c = 'xyz'
print(a, b, c, max('hello'), min('hello'))

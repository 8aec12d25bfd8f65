# str.maketrans and str.translate
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()), 'aabbcc d'.translate(t))
t2 = str.maketrans('ab', 'AB', 'c')
print(sorted(t2.items()), 'abcabc'.translate(t2))
t3 = str.maketrans({'a': '1', 'b': None, 99: 'C', 'é': 'e'})
print(sorted(t3.items()), 'abcé'.translate(t3))
print('hello'.translate({ord('l'): 'L' * 2}), 'hello'.translate({}), 'héllo'.translate({233: 101}))
class M:
    def __getitem__(self, k):
        if k == ord('x'):
            return 'Y'
        raise LookupError
print('axbx'.translate(M()))
for bad in [('ab', 'x'), (1,), ('a',)]:
    try:
        str.maketrans(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    'a'.translate({97: 1.5})
except TypeError:
    print('TypeError')

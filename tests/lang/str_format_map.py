# str.format_map with dicts and custom mappings
print('{a} {b[0]} {c.real}'.format_map({'a': 1, 'b': [2], 'c': 3}))
class M:
    def __getitem__(self, k):
        return k.upper()
print('{x} {hello} {x:>4}'.format_map(M()))
try:
    '{q}'.format_map({})
except KeyError as e:
    print('KeyError', e)
try:
    '{}'.format_map({})
except (ValueError, IndexError) as e:
    print(type(e).__name__)

# `in` on str
s = 'hello world'
for sub in ['', 'h', 'hello', 'world', 'lo w', 'xyz', 'hello world', 'hello world!', 'o w']:
    print(repr(sub), sub in s, sub not in s)
print('é' in 'café', '€' in 'a€b', 'ab' in 'a', '' in '')
for bad in [1, None, ['h']]:
    try:
        bad in s
    except TypeError as e:
        print('TypeError', e)

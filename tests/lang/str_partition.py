# str.partition / rpartition
for s in ['', 'a', 'a=b', 'a=b=c', '=', '==', 'abc', 'k: v: w']:
    for sep in ['=', ': ', 'abc', 'z']:
        print(repr(s), repr(sep), s.partition(sep), s.rpartition(sep))
print('héllo wörld'.partition('ö'), 'ü€ü'.rpartition('€'))
for bad in ['', 1, None]:
    try:
        'abc'.partition(bad)
    except Exception as e:
        print(type(e).__name__)
    try:
        'abc'.rpartition(bad)
    except Exception as e:
        print(type(e).__name__)

# find/index/count/replace/split return code point positions on non-ASCII strs
s = 'héllo wörld, héllo'
print(s.find('l'), s.rfind('l'), s.find('ö'), s.find('héllo', 1), s.index('w'), s.rindex('é'), s.count('é'))
print(s.find('l', 3), s.find('l', -4), s.find('o', 5, 9), s.startswith('wö', 6), s.endswith('é', 0, 2))
print(s.replace('é', 'e'), s.replace('l', 'ł', 2), s.split('ö'), s.partition(', '), s[s.find('w'):])
print('日本語'.find('語'), '日本語'.rfind('日'), '日本語'[1:].find('本'), '€€€'.count('€€'), '😀a😀'.index('a'))

# len, iteration, membership and comparison of non-ASCII strs
words = ['', 'a', 'é', 'aé', '€uro', '😀😀', 'mixed ASCII and ünïcödé']
for w in words:
    print(len(w), len(w.encode()), [c for c in w][:5], list(reversed(w))[:3], 'é' in w, w.count('é'))
print(sorted(['é', 'e', 'f', 'z', 'É', '€', '😀']), 'é' < 'ê', '€' > 'é', '😀' > '\uffff')
print(''.join(c.upper() for c in 'ünï'), list(map(ord, 'aé€')), [chr(c) for c in (233, 8364)])

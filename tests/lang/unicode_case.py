# case mapping beyond ASCII: Latin-1, Latin Extended, Greek, Cyrillic, special expansions
cases = ['café', 'ÀÉÎÕÜ', 'àéîõü', 'straße', 'ÿ', 'ŉ', 'ﬁ', 'ĳ', 'łódź', 'ΑΒΓ αβγ', 'ΣΑΣ', 'σας',
         'ὈΔΥΣΣΕΎΣ'[:0] + 'ΟΔΟΣ', 'привет мир', 'ПРИВЕТ', 'Ёлка', 'İstanbul', 'ǆemal', 'µ', 'ſ']
for s in cases:
    print(s, s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), len(s.upper()))
print('ß'.upper(), 'ß'.title(), 'ß'.casefold(), 'ẞ'.lower(), 'İ'.lower().encode(), 'Σ'.lower(), 'aΣ'.lower(), 'aΣb'.lower(), 'aΣ.'.lower())

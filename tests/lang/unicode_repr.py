# repr and ascii of non-ASCII strs
cases = ['é', 'Ω', 'ж', '日本', '😀', '\xa0', '\xad', '\u200b', '\u2028', '\u0378', '\ue000', '\U000e0001',
         '\U0010fffd', '\x85', '\x9f', 'a\u0301', '\u0301']
for s in cases:
    print(ascii(repr(s)), ascii(s), ascii([s]))
print(repr('é') == "'é'", len(repr('日本')), str(['ü']).encode())

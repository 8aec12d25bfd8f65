# is* predicates on common non-ASCII characters
preds = ['isalpha', 'isdigit', 'isdecimal', 'isnumeric', 'isalnum', 'isspace', 'isupper', 'islower',
         'istitle', 'isidentifier', 'isprintable', 'isascii']
cases = ['é', 'É', 'ß', 'ñandú', 'Ωmega', 'привет', 'Привет', '日本', 'ひらがな', '한국어', '٣', '४२', '²', '½', '①',
         'Ⅻ', '一二三', '\xa0', '\u2003', '\u3000', '\u2028', '\u200b', '\x85', '€', '😀', 'ǅ', 'ª', 'café1',
         'é_x', '２', '\xad']
for s in cases:
    print(ascii(s), ''.join('1' if getattr(s, p)() else '0' for p in preds))

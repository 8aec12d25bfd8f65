# slicing non-ASCII strs: a table of starts, stops and steps
s = 'aé€😀bçdΩ'
vals = [None, -10, -3, -1, 0, 1, 3, 7, 8, 10]
for step in [None, 1, 2, 3, -1, -2, -3]:
    print(step, '|'.join(' '.join(s[a:b:step] or '.' for b in vals) for a in vals))
print(s[::-1], s[1:-1], s[2:3], len(s[1:5]), s[1:5].encode())

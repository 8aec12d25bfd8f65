# strs are immutable; methods return new strs, the original is unchanged
s = 'abc'
t = s.upper()
print(s, t)
for stmt in ["s[0] = 'x'", "del s[0]", "s.x = 1", "s[0:1] = 'x'"]:
    try:
        exec(stmt)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
print(s)

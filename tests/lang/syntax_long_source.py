# a long program is compiled one statement at a time
lines = []
for i in range(30):
    lines.append("v%d = %d * 2 + (%d if %d %% 2 else -%d)" % (i, i, i, i, i))
for i in range(6):
    lines.append("def f%d(a, b=%d):\n    if a > b:\n        return a - b\n    return [a, b, %r]" % (i, i, str(i)))
lines.append("class Big:")
for i in range(8):
    lines.append("    m%d = %d" % (i, i))
    lines.append("    def g%d(self): return self.m%d + %d" % (i, i, i))
src = "\n".join(lines) + "\n"
del lines
d = {}
exec(src, d)
del src
print(d['v0'], d['v1'], d['v29'], sum(d['v%d' % i] for i in range(30)))
print(d['f0'](5), d['f5'](1), d['f5'](100))
b = d['Big']()
print(b.g0(), b.g7(), sum(getattr(b, 'g%d' % i)() for i in range(8)))

# % formatting with s r a c and %%
vals = ['', 'abc', 'é€', 5, None, [1, 'a'], (1,), 1.5]
fmts = ['%s', '%r', '%a', '%5s', '%-5s|', '%.2s', '%5.1s', '%-6.2r|', '%05s', '%+s']
for f in fmts:
    print(f, [f % (v,) for v in vals])
print('%c%c%c' % (65, 'é', 0x20ac), '%3c|%-3c|' % ('x', 'y'), '100%% %s' % 'sure', '%%%s%%' % 'x')
print('%s %s %s' % ('a', 1, 2.5), '%s' % 'single', '%s' % ((1, 2),), '%r' % ('q',), '%s' % [[]])

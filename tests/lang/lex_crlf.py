# CR LF and CR line endings
d = {}
exec("x = 1\r\ny = 2\r\nif x:\r\n    z = 3\r\n", d)
print(d['x'], d['y'], d['z'])
exec("a = 1\rb = 2\r", d)
print(d['a'], d['b'])
exec("s = '''l1\r\nl2'''\r\n", d)
print(repr(d['s']))
exec("t = (1,\r\n 2)\r\nu = 1 + \\\r\n 2\r\n", d)
print(d['t'], d['u'])
exec(b"v = 'bytes source'\r\n", d)
print(d['v'])

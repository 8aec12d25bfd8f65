# indentation with tabs, spaces, and consistently mixed blocks
def f():
	return 1
def g():
	if True:
		return 2
class C:
    def m(self):
        return 3
src = "if 1:\n\tx = 1\n\tif x:\n\t\ty = 2\nelse:\n  y = 3\n"
d = {}
exec(src, d)
print(f(), g(), C().m(), d['y'])
# form feed at the start of a line resets the column
exec("if 1:\n\f    z = 4\n", d)
print(d['z'])
# indentation by 1 and by 8 spaces
exec("if 1:\n a = 1\n if a:\n        b = 2\n", d)
print(d['a'], d['b'])
# blank lines and comment lines inside blocks do not matter
exec("def h():\n    x = 1\n\n        # c\n    return x\nr = h()\n", d)
print(d['r'])

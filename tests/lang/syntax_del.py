# del statement forms
a = 1; b = 2; c = 3
del a
del b, c
print('a' in globals(), 'b' in globals(), 'c' in globals())
x = [0, 1, 2, 3, 4, 5]
del x[0]
del x[1:3]
del x[-1],
print(x)
d = {'k': 1, 'j': 2, 'i': 3}
del d['k'], d['j']
print(d)
class O: pass
o = O()
o.p = 1; o.q = 2
del o.p
print(hasattr(o, 'p'), o.q)
m, n = 1, 2
del (m, n)
p, q = 1, 2
del [p, q]
print('m' in globals(), 'p' in globals())
def f():
    loc = 1
    del loc
    try:
        return loc
    except NameError:
        return "deleted"
print(f())
try:
    del undefined_name
except NameError:
    print("NameError")

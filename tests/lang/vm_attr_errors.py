class A:
    pass
a = A()
try:
    a.x
except AttributeError as e:
    print(e)
try:
    a.m()
except AttributeError as e:
    print(e)
try:
    del a.y
except AttributeError:
    print("AttributeError on del")
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    None.bar = 1
except AttributeError:
    print("AttributeError on None")
a.x = 1
print(a.x)

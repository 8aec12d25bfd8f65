class A:
    cls_attr = 1
    def method(self):
        pass
class B(A):
    def other(self):
        pass
b = B()
b.inst = 5
print([n for n in dir(b) if not n.startswith("_")])
print([n for n in dir(B) if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(set()) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")])
import sys
print("exit" in dir(sys), "stdout" in dir(sys), "nope" in dir(sys))
x = 1
print("x" in dir(), "b" in dir())
def f():
    a = 1
    z = 2
    return dir()
print(f())
class D:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(D()))
print(dir() == sorted(dir()))

class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError:
    print("TypeError mro")
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q): pass
except TypeError:
    print("TypeError mro 2")
try:
    class D(A, A): pass
except TypeError as e:
    print("TypeError", e)
try:
    class E(3): pass
except TypeError:
    print("TypeError base")
try:
    class F(bool): pass
except TypeError as e:
    print("TypeError", e)

class A: pass
a = A()
print(a == a, a == A(), a != a, a == 1, 1 == a, a == None, None == a)
print([a] == [a], (a,) == (a,), a in [A(), a], [A()].count(a), [a, a].index(a))
print({a: 1} == {a: 1}, a is not None)
nan = float("nan")
print(nan == nan, nan != nan, [nan] == [nan], nan in [nan])
print(1 == 1.0, 1 == True, "a" == "a", "a" == b"a", () == [], [1] == [1])

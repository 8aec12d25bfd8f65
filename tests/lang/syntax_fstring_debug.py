# self-documenting f-string fields {expr=}
x = 10
name = "bob"
print(f"{x=}")
print(f"{x = }")
print(f"{x=!s}", f"{x=!r}", f"{name=}", f"{name=!s}")
print(f"{x=:>6}|", f"{x = :05}")
print(f"{x+1=}", f"{x * 2 = }", f"{name.upper()=}")
print(f"{x==10=}", f"{x!=3=}", f"{x<=10=}", f"{x>=1=}")
print(f"a {x=} b {name=} c")
print(f"{3.5=:.2f}")

# try statement forms
def t(exc):
    try:
        if exc:
            raise exc
        print("no exception")
    except ValueError:
        print("ValueError")
    except (TypeError, KeyError) as e:
        print("tuple handler", type(e).__name__)
    except Exception as e:
        print("Exception", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally")
t(None); t(ValueError); t(KeyError("k")); t(ZeroDivisionError)
try:
    pass
finally:
    print("try/finally")
try:
    raise IndexError
except:
    print("bare except")
try:
    1 / 0
except ZeroDivisionError: print("one-line handler")
try: x = 1
except: pass
else: print("one-line else", x)
finally: print("one-line finally")
errs = (ValueError, IndexError)
try:
    [][1]
except errs as e:
    print("tuple variable", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError:
    print("handler name deleted")
for src in ["try:\n    pass\n", "try:\n    pass\nelse:\n    pass\n",
            "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
            "try:\n    pass\nexcept A, B:\n    pass\n", "try:\n    pass\nexcept A as b.c:\n    pass\n",
            "try:\n    pass\nfinally:\n    pass\nexcept:\n    pass\n", "except:\n    pass\n",
            "try: pass\nexcept A as (b):\n    pass\n", "try:\npass\nexcept:\n    pass\n",
            "try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)

def level3(): raise IndexError("deep")
def level2(): level3()
def level1():
    try:
        level2()
    except KeyError:
        print("not this")
try:
    level1()
except IndexError as e:
    print("caught", e)
try:
    try:
        try:
            raise ValueError("v")
        except TypeError:
            print("no")
    except ValueError as e:
        print("middle", e)
        raise
except ValueError:
    print("outer")
else:
    print("no else")
try:
    pass
except Exception:
    print("no")
else:
    print("else runs")
finally:
    print("finally runs")

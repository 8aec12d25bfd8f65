# skip-chip: imports helper modules from the test's directory
import __main__
X = "main value"
print(__main__.X, __main__.__name__, __name__)
import __main__ as again
print(again is __main__)

names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
         "StopIteration", "ArithmeticError", "OverflowError", "ZeroDivisionError",
         "AssertionError", "AttributeError", "EOFError", "ImportError", "ModuleNotFoundError",
         "LookupError", "IndexError", "KeyError", "MemoryError", "NameError",
         "UnboundLocalError", "OSError", "RuntimeError", "NotImplementedError",
         "RecursionError", "SyntaxError", "IndentationError", "TypeError", "ValueError",
         "UnicodeError", "StopAsyncIteration"]
for n in names:
    cls = eval(n)
    print(n, cls.__bases__[0].__name__, issubclass(cls, Exception), issubclass(cls, BaseException))
print([c.__name__ for c in UnboundLocalError.__mro__])

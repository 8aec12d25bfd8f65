names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception", "StopIteration",
         "StopAsyncIteration", "ArithmeticError", "OverflowError", "ZeroDivisionError", "AssertionError",
         "AttributeError", "EOFError", "ImportError", "LookupError", "IndexError", "KeyError", "MemoryError",
         "NameError", "UnboundLocalError", "OSError", "RuntimeError", "NotImplementedError", "RecursionError",
         "SyntaxError", "IndentationError", "TypeError", "ValueError", "UnicodeError", "ModuleNotFoundError"]
import builtins
for n in names:
    e = getattr(builtins, n)
    bases = [b.__name__ for b in (e.__mro__ if hasattr(e, "__mro__") else ()) ][1:2]
    print(n, e.__name__ == n, issubclass(e, BaseException), isinstance(e(), BaseException))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(IndentationError, SyntaxError))
try:
    raise KeyError("k")
except LookupError as e:
    print(type(e).__name__, e)

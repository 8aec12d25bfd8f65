# skip-chip: imports helper modules from the test's directory
import sys
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    import _imp_pkg.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _imp_mod.not_a_package
except ModuleNotFoundError as e:
    print(type(e).__name__)
try:
    from _imp_pkg import no_such_name
except ImportError as e:
    print(type(e).__name__)
for attempt in range(2):
    try:
        import _imp_bad
    except ValueError as e:
        print("ValueError", e, "_imp_bad" in sys.modules)
try:
    import _imp_syntaxerr
except SyntaxError as e:
    print("SyntaxError", "_imp_syntaxerr" in sys.modules)

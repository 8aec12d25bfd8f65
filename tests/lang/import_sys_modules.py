# skip-chip: imports helper modules from the test's directory
import sys
class Fake:
    answer = 42
sys.modules["fake_module_abc"] = Fake()
import fake_module_abc
print(fake_module_abc.answer)
from fake_module_abc import answer
print(answer)
import _imp_mod
del sys.modules["_imp_mod"]
import _imp_mod as again
print(again.VALUE, "_imp_mod" in sys.modules)

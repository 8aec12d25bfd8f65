# skip-chip: imports helper modules from the test's directory
import _imp_ns.leaf
print(_imp_ns.leaf.LEAF)
from _imp_ns import leaf
print(leaf.LEAF, hasattr(_imp_ns, "__path__"))

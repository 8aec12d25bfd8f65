# skip-chip: imports helper modules from the test's directory
import _imp_rel
print(_imp_rel.NAME, _imp_rel.helper(), _imp_rel.sibling.S, _imp_rel.inner.PACKAGE)
from _imp_rel.deep import leaf
print(leaf.S2, leaf.inner.helper())
try:
    import _imp_rel.deep.far
except ImportError as e:
    print(type(e).__name__)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__)

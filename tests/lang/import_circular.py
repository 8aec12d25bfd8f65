# skip-chip: imports helper modules from the test's directory
import _imp_circ_a
import _imp_circ_b
print(_imp_circ_a.A, _imp_circ_a.from_b(), _imp_circ_b.from_a(), _imp_circ_b.partial)
import _imp_from_circ_a
import _imp_from_circ_b
print(_imp_from_circ_a.BVAL, _imp_from_circ_b.get())

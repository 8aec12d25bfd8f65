BVAL = "bvalue"
import _imp_from_circ_a
def get():
    return _imp_from_circ_a.AVAL

import _imp_pkg.mod_a
C = _imp_pkg.mod_a.A + 2

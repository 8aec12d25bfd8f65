# helper package for the import_* tests
print("loading _imp_pkg")
PKG = "pkg"

import builtins
print(builtins.__name__, builtins.len is len, builtins.print is print, builtins.int is int)
print(builtins.len([1, 2]), getattr(builtins, "max")(1, 2), hasattr(builtins, "nonexistent_name"))
names = dir(builtins)
for n in ["abs", "all", "any", "bin", "bool", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
          "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "frozenset", "getattr",
          "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list",
          "locals", "map", "max", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range",
          "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
          "tuple", "type", "zip", "__import__", "__build_class__", "NotImplemented", "Ellipsis", "memoryview"]:
    if n not in names:
        print("missing", n)
print(Ellipsis is ..., NotImplemented is builtins.NotImplemented, __debug__)
print(__import__("sys").__name__, callable(__build_class__))
def shadow():
    len = lambda x: "shadowed"
    return len([])
print(shadow(), len([]))

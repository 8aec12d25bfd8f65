# every method of str, bytes, bytearray and memoryview is found (and callable)
str_methods = ['capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format',
               'format_map', 'index', 'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier',
               'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower',
               'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex',
               'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase',
               'title', 'translate', 'upper', 'zfill', '__format__']
bytes_methods = ['capitalize', 'center', 'count', 'decode', 'endswith', 'expandtabs', 'find', 'fromhex', 'hex',
                 'index', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper',
                 'join', 'ljust', 'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix',
                 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines',
                 'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill']
bytearray_methods = bytes_methods + ['append', 'clear', 'copy', 'extend', 'insert', 'pop', 'remove', 'reverse']
mv_methods = ['cast', 'hex', 'release', 'tobytes', 'tolist', '__enter__', '__exit__']
for obj, names in [('abc', str_methods), (b'abc', bytes_methods), (bytearray(b'abc'), bytearray_methods),
                   (memoryview(b'abc'), mv_methods)]:
    missing = [n for n in names if not callable(getattr(obj, n, None))]
    print(type(obj).__name__, len(names), missing)
for t, names in [(str, str_methods), (bytes, bytes_methods), (bytearray, bytearray_methods)]:
    print(t.__name__, [n for n in names if not hasattr(t, n)])
print('abc'.nonexistent if hasattr('abc', 'nonexistent') else 'no attr', hasattr(b'', 'encode'), hasattr('', 'decode'))

# str-like methods of bytes
b = b'  Hello World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.center(20, b'*'), b.ljust(18, b'-'), b.rjust(18), b'42'.zfill(5), b'-42'.zfill(6), b'a\tb'.expandtabs(4))
print(b.replace(b'l', b'L'), b.replace(b'l', b'', 2), b'abc'.replace(b'', b'-'), b.count(b'l'), b.count(108))
print(b'a,b,,c'.split(b','), b'a b  c'.split(), b'a b c'.rsplit(None, 1), b'a\nb\r\nc'.splitlines(), b'x\ny\n'.splitlines(True))
print(b'k=v=w'.partition(b'='), b'k=v=w'.rpartition(b'='), b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]))
print(b'abc'.startswith(b'ab'), b'abc'.endswith((b'x', b'bc')), b'abc'.startswith(b'b', 1), b'pre_x'.removeprefix(b'pre_'), b'x.py'.removesuffix(b'.py'))
print(b'abc'.isalpha(), b'123'.isdigit(), b'a1'.isalnum(), b' \t'.isspace(), b'ABC'.isupper(), b'abc'.islower(), b'Ab Cd'.istitle(), b'\x80'.isascii(), b''.isalpha())
print(b'\xe9'.upper(), b'\xe9'.isalpha(), b'\x1c'.isspace(), b'a\x1cb'.split(), bytes.maketrans(b'ab', b'xy')[97:99], b'abc'.translate(bytes.maketrans(b'a', b'z'), b'c'))
print(b'abc'.translate(None, b'b'), b'hello'.translate(None))
for f in [lambda: b'a'.split(''), lambda: b'a'.strip('a'), lambda: b'a'.join(['a']), lambda: b'a'.replace('a', 'b'),
          lambda: b'a'.startswith('a'), lambda: b'a'.center(5, 'x'), lambda: b'a'.split(b'')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

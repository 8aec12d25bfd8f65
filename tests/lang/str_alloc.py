# skip-chip: host word sizes; the float formatting of the chip build allocates scratch space
# Heap bytes allocated by string operations stay within what their results need (no
# temporary buffers, no per-character allocation). Mote-specific: gc.mem_alloc() deltas.
import gc
import sys

W = 8 if sys.maxsize > 2 ** 32 else 4  # machine word
B = 4 * W  # GC block
HDR = 32 if W == 8 else 20  # sizeof(mt_str_t): bytes and str share it


def rnd(n):
    return (n + B - 1) // B * B


def str_size(n):  # one block run: header, n bytes of text, NUL
    return rnd(HDR + n + 1)


def list_size(n):
    return rnd(4 * W) + rnd(n * W)


SLICE = B  # the slice object s[a:b] builds


def cost(f):
    f()  # warm up (call-site caches)
    gc.collect()
    gc.disable()
    a = gc.mem_alloc()
    f()
    b = gc.mem_alloc()
    gc.enable()
    return b - a


s = 'abcdefghij' * 10
u = 'é' * 50
words = ' '.join(['word'] * 100)
parts = ['abcde'] * 100


def it():
    for c in s:
        pass


t = 'aé€' * 10


def uit():
    for c in t:
        pass




def check(name, f, bound):
    c = cost(f)
    print(name, 'ok' if c <= bound else 'allocated %d, bound %d' % (c, bound))


check('slice', lambda: s[10:50], str_size(40) + SLICE)
check('index', lambda: s[3], 0)
check('iter', it, 0)
check('iter non-ascii', uit, 10 * str_size(3))  # only the 10 '€': Latin-1 chars are const
check('latin-1 index', lambda: u[7], 0)
check('chr latin-1', lambda: chr(233), 0)
check('join', lambda: ','.join(parts), str_size(599))
check('split', lambda: words.split(), list_size(100) + 100 * str_size(4))
check('split sep', lambda: words.split(' ', 10), list_size(11) + 10 * str_size(4) + str_size(90 * 5 - 1))
check('rsplit', lambda: words.rsplit(None, 1), list_size(2) + str_size(4) + str_size(99 * 5 - 1))
check('replace', lambda: s.replace('a', 'xy'), str_size(110))
check('upper', lambda: s.upper(), str_size(100))
check('strip nothing', lambda: s.strip(), 0)
check('concat', lambda: s + s, str_size(200))
check('repeat', lambda: s * 3, str_size(300))
check('center', lambda: s.center(200), str_size(200))
check('zfill', lambda: s.zfill(120), str_size(120))
check('format', lambda: format(s, '>120'), str_size(120))
check('format int', lambda: format(123456789, ','), str_size(11))
check('format float', lambda: format(3.14159, '.2f'), str_size(4))
check('str.format', lambda: '{:>10}|{}'.format('ab', 12345), str_size(16))
check('percent', lambda: '%5d|%s|%x' % (42, 'xyz', 255), str_size(12) + rnd(W * 5))
check('fstring', lambda: f'<{s}>', str_size(102))
check('encode', lambda: s.encode(), str_size(100))
check('decode', lambda: b'abcdef'.decode(), str_size(6))
check('unicode slice', lambda: u[5:20], str_size(30) + SLICE)
check('unicode index', lambda: (u + '€')[50], str_size(3) + str_size(103))
check('unicode upper', lambda: u.upper(), str_size(100))
check('find', lambda: s.find('j', 5), 0)
check('count', lambda: s.count('a'), 0)
check('startswith', lambda: s.startswith('abc'), 0)
check('compare', lambda: s < u, 0)
check('hash', lambda: hash(s), 0)
check('bytes join', lambda: b','.join([b'ab', b'cd', b'ef']), str_size(8) + list_size(3))
check('bytes slice', lambda: b'0123456789'[2:5], str_size(3) + SLICE)

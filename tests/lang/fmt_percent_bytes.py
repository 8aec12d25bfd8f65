# % formatting of bytes and bytearray
print(b'%s %s' % (b'ab', bytearray(b'cd')), b'%d %i %x %X %o' % (5, -3, 255, 255, 8), b'%5s|%-5s|' % (b'a', b'b'))
print(b'%c%c' % (65, b'z'), b'%r %a' % (b'q', 'é'), b'%b' % memoryview(b'mv'), b'%.1s' % b'xyz', b'%%')
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 7}, bytearray(b'%s!') % b'x', b'%05.1f' % 2.25, b'%e' % 1.5)
class B:
    def __bytes__(self):
        return b'BB'
print(b'%s' % B())
for f, a in [(b'%s', 'str'), (b'%c', 300), (b'%d', b'x'), (b'%s', 5), (b'%c', b'ab'), (b'%d %d', (1,)), (b'x', 1)]:
    try:
        print(f % a)
    except (TypeError, ValueError, OverflowError) as e:
        print(f, type(e).__name__)

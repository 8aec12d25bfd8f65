# micropython: stack_use, kbd_intr, alloc_emergency_exception_buf, native/viper decorators
import micropython


def depth(n):
    if n == 0:
        return micropython.stack_use()
    return depth(n - 1)


top = micropython.stack_use()
print(type(top) is int, top > 0, depth(5) > top)
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
print(micropython.alloc_emergency_exception_buf(100))


@micropython.native
def add(a, b):
    return a + b


@micropython.viper
def mul(a, b):
    return a * b


print(add(2, 3), mul(4, 5))

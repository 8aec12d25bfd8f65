# decorators on functions and classes, any expression
log = []
def deco(f):
    log.append(f.__name__)
    return f
def deco_arg(tag):
    def d(f):
        log.append(tag)
        return f
    return d
class NS:
    def method_deco(self, f):
        log.append("method")
        return f
ns = NS()
decos = [deco]
@deco
def a(): return "a"
@deco_arg("x")
@deco
def b(): return "b"
@ns.method_deco
def c(): return "c"
@decos[0]
def d(): return "d"
@(lambda f: f)
def e(): return "e"
@deco if True else None
def g(): return "g"
@deco
class K:
    @staticmethod
    def s(): return "static"
    @classmethod
    def cm(cls): return cls.__name__
    @property
    def p(self): return "prop"
print(a(), b(), c(), d(), e(), g(), K.s(), K.cm(), K().p)
print(log)
def order(n):
    def dd(f):
        print("apply", n)
        return f
    print("make", n)
    return dd
@order(1)
@order(2)
def h(): pass
for src in ["@deco\nx = 1\n", "@\ndef f(): pass\n", "@deco def f(): pass\n", "@deco\n\ndef f(): pass\n",
            "@deco\n@\ndef f(): pass\n", "@x := y\ndef f(): pass\n", "@(x := deco)\ndef f(): pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)

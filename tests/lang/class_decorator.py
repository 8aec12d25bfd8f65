def register(cls):
    cls.registered = True
    return cls
def add_method(cls):
    def extra(self):
        return "extra " + type(self).__name__
    cls.extra = extra
    return cls
@register
@add_method
class Thing:
    pass
print(Thing.registered, Thing().extra())
def replace(cls):
    return 42
@replace
class Gone:
    pass
print(Gone)

from .sibling import S
def helper():
    return "helper+" + S
PACKAGE = __package__

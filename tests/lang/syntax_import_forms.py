# import statement forms (parsed with compile; run with modules every port has)
import sys
import sys as system
import sys, sys as s2
from sys import path
from sys import path as p, argv
from sys import (path as p2,
                 argv as a2,)
print(system is sys, s2 is sys, p is path, p2 is path, a2 is argv)
def f():
    import sys as inner
    from sys import path as ip
    return inner is sys and ip is path
print(f())
for src in ["import a.b.c", "import a.b.c as d", "import a, b.c as d, e",
            "from . import x", "from .. import x", "from ... import x", "from .... import x",
            "from .a import b", "from ..a.b import (c, d as e)", "from a import *",
            "from .a import *", "from a import (b,)", "from a import b, c",
            "from __future__ import annotations"]:
    compile(src, "<s>", "exec")
    print(src, "ok")
for src in ["import", "import a as", "import a as b.c", "import .a", "import a.", "from a import",
            "from a import (b", "from a import b,", "from import a", "from a import (*)",
            "from a import *, b", "from a import b as", "def f(): from a import *",
            "from a.b import c.d", "import (a)", "from a import 1", "import a as 1"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)

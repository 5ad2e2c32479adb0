"""Language constructs swept: tables of operators, scopes, classes, iterables and names, combined into cases.

Every case is a function `case_N(ns)` (some with module-level definitions of their own) that prints what it sees. All
cases run in CPython and, built by one `hwgw build`, in one Node process; each case's output and the type of the
exception it ends with (if any) must be the same in both.
"""

import hashlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

import hwgw.build
from hwgw.node import node_executable

ROOT = Path(__file__).resolve().parents[1]
LOADER = ROOT / "hwgw" / "game_root_loader.mjs"
PACKAGE = "sweep"
CASES_PER_MODULE = 20


@dataclass(frozen=True)
class Case:
    table: str
    name: str  # what the case does, e.g. "a < b() <= c with (1, 2, 3)"
    body: str  # statements; `_U_` is replaced by a suffix unique to the case, `_M_` by one unique to its module
    setup: str = ""  # module-level code, `_U_` and `_M_` replaced likewise (a setup is written once per module)
    module: str | None = None  # a module of its own (names that must be exactly what they are at module level)


def _indent(text: str, by: str = "    ") -> str:
    return textwrap.indent(textwrap.dedent(text).strip("\n"), by) + "\n"


# --- chained comparisons: every middle operand is evaluated once, left to right, and the chain stops early ---------

CHAIN_OPS = ["<", "<=", ">", ">=", "==", "!="]
CHAIN_VALUES = [(1, 2, 3), (3, 2, 1), (2, 2, 2), (1, 3, 2), (2, 1, 1)]
LONG_CHAIN_OPS = ["<", "==", ">="]
LONG_CHAIN_VALUES = [(1, 2, 3, 4), (1, 2, 2, 1), (4, 3, 2, 1), (2, 2, 2, 2)]
PROBE = """
log = []


def p(v):
    log.append(v)
    return v
"""
# Membership, identity and mixed chains, and chains in every kind of context.
CHAIN_EXPRESSIONS = [
    "p('a') in p('ab') in p(['ab', 'c'])", "p('a') in p('ab') not in p(['x'])", "p('z') not in p('ab') in p(['ab'])",
    "p('a') not in p('ab') not in p([])", "p(None) is p(None) is not p(1)", "p(1) is not p(None) is p(None)",
    "p(1) < p(2) in p([2, 3])", "p(3) in p([3]) == p(True)", "p([1]) == p([1]) != p([2])",
    "p('b') > p('a') < p('c')", "p((1, 2)) < p((1, 3)) <= p((1, 3))", "p(1) < p(2.5) < p(3)",
]
CHAIN_CONTEXTS = [
    ("if", "if LO < p(5) < HI:\n    print('in')\nelse:\n    print('out')\nprint(log)"),
    ("while", "n = 0\nwhile LO < p(5) < HI and n < 2:\n    n += 1\nprint(n, log)"),
    ("comprehension filter", "print([v for v in [4, 5, 6] if LO < p(v) < HI], log)"),
    ("comprehension value", "print([LO < p(v) < HI for v in [4, 5]], log)"),
    ("generator", "print(list(LO < p(v) < HI for v in [5, 9]), log)"),
    ("dict comprehension", "print(sorted({str(v): LO < p(v) < HI for v in [5, 9]}.items()), log)"),
    ("lambda", "f = lambda v: LO < p(v) < HI\nprint(f(5), f(9), log)"),
    ("not", "print(not (LO < p(5) < HI), log)"),
    ("and value", "print(LO < p(5) < HI and p('then'), log)"),
    ("or value", "print(LO < p(5) < HI or p('else'), log)"),
    ("ternary", "print('in' if LO < p(5) < HI else 'out', log)"),
    ("nested function", "def g():\n    return LO < p(5) < HI\n\nprint(g(), log)"),
    ("assert", "assert LO < p(5) < HI\nprint(log)"),
    ("f-string", "print(f'{LO < p(5) < HI}', log)"),
    ("call argument", "print(max(LO < p(5) < HI, 0), log)"),
    ("two chains", "print(LO < p(5) < HI, LO < p(6) < HI, log)"),
    ("chain in a chain operand", "print(LO < p(p(5)) < HI, log)"),
    ("subscript middle", "xs = [5]\nprint(LO < xs[p(0)] + 5 < HI, log)"),
]
CHAIN_BOUNDS = [(0, 10), (6, 10), (0, 5)]
CHAIN_SPECIAL = [
    ("ns call", """
        before = len(ns.calls)
        print(0 < ns.getServerSecurityLevel('n00dles') < 10, len(ns.calls) - before)
        print(0 < ns.getServerSecurityLevel('n00dles') < ns.getServerMoneyAvailable('n00dles') < 9,
              len(ns.calls) - before)
    """, ""),
    ("ns call in a loop condition", """
        before = len(ns.calls)
        n = 0
        while 0 < ns.getServerSecurityLevel('n00dles') < 10 and n < 3:
            n += 1
        print(n, len(ns.calls) - before)
    """, ""),
    ("await in the middle", """
        print(0 < await later_U_(5) < 10, log_U_)
        print(0 < p_U_(await later_U_(5)) < 3, log_U_)
    """, """
        log_U_ = []


        def p_U_(v):
            log_U_.append(v)
            return v


        async def later_U_(v):
            log_U_.append(('later', v))
            return v
    """),
    ("property middle", """
        g = Gauge_U_()
        print(0 < g.level < 10, g.reads)
        print(0 < g.level < 10 < g.level, g.reads)
    """, """
        class Gauge_U_:
            def __init__(self):
                self.reads = 0

            @property
            def level(self):
                self.reads += 1
                return self.reads
    """),
    ("custom __lt__", """
        a, b, c = Rank_U_(1), Rank_U_(2), Rank_U_(3)
        print(a < b < c, c < b < a, a < b <= b, log_U_)
    """, """
        log_U_ = []


        class Rank_U_:
            def __init__(self, n):
                self.n = n

            def __lt__(self, other):
                log_U_.append(('<', self.n, other.n))
                return self.n < other.n

            def __le__(self, other):
                log_U_.append(('<=', self.n, other.n))
                return self.n <= other.n
    """),
    ("module level", "print(CHAIN_U_, LOG_U_)", """
        LOG_U_ = []


        def probe_U_(v):
            LOG_U_.append(v)
            return v


        CHAIN_U_ = 0 < probe_U_(5) < 10 < probe_U_(11)
    """),
    ("class body", "print(Limits_U_.ok, LOG_U_)", """
        LOG_U_ = []


        def probe_U_(v):
            LOG_U_.append(v)
            return v


        class Limits_U_:
            ok = 0 < probe_U_(5) < 10
    """),
]


def chain_cases() -> list[Case]:
    cases = []
    for (op1, op2), values in itertools.product(itertools.product(CHAIN_OPS, repeat=2), CHAIN_VALUES):
        a, b, c = values
        expression = f"p({a}) {op1} p({b}) {op2} p({c})"
        cases.append(Case("chains", expression, PROBE + f"print({expression}, log)"))
    for ops, values in itertools.product(itertools.product(LONG_CHAIN_OPS, repeat=3), LONG_CHAIN_VALUES):
        parts = [f"p({v})" for v in values]
        expression = parts[0] + "".join(f" {op} {part}" for op, part in zip(ops, parts[1:]))
        cases.append(Case("chains", expression, PROBE + f"print({expression}, log)"))
    for expression in CHAIN_EXPRESSIONS:
        cases.append(Case("chains", expression, PROBE + f"print({expression}, log)"))
    for (context, code), (lo, hi) in itertools.product(CHAIN_CONTEXTS, CHAIN_BOUNDS):
        body = code.replace("LO", str(lo)).replace("HI", str(hi))
        cases.append(Case("chains", f"{context} with bounds {lo}, {hi}", PROBE + body))
    for name, body, setup in CHAIN_SPECIAL:
        cases.append(Case("chains", name, body, setup))
    return cases


# --- global and nonlocal at every nesting depth -------------------------------------------------------------------

# What one function level does with the name `v`: its declaration and the statement that follows it.
SCOPE_ROLES = {
    "read": ("", ""),
    "local": ("", "v = 'L{i}'"),
    "global": ("global v", "v = 'G{i}'"),
    "global read": ("global v", ""),
    "global augmented": ("global v", "v += '+G{i}'"),
    "nonlocal": ("nonlocal v", "v = 'N{i}'"),
    "nonlocal read": ("nonlocal v", ""),
    "nonlocal augmented": ("nonlocal v", "v += '+N{i}'"),
}
DEPTH_4_STRIDE = 7  # depth 4 has 8**4 role combinations: every 7th of them


def _nested_functions(roles: tuple[str, ...], module_binds: bool) -> str:
    """Functions f0 > f1 > ... nested in each other, each doing its role with `v` and noting what it sees."""
    lines = ["v_U_ = 'M'\n" if module_binds else "", "seen_U_ = []", "", ""]

    def level(i: int, indent: str) -> None:
        declaration, statement = SCOPE_ROLES[roles[i]]
        lines.append(f"{indent}def f{i}_U_():")
        inner = indent + "    "
        if declaration:
            lines.append(inner + declaration.replace(" v", " v_U_"))
        if statement:
            lines.append(inner + statement.format(i=i).replace("v ", "v_U_ ", 1))
        lines.append(f"{inner}seen_U_.append(('f{i} before', v_U_))")
        if i + 1 < len(roles):
            level(i + 1, inner)
            lines.append(f"{inner}f{i + 1}_U_()")
        lines.append(f"{inner}seen_U_.append(('f{i} after', v_U_))")

    level(0, "")
    return "\n".join(lines) + "\n"


def _reads_unbound(setup: str) -> bool:
    """True if CPython raises NameError: a module variable read before anything binds it (a known deviation)."""
    namespace: dict = {}
    exec(setup.replace("_U_", ""), namespace)
    try:
        namespace["f0"]()
    except NameError:
        return True
    return False


def _compiles(source: str) -> bool:
    try:
        compile(source, "<case>", "exec")
    except SyntaxError:
        return False
    return True


MODULE_VALUE = """


def module_value_U_():
    try:
        return v_U_
    except:  # noqa: E722 - NameError in CPython, a JavaScript ReferenceError when built
        return 'unbound'
"""


def scope_cases() -> list[Case]:
    cases = []
    combos = []
    for depth in (1, 2, 3, 4):
        every = list(itertools.product(SCOPE_ROLES, repeat=depth))
        combos += every if depth < 4 else every[::DEPTH_4_STRIDE]
    for roles in combos:
        for module_binds in (True, False) if len(roles) <= 2 else (True,):
            setup = _nested_functions(roles, module_binds)
            if not _compiles(setup) or not module_binds and _reads_unbound(setup):
                continue
            body = "try:\n    f0_U_()\nfinally:\n    print(seen_U_, module_value_U_())"
            name = " > ".join(roles) + ("" if module_binds else ", no module-level v")
            cases.append(Case("scopes", name, body, setup + MODULE_VALUE))
    cases += [Case("scopes", name, body, setup) for name, body, setup in SCOPE_SPECIAL]
    return cases


SCOPE_SPECIAL = [
    ("global in a method of a class in a function with a local", """
        print(outer_U_(), count_U_)
    """, """
        count_U_ = 100


        def outer_U_():
            count_U_ = 1

            class Counter:
                def bump(self):
                    global count_U_
                    count_U_ += 1
                    return count_U_

            return Counter().bump(), count_U_
    """),
    ("global read in a lambda under a shadowing local", """
        print(outer_U_())
    """, """
        name_U_ = 'module'


        def outer_U_():
            name_U_ = 'local'

            def inner():
                global name_U_
                return [(lambda: name_U_)(), [name_U_ for _ in range(1)]]

            return inner(), name_U_
    """),
    ("global created by a function", """
        make_U_()
        print(made_U_)
    """, """
        def make_U_():
            global made_U_
            made_U_ = 'made'
    """),
    ("nonlocal through a class body", """
        print(outer_U_())
    """, """
        def outer_U_():
            v = 'outer'

            class Box:
                v = 'class'

                def set(self):
                    nonlocal v
                    v = 'set by method'
                    return v

            Box().set()
            return v, Box.v
    """),
    ("global shadowed by a parameter of the enclosing function", """
        print(outer_U_(5), total_U_)
    """, """
        total_U_ = 0


        def outer_U_(total_U_):
            def add():
                global total_U_
                total_U_ += 10
                return total_U_

            return add(), total_U_
    """),
    ("global shadowed by a loop variable of the enclosing function", """
        print(outer_U_(), last_U_)
    """, """
        last_U_ = 'module'


        def outer_U_():
            seen = []
            for last_U_ in ['a', 'b']:
                def keep():
                    global last_U_
                    last_U_ = 'kept'
                keep()
                seen.append(last_U_)
            return seen
    """),
    ("nonlocal counter in a closure called twice", """
        tick = counter_U_()
        print(tick(), tick(), tick())
    """, """
        def counter_U_():
            n = 0

            def tick():
                nonlocal n
                n += 1
                return n

            return tick
    """),
]


# --- super() in instance, class and static methods, reached through subclasses ------------------------------------

# Kind -> (A's member, the override in a subclass _S_ (labelled S), the call made on a receiver R).
SUPER_KINDS = {
    "instance method": ("def im(self, x):\n    return ['A.im', type(self).__name__, x]",
                        "def im(self, x):\n    return ['S.im'] + super().im(x + 1)", "R().im(1)"),
    "instance method, two-argument super": ("def im(self, x):\n    return ['A.im', type(self).__name__, x]",
                                            "def im(self, x):\n    return ['S.im'] + super(_S_, self).im(x)",
                                            "R().im(1)"),
    "class method": ("@classmethod\ndef cm(cls, x):\n    return ['A.cm', cls.__name__, x]",
                     "@classmethod\ndef cm(cls, x):\n    return ['S.cm'] + super().cm(x)", "R.cm(1)"),
    "class method on an instance": ("@classmethod\ndef cm(cls, x):\n    return ['A.cm', cls.__name__, x]",
                                    "@classmethod\ndef cm(cls, x):\n    return ['S.cm'] + super().cm(x)", "R().cm(2)"),
    "class method, two-argument super": ("@classmethod\ndef cm(cls, x):\n    return ['A.cm', cls.__name__, x]",
                                         "@classmethod\ndef cm(cls, x):\n    return ['S.cm'] + super(_S_, cls).cm(x)",
                                         "R.cm(3)"),
    "class method building an instance": ("@classmethod\ndef cm(cls, x):\n    return ['A.cm', cls.__name__, x]",
                                          "@classmethod\ndef make(cls):\n    return super().cm(0) + [cls().tag]",
                                          "R.make()"),
    "static method, two-argument super": ("@staticmethod\ndef sm(x):\n    return ['A.sm', x]",
                                          "@staticmethod\ndef sm(x):\n    return ['S.sm'] + super(_S_, _S_).sm(x)",
                                          "R.sm(1)"),
    "static method on an instance": ("@staticmethod\ndef sm(x):\n    return ['A.sm', x]",
                                     "@staticmethod\ndef sm(x):\n    return ['S.sm'] + super(_S_, _S_).sm(x)",
                                     "R().sm(4)"),
    "property": ("@property\ndef pr(self):\n    return ['A.pr', type(self).__name__]",
                 "@property\ndef pr(self):\n    return ['S.pr'] + super().pr", "R().pr"),
    "__init__ with a default": ("", "def __init__(self, tag='s'):\n    super().__init__(tag + '!')", "R().tag"),
    "__init__ with a keyword": ("", "def __init__(self, tag='s'):\n    super().__init__(tag=tag + '?')", "R('x').tag"),
    "keyword arguments passed on": ("def kw(self, x, scale=1, **extra):\n    return ['A.kw', x * scale, sorted(extra)]",
                                    "def kw(self, x, **extra):\n    return ['S.kw'] + super().kw(x, scale=2, **extra)",
                                    "R().kw(3, flag=True)"),
    "*args passed on": ("def im(self, x):\n    return ['A.im', type(self).__name__, x]",
                        "def im(self, *args):\n    return ['S.im'] + super().im(*args)", "R().im(7)"),
    "class attribute": ("kind = 'A'", "kind = 'S'\n\ndef where(self):\n    return [type(self).kind, super().kind]",
                        "R().where()"),
    "__repr__": ("def __repr__(self):\n    return 'A(' + self.tag + ')'",
                 "def __repr__(self):\n    return 'S:' + super().__repr__()", "repr(R())"),
    "method from another method": ("def im(self, x):\n    return ['A.im', type(self).__name__, x]",
                                   "def im(self, x):\n    return ['S.im', x]\n\n"
                                   "def other(self):\n    return super().im(0) + self.im(1)", "R().other()"),
    "async method": ("async def go(self, x):\n    return ['A.go', type(self).__name__, x]",
                     "async def go(self, x):\n    return ['S.go'] + await super().go(x)", "await R().go(1)"),
    "super() in a nested function": ("def im(self, x):\n    return ['A.im', type(self).__name__, x]",
                                     "def im(self, x):\n    def inner(me):\n        return super(_S_, me).im(x)\n\n"
                                     "    return ['S.im'] + inner(self)", "R().im(2)"),
}
# Which classes override (each with its own super() call), and which class the call goes through.
SUPER_SHAPES = {
    "B overrides, called on B": (["B"], "B"),
    "B overrides, called on C": (["B"], "C"),
    "B and C override, called on C": (["B", "C"], "C"),
    "C overrides, B does not, called on C": (["C"], "C"),
    "B and D override, called on D": (["B", "D"], "D"),
}
SUPER_INIT = "def __init__(self, tag='a'):\n    self.tag = tag"


def _hierarchy(member: str, override: str, overriding: list[str]) -> str:
    parents = {"B": "A", "C": "B", "D": "C"}
    text = f"class A_U_:\n{_indent(SUPER_INIT)}\n{_indent(member)}" if member else \
        f"class A_U_:\n{_indent(SUPER_INIT)}"
    for cls in ("B", "C", "D"):
        body = _indent(override.replace("_S_", f"{cls}_U_").replace("'S.", f"'{cls}.").replace("'S:", f"'{cls}:")
                       .replace("'S'", f"'{cls}'")) if cls in overriding else "    pass\n"
        text += f"\n\nclass {cls}_U_({parents[cls]}_U_):\n{body}"
    return text


def super_cases() -> list[Case]:
    cases = []
    for (kind, (member, override, call)), (shape, (overriding, receiver)) in itertools.product(
            SUPER_KINDS.items(), SUPER_SHAPES.items()):
        body = f"print({call.replace('R', receiver + '_U_')})"
        cases.append(Case("super", f"{kind}: {shape}", body, _hierarchy(member, override, overriding)))
    return cases


# --- star-unpacking of every iterable type in calls ---------------------------------------------------------------

ITERABLES = {
    "list": "[1, 2, 3]",
    "tuple": "(1, 2, 3)",
    "str": "'abc'",
    "str with an astral character": "'a\\U0001F600c'",
    "dict": "{'a': 1, 'b': 2, 'c': 3}",
    "set": "{1, 2, 3}",
    "range": "range(1, 4)",
    "generator": "(x * 2 for x in [1, 2, 3])",
    "dict keys": "{'a': 1, 'b': 2, 'c': 3}.keys()",
    "dict values": "{'a': 1, 'b': 2, 'c': 3}.values()",
    "dict items": "{'a': 1, 'b': 2, 'c': 3}.items()",
    "map": "map(abs, [-1, 2, -3])",
    "filter": "filter(None, [0, 1, 2, 3])",
    "zip": "zip([1, 2, 3], 'abc')",
    "enumerate": "enumerate('abc')",
    "reversed": "reversed([1, 2, 3])",
    "sorted": "sorted([3, 1, 2])",
    "class with __iter__": "Trio_M_()",
    "empty list": "[]",
}
STAR_SUPPORT = """
class Trio_M_:
    def __iter__(self):
        return Counting_M_(3)


class Counting_M_:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.n:
            raise StopIteration
        self.i += 1
        return self.i


def collect_M_(*items):
    return list(items)


def both_M_(*items, **named):
    return [list(items), sorted(named.items())]


def three_M_(a, b, c):
    return [a, b, c]


class Box_M_:
    def __init__(self, *items):
        self.items = list(items)

    def take(self, *items):
        return list(items)
"""
# Callee -> the call, with X for the unpacked iterable's text.
STAR_CALLS = {
    "function": "collect_M_(*X)",
    "function after a positional": "collect_M_(0, *X)",
    "function before a positional": "collect_M_(*X, 9)",
    "function, twice": "collect_M_(*X, *[7, 8])",
    "function, with a keyword": "both_M_(*X, k=1)",
    "function, with ** too": "both_M_(*X, **{'k': 2})",
    "print": "print(*X)",
    "print with sep": "print(*X, sep='|')",
    "method": "Box_M_().take(*X)",
    "constructor": "Box_M_(*X).items",
    "lambda": "(lambda *a: list(a))(*X)",
    "zip": "list(zip(*[X, 'xyz']))",
    "list of the iterable": "list(*[X])",
    "str.format": "'{}/{}/{}'.format(*X, '', '', '')",
}
# list() and zip() over these split astral characters into surrogate halves and fail on a class's own __iter__: the
# builtins' business (pylib/pybuiltins.py), not the call's; their own sweep covers them.
BUILTIN_CALLEES = {"zip", "list of the iterable"}
BUILTIN_GAPS = {"str with an astral character", "class with __iter__"}
NUMBERS = ["list", "tuple", "set", "range", "generator", "dict values", "map", "filter", "reversed", "sorted",
           "class with __iter__"]
THREE_ITEMS = [name for name in ITERABLES if name not in ("empty list",)]


def star_cases() -> list[Case]:
    cases = []
    for (iterable, text), (callee, call) in itertools.product(ITERABLES.items(), STAR_CALLS.items()):
        if callee in BUILTIN_CALLEES and iterable in BUILTIN_GAPS:
            continue
        expression = call.replace("X", text)
        body = expression if callee.startswith("print") else f"print({expression})"
        cases.append(Case("star", f"{callee}(*{iterable})", body, STAR_SUPPORT))
    for iterable in NUMBERS:
        cases.append(Case("star", f"max(*{iterable})", f"print(max(*{ITERABLES[iterable]}, 0))", STAR_SUPPORT))
    for iterable in THREE_ITEMS:
        cases.append(Case("star", f"three parameters(*{iterable})", f"print(three_M_(*{ITERABLES[iterable]}))",
                          STAR_SUPPORT))
    for name, call in STAR_MAPPINGS.items():
        cases.append(Case("star", name, f"print({call})", STAR_SUPPORT))
    return cases


STAR_MAPPINGS = {
    "** of a dict": "both_M_(**{'a': 1, 'b': 2})",
    "** of dict()": "both_M_(**dict(a=1, b=2))",
    "** into named parameters": "three_M_(**{'c': 3, 'b': 2, 'a': 1})",
    "** after positionals": "three_M_(1, **{'c': 3, 'b': 2})",
    "** twice": "both_M_(**{'a': 1}, **{'b': 2})",
    "* and ** into named parameters": "three_M_(*[1], **{'c': 3, 'b': 2})",
    "** of a comprehension": "both_M_(**{k: v for k, v in [('x', 1), ('y', 2)]})",
}


# --- JavaScript reserved words and names with a meaning in JavaScript, in every role a Python name has -------------

RESERVED_WORDS = [
    "catch", "var", "this", "delete", "typeof", "new", "function", "instanceof", "void", "switch", "case", "default",
    "do", "let", "const", "enum", "export", "extends", "implements", "interface", "package", "private", "protected",
    "public", "static", "super", "throw", "debugger", "null", "true", "false", "arguments", "eval", "undefined",
    "NaN", "Infinity",
]
JS_GLOBALS = [
    "Object", "Array", "String", "Number", "Boolean", "Symbol", "Math", "JSON", "Error", "Promise", "Map", "Set",
    "Reflect", "Proxy", "Date", "RegExp", "Function", "console", "globalThis", "window", "document", "parseInt",
    "isNaN", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "length", "name", "call",
    "apply", "bind", "get", "set", "of", "self", "caller",
]
# Roles a name plays inside a function (W is the name).
NAME_ROLES = {
    "local variable": "W = 1\nW += 1\nprint(W)",
    "parameter": "def f(W):\n    return W * 2\n\nprint(f(3))",
    "keyword argument": "def f(W):\n    return W * 2\n\nprint(f(W=4))",
    "default of a parameter": "def f(W=7):\n    return W\n\nprint(f(), f(8))",
    "keyword-only parameter": "def f(*rest, W=0):\n    return [list(rest), W]\n\nprint(f(1, W=2))",
    "into **kwargs": "def f(**named):\n    return sorted(named.items())\n\nprint(f(W=5))",
    "dict(name=...)": "print(sorted(dict(W=1).items()))",
    "str.format field": "print('{W}!'.format(W=6))",
    "f-string": "W = 'x'\nprint(f'{W}-{W!r}')",
    "attribute": "o = Thing_M_()\no.W = 1\nprint(o.W, getattr(o, 'W'), hasattr(o, 'W'))",
    "setattr": "o = Thing_M_()\nsetattr(o, 'W', 2)\nprint(o.W)",
    "class attribute": "class K:\n    W = 3\n\nprint(K.W, K().W)",
    "method": "class K:\n    def W(self):\n        return 'method'\n\nprint(K().W())",
    "class method": "class K:\n    @classmethod\n    def W(cls):\n        return cls.__name__\n\nprint(K.W())",
    "nested function": "def W():\n    return 'nested'\n\nprint(W())",
    "nested class": "class W:\n    pass\n\nprint(W.__name__, type(W()).__name__)",
    "for target": "for W in range(3):\n    pass\nprint(W)",
    "comprehension variable": "print([W * 2 for W in range(3)])",
    "lambda parameter": "print((lambda W: W + 1)(1))",
    "except name": "try:\n    raise ValueError('x')\nexcept ValueError as W:\n    print(type(W).__name__)",
    "nonlocal": "def outer():\n    W = 1\n\n    def inner():\n        nonlocal W\n        W = 2\n\n    inner()\n"
                "    return W\n\nprint(outer())",
    "closure": "W = 5\nprint((lambda: W)())",
    "tuple target": "W, other = 1, 2\nprint(W, other)",
    "augmented attribute": "o = Thing_M_()\no.W = 1\no.W += 4\nprint(o.W)",
}
# Roles the name plays at module level; each role's module holds every name in that role.
MODULE_ROLES = {
    "module variable": ("W = 9\n", "print(W)"),
    "global statement": ("W = 9\n\n\ndef set_U_():\n    global W\n    W = 10\n", "set_U_()\nprint(W)"),
    "module function": ("def W():\n    return 'fn'\n", "print(W())"),
    "module class": ("class W:\n    def __init__(self):\n        self.x = 1\n", "print(W.__name__, W().x)"),
    "module async function": ("async def W():\n    return 'async fn'\n", "print(await W())"),
}
THING = "class Thing_M_:\n    pass\n"
WORDS_PER_MODULE = 2
# Names the build rejects in some roles, with file:line:col and a reason (they cannot be given their Python meaning).
KEYWORD_ROLES = {"parameter", "keyword argument", "default of a parameter", "keyword-only parameter",
                 "into **kwargs", "dict(name=...)", "str.format field", "lambda parameter"}
REJECTED_NAMES = {
    **{(word, role): "is not supported: built code passes keyword arguments in a JavaScript object"
       for word in ("constructor", "hasOwnProperty") for role in KEYWORD_ROLES},
    **{(word, role): f"class attribute '{word}' is not supported: a built class is a JavaScript function"
       for word in ("prototype", "hasOwnProperty") for role in ("class attribute", "method", "class method")},
}


# JavaScript's global and built-in property names take a role each of the ways built code can meet them: a variable
# (shadowing a global), a parameter, a keyword argument (a key of the object that carries keywords), an attribute of
# an instance or a class (a property of an object or of a function) and a nested function.
GLOBAL_ROLES = {"local variable", "parameter", "keyword argument", "into **kwargs", "attribute", "setattr",
                "class attribute", "method", "class method", "nested function", "nested class", "except name"}


def name_cases() -> list[Case]:
    cases = []
    for index, word in enumerate(RESERVED_WORDS + JS_GLOBALS):
        for role, body in NAME_ROLES.items():
            if (word, role) not in REJECTED_NAMES and (word in RESERVED_WORDS or role in GLOBAL_ROLES):
                cases.append(Case("names", f"{word} as {role}", body.replace("W", word), THING,
                                  module=f"names_{index // WORDS_PER_MODULE}"))
        for role, (setup, body) in MODULE_ROLES.items():
            cases.append(Case("names", f"{word} as {role}", body.replace("W", word), setup.replace("W", word),
                              module=f"names_{role.split()[1]}"))
        cases.append(Case("names", f"{word} imported from another module", f"print({word}(), functions.{word}())",
                          f"import {PACKAGE}.names_function as functions\n\n\n"
                          f"from {PACKAGE}.names_function import {word}\n", module="names_imported"))
        cases.append(Case("names", f"{word} as an import alias", f"print({word}.floor(2.5))",
                          f"import math as {word}\n", module="names_alias"))
    return cases


# --- slices: read, assign and delete with every sign of step -------------------------------------------------------

SLICE_STARTS = [None, 0, 2, -2, 10]
SLICE_STOPS = [None, 1, 5, -1, 10]
SLICE_STEPS = [None, 1, 2, -1, -2, 0]


def _slice_text(i, j, k) -> str:
    text = f"{'' if i is None else i}:{'' if j is None else j}"
    return text if k is None else f"{text}:{k}"


def slice_cases() -> list[Case]:
    cases = []
    for i, j, k in itertools.product(SLICE_STARTS, SLICE_STOPS, SLICE_STEPS):
        s = _slice_text(i, j, k)
        size = len(range(8)[i:j:k]) if k != 0 else 2
        cases.append(Case("slices", f"a[{s}]", f"a = list(range(8))\nprint(a[{s}], 'abcdefgh'[{s}], tuple(a)[{s}])"))
        cases.append(Case("slices", f"a[{s}] = two", f"a = list(range(8))\na[{s}] = ['x', 'y']\nprint(a)"))
        cases.append(Case("slices", f"a[{s}] = same size",
                          f"a = list(range(8))\na[{s}] = {[f'v{n}' for n in range(size)]}\nprint(a)"))
        cases.append(Case("slices", f"del a[{s}]", f"a = list(range(8))\ndel a[{s}]\nprint(a)"))
    return cases


# --- dict keys that are not str -------------------------------------------------------------------------------
# What built code does as CPython does; iterating such keys, and keys equal across types (True and 1), are the
# dict's own business (pylib, tests/test_build_sweep_methods.py).

DICT_KEYS = {"int": "3", "negative int": "-1", "float": "1.5", "bool": "True", "None": "None", "tuple": "(1, 2)",
             "nested tuple": "(1, (2, 'x'))", "str": "'3'"}
DICT_OPERATIONS = {
    "lookup": "d = {K: 'v'}\nprint(d[K])",
    "in": "d = {K: 'v'}\nprint(K in d, 'zz' in d)",
    "get": "d = {K: 'v'}\nprint(d.get(K), d.get('zz', 'none'))",
    "set twice": "d = {}\nd[K] = 1\nd[K] = 2\nprint(len(d), d[K])",
    "pop": "d = {K: 'v'}\nprint(d.pop(K), len(d))",
    "del": "d = {K: 'v'}\ndel d[K]\nprint(len(d))",
    "setdefault": "d = {}\nprint(d.setdefault(K, []), len(d))",
    "equal": "print({K: 1} == {K: 1})",
    "next to a str key": "d = {K: 'a', 'k': 'b'}\nprint(len(d), d[K], d['k'])",
}
DICT_SPECIAL = {
    "1 and 1.0 are one key": "d = {1: 'int'}\nd[1.0] = 'float'\nprint(len(d), d[1])",
}


def dict_key_cases() -> list[Case]:
    cases = []
    for (kind, key), (operation, code) in itertools.product(DICT_KEYS.items(), DICT_OPERATIONS.items()):
        cases.append(Case("dict keys", f"{operation} with a {kind} key", code.replace("K", key)))
    cases += [Case("dict keys", name, code) for name, code in DICT_SPECIAL.items()]
    return cases


TABLES = {"chains": chain_cases, "scopes": scope_cases, "super": super_cases, "star": star_cases,
          "names": name_cases, "slices": slice_cases, "dict keys": dict_key_cases}


def all_cases() -> dict[str, Case]:
    """case id -> case, ids in a stable order."""
    cases = {}
    for table, make in TABLES.items():
        for case in make():
            cases[f"{table}: {case.name}"] = case
    return cases


MARK = "#case"


def write_sources(cases: dict[str, Case], src: Path) -> dict[str, list[str]]:
    """Write the cases as modules of the package `sweep`, each module's cases in one `async def run_cases(ns)`, one try
    statement per case; return module -> the ids of its cases, in order."""
    (src / PACKAGE).mkdir(parents=True, exist_ok=True)
    _write_if_changed(src / PACKAGE / "__init__.py", "")
    setups: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}
    placed: dict[str, list[str]] = {}
    counters: dict[str, int] = {}
    for number, (case_id, case) in enumerate(cases.items()):
        if case.module:
            module = case.module
        else:
            key = case.table.replace(" ", "_")
            counters[key] = counters.get(key, 0) + 1
            module = f"{key}_{(counters[key] - 1) // CASES_PER_MODULE}"
        suffix = f"_{number}"
        for setup in textwrap.dedent(case.setup).replace("_U_", suffix).replace("_M_", "_" + module).split("\n\n\n"):
            if setup.strip() and setup.strip("\n") not in setups.setdefault(module, []):
                setups[module].append(setup.strip("\n"))
        body = _indent(case.body.replace("_U_", suffix).replace("_M_", "_" + module), "        ")
        bodies.setdefault(module, []).append(
            f"    print({MARK!r}, {len(placed.get(module, []))})\n    try:\n{body}"
            f"    except BaseException as error:\n        print('#error', type(error).__name__)\n"
            f"    except:  # noqa: E722 - a JavaScript error in built code\n        print('#error JavaScript')\n")
        placed.setdefault(module, []).append(case_id)
    for module, chunks in bodies.items():
        text = "\n\n\n".join(setups.get(module, []) + ["async def run_cases(ns):\n" + "".join(chunks)])
        _write_if_changed(src / PACKAGE / f"{module}.py", text)
    for stale in (src / PACKAGE).glob("*.py"):
        if stale.stem not in bodies and stale.name != "__init__.py":
            stale.unlink()
    return placed


def _write_if_changed(path: Path, text: str) -> None:
    """Keep an unchanged module's file as it is, so that a rerun compiles only what changed."""
    if not path.exists() or path.read_text() != text:
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text)
        os.replace(partial, path)


def split_output(placed: dict[str, list[str]], outputs: dict[str, str]) -> dict[str, str]:
    """case id -> what it printed, from each module's output and its case marks."""
    results = {}
    for module, ids in placed.items():
        parts = outputs[module].split(MARK + " ")
        head, parts = parts[0], parts[1:]
        for index, case_id in enumerate(ids):
            text = parts[index].split("\n", 1)[1] if index < len(parts) else "(not reached) " + head
            results[case_id] = text
    return results


CPYTHON_RUNNER = """
import asyncio, contextlib, importlib, io, json, sys, traceback
sys.path.insert(0, sys.argv[1])


class NS:
    args = ['n00dles', 4]

    def __init__(self):
        self.calls = []

    def getServerSecurityLevel(self, host):
        self.calls.append('getServerSecurityLevel')
        return 5

    def getServerMoneyAvailable(self, host):
        self.calls.append('getServerMoneyAvailable')
        return 7


outputs = {}
for module in sys.argv[2:]:
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        try:
            asyncio.run(importlib.import_module('sweep.' + module).run_cases(NS()))
        except BaseException:
            print('#failed', traceback.format_exc())
    outputs[module] = captured.getvalue()
print(json.dumps(outputs))
"""

NODE_RUNNER = """
import {format} from 'node:util';
let captured = [];
console.log = (...parts) => captured.push(format(...parts) + '\\n');
const ns = () => ({
    args: ['n00dles', 4], calls: [],
    getServerSecurityLevel (host) { this.calls.push('getServerSecurityLevel'); return 5; },
    getServerMoneyAvailable (host) { this.calls.push('getServerMoneyAvailable'); return 7; },
});
const outputs = {};
for (const module of process.argv.slice(1)) {
    captured = [];
    try {
        await (await import('/sweep/' + module + '.js')).run_cases(ns());
    } catch (thrown) {
        captured.push('#failed ' + String(thrown && thrown.stack || thrown));
    }
    outputs[module] = captured.join('');
}
process.stdout.write(JSON.stringify(outputs));
"""


def run_sweep(cases: dict[str, Case], work: Path) -> dict[str, tuple[str, str]]:
    """Build every case once and run all of them in CPython and in Node: case id -> (CPython's, Node's output)."""
    src, out = work / "src", work / "out"
    placed = write_sources(cases, src)
    hwgw.build.build(src / PACKAGE, out)
    cpython = subprocess.run([sys.executable, "-c", CPYTHON_RUNNER, str(src), *placed], capture_output=True,
                             text=True, timeout=120)
    node = subprocess.run([node_executable(), "--import", LOADER.as_uri(), "--input-type=module", "-e", NODE_RUNNER,
                           *placed], capture_output=True, text=True, timeout=120,
                          env={"HWGW_GAME_ROOT": str(out), "PATH": os.environ["PATH"]})
    assert cpython.returncode == 0 and node.returncode == 0, cpython.stderr[-3000:] + node.stderr[-3000:]
    expected = split_output(placed, json.loads(cpython.stdout))
    built = split_output(placed, json.loads(node.stdout))
    return {case_id: (expected[case_id], built[case_id]) for case_id in cases}


# Constructs built code cannot give CPython's behaviour. Each is pinned: it must keep differing (if it starts to match,
# the deviation is gone and the README's list must lose it).
KNOWN_DEVIATIONS = {
    "a module variable read before anything binds it": (
        "def read_U_():\n    return missing_U_\n", "print(read_U_())",
        "Python raises NameError; built code a JavaScript ReferenceError, which only a bare except catches"),
    "a module variable a function creates with global, read before that function runs": (
        "def make_U_():\n    global made_U_\n    made_U_ = 1\n\n\ndef read_U_():\n    return made_U_\n",
        "print(read_U_())", "the module declares the variable, so built code reads None where Python raises NameError"),
}
DEVIATION_CASES = {f"deviations: {name}": Case("deviations", name, body, setup)
                   for name, (setup, body, _) in KNOWN_DEVIATIONS.items()}
CASES = all_cases()


@pytest.fixture(scope="module")
def sweep(request):
    """One build of every case and one run of each in CPython and in Node. Sources and build cache live in pytest's
    cache folder, so a rerun recompiles only what changed; the cache is kept for the current build code only."""
    work = request.config.cache.mkdir("hwgw-sweep-constructs")
    code = hashlib.sha256(b"".join(path.read_bytes() for folder in ("hwgw/build", "templates")
                                   for path in sorted((ROOT / folder).rglob("*")) if path.is_file()
                                   and "__pycache__" not in path.parts)).hexdigest()[:12]
    for stale in work.glob("cache*"):
        if stale.name != f"cache-{code}":
            shutil.rmtree(stale)
    previous = os.environ.get("HWGW_CACHE")
    os.environ["HWGW_CACHE"] = str(work / f"cache-{code}")
    try:
        return run_sweep({**CASES, **DEVIATION_CASES}, work)
    finally:
        if previous is None:
            os.environ.pop("HWGW_CACHE", None)
        else:
            os.environ["HWGW_CACHE"] = previous


def test_the_sweep_has_thousands_of_cases_from_every_table():
    tables = {case.table for case in CASES.values()}
    assert tables == set(TABLES)
    assert len(CASES) >= 3000
    assert all(sum(case.table == table for case in CASES.values()) >= 40 for table in tables)


def test_every_case_runs_to_its_end_in_cpython(sweep):
    """The generator's own check: no case (or its module) fails in CPython for a reason of the sweep's making."""
    broken = [case_id for case_id, (expected, _) in sweep.items()
              if "#failed" in expected or "(not reached)" in expected]
    assert not broken, broken[:10]


@pytest.mark.parametrize("table", list(TABLES))
def test_built_cases_print_and_raise_what_cpython_does(sweep, table):
    diverging = [(case_id, expected, built) for case_id, (expected, built) in sweep.items()
                 if case_id.startswith(table + ": ") and expected != built]
    shown = "\n".join(f"{case_id}\n  CPython: {expected!r}\n  built:   {built[:300]!r}"
                       for case_id, expected, built in diverging[:20])
    assert not diverging, f"{len(diverging)} cases differ:\n{shown}"


@pytest.mark.parametrize("name", list(KNOWN_DEVIATIONS))
def test_known_deviation_still_differs(sweep, name):
    expected, built = sweep[f"deviations: {name}"]
    assert expected != built, f"{name}: built code now does what CPython does; drop it from the README's list"


def test_names_javascript_gives_a_meaning_are_rejected_at_their_place(tmp_path):
    """Names that built code cannot give their Python meaning: the build stops with file:line:col and why."""
    src = tmp_path / "names"
    src.mkdir()
    for index, ((word, role), message) in enumerate(REJECTED_NAMES.items()):
        (src / f"rejected_{index}.py").write_text(f"def case():\n{_indent(NAME_ROLES[role].replace('W', word))}")
    with pytest.raises(hwgw.build.BuildError) as failed:
        hwgw.build.build(src, tmp_path / "out")
    for index, ((word, role), message) in enumerate(REJECTED_NAMES.items()):
        path = src / f"rejected_{index}.py"
        lines = path.read_text().splitlines()
        findings = [f for f in failed.value.findings if f.path == path]
        assert findings, (word, role)
        assert all(word in lines[f.line - 1][f.col:] for f in findings), (word, role, findings)
        assert any(message in f.message for f in findings), (word, role, findings)
    assert not (tmp_path / "out").exists()


# super() forms CPython itself refuses or that build code cannot express: rejected with file:line:col and a fix.
REJECTED_SUPER = {
    "in a static method": ("class A:\n    @staticmethod\n    def s(x):\n        return super().s(x)\n", "4:15",
                           "super() without arguments here is not supported"),
    "outside a class": ("def f(x):\n    return super().g(x)\n", "2:11",
                        "super() without arguments here is not supported"),
    "kept in a variable": ("class A:\n    def m(self):\n        parent = super()\n        return parent\n", "3:17",
                           "super() other than to read an attribute is not supported"),
    "with one argument": ("class A:\n    def m(self):\n        return super(A).m()\n", "3:15",
                          "this form of super() is not supported"),
}


def test_super_forms_outside_the_subset_are_rejected_at_their_place(tmp_path):
    src = tmp_path / "supers"
    src.mkdir()
    names = {name: f"super_{index}" for index, name in enumerate(REJECTED_SUPER)}
    for name, (source, _, _) in REJECTED_SUPER.items():
        (src / f"{names[name]}.py").write_text(source)
    with pytest.raises(hwgw.build.BuildError) as failed:
        hwgw.build.build(src, tmp_path / "out")
    for name, (_, place, message) in REJECTED_SUPER.items():
        found = [str(f) for f in failed.value.findings if f.path == src / f"{names[name]}.py"]
        assert found and all(f.startswith(f"{src / names[name]}.py:{place}: ") for f in found), (name, found)
        assert any(message in f for f in found), (name, found)

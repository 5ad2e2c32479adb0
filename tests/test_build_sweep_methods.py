"""Builtin types and libraries swept: every method of str, list, dict, set and tuple, the builtins and the library
functions the README lists, in every argument form CPython accepts, combined from tables into cases.

All cases go into one generated program, which CPython runs and which, built by one `hwgw build`, one Node process
runs. Each case shows its result (see `show` in PRELUDE) or the type of the exception it raises, with the classes
among CATCHERS that catch it (`except ValueError` must catch what it catches in CPython); the two must agree case by
case. Deviations the README pins are kept out of the grid by `show`, which prints numbers, sets, views and
iterators in one form for both, and by EXCLUDED; KNOWN_DEVIATIONS holds one case of each, which must keep differing.
"""

import ast
import itertools
import json
import math
import os
import sys
from pathlib import Path

import pytest

import hwgw.build
from hwgw.node import node_executable
from test_build_conformance import CPYTHON_RUNNER, LOADER, NODE_RUNNER, _run

PROGRAM = "sweep_methods"
CODES_PER_FUNCTION = 30

# The program's own helpers: every case's value goes through show(), every exception through fail().
PRELUDE = '''
import copy
import itertools
import json
import math
import random
import re
import time

CATCHERS = (ValueError, TypeError, KeyError, IndexError, ArithmeticError, AttributeError)


def num(v):
    """Ints and floats in one form: JavaScript keeps no difference between 2 and 2.0."""
    if v != v:
        return 'nan'
    if v == math.inf or v == -math.inf:
        return 'inf' if v > 0 else '-inf'
    return format(v, '.17g')


def show(v):
    if v is None or v is True or v is False:
        return repr(v)
    if isinstance(v, str):
        return repr(v)
    if isinstance(v, (int, float)):
        return num(v)
    if isinstance(v, tuple):
        return '(' + ', '.join([show(x) for x in v]) + (',)' if len(v) == 1 else ')')
    if isinstance(v, list):
        return '[' + ', '.join([show(x) for x in v]) + ']'
    if isinstance(v, dict):
        return '{' + ', '.join([show(k) + ': ' + show(x) for k, x in v.items()]) + '}'
    if isinstance(v, set):
        return '{' + ', '.join(sorted([show(x) for x in v])) + '}' if len(v) else 'set()'
    if isinstance(v, re.Match):
        return 'Match' + show((v.span(), v.group(), v.groups()))
    if isinstance(v, re.Pattern):
        return 'Pattern' + show((v.pattern, v.groups))
    if isinstance(v, Probe):
        return 'Probe' + show(sorted(vars_of(v).items()))
    if any([v is c for c in CLASSES]):
        return '<class ' + v.__name__ + '>'
    if callable(v):
        return '<callable>'
    if hasattr(v, '__iter__'):
        return show(list(v))  # views, range, and the iterators CPython gives where built code gives lists
    return '<' + type(v).__name__ + '>'


def near(v):
    """A float to 15 digits: math's functions here are JavaScript's, which may differ from C's in the last bit."""
    return format(v, '.15g')


def fail(error):
    return '!' + type(error).__name__ + ''.join([' <' + c.__name__ for c in CATCHERS if isinstance(error, c)])


class Probe:
    kind = 'probe'

    def __init__(self, level=3):
        self.level = level

    def __eq__(self, other):
        return isinstance(other, Probe) and self.level == other.level


CLASSES = (int, float, str, list, tuple, dict, set, bool, object, Probe, type(None))


def vars_of(probe):
    return {'level': probe.level} if not hasattr(probe, 'extra') else {'level': probe.level, 'extra': probe.extra}


def double(x):
    return 2 * x


def negate(x):
    return -x


def add(a, b):
    return a + b
'''

# --- str -----------------------------------------------------------------------------------------------------------

ASTRAL = "'𝔘𝔫𝔦 😀'"
STR_RECEIVERS = ["''", "'n00dles'", "'N00DLES'", "'Hello, World'", "'  spaced  out \\t\\n'", "'a,b,,c,'",
                 "'ünïcödé straße'", ASTRAL, "'line1\\nline2\\r\\nline3\\n'", "'x\\ty\\tz'", "'ǆungla İ'", "'aaa'",
                 "'MiXeD cAsE 42!'", "'hello world'"]
# Receivers for the predicates: one property each, and its edges.
PREDICATE_RECEIVERS = STR_RECEIVERS + [
    "'abc'", "'ABC'", "'Abc Def'", "'abc1'", "'_id'", "'1abc'", "'   '", "'\\x1c'", "'\\xa0'", "'\\ufeff'",
    "'\\u2028'", "'ⅷ'", "'一二'", "'12345'", "'²'", "'½'", "'٣٤'", "'ß'", "'ǅ'", "'𝔘'", "'😀'", "'ⓐ'", "'A1!'",
    "'a\\x00'", "'ÿ'", "'\\x7f'", "'ǅungla'", "'Σ'", "'class'", "'x-y'"]
PREDICATES = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
              "isprintable", "isspace", "istitle", "isupper"]
TRANSFORMS = ["lower", "upper", "casefold", "swapcase", "title", "capitalize", "strip", "lstrip", "rstrip",
              "splitlines", "expandtabs", "split", "rsplit"]
SUBS = ["''", "'l'", "'0'", "'aa'"]
RANGES = ["", ", 1", ", -3", ", 2, 5", ", 0, -1", ", -100, 100", ", 5, 2", ", None, 3"]
SEPARATORS = ["None", "','", "' '", "'l'", "''", "'zz'"]
MAXSPLITS = ["", ", 0", ", 1", ", -1"]
# Receivers for the searches (every other one is searched without bounds below).
SEARCHED = ["''", "'n00dles'", "'hello world'", "'aaa'", "'ünïcödé straße'"]
WIDTHS = ["-1", "5", "12", "13"]
# Methods whose arguments or results count positions: astral characters are two positions in JavaScript (pinned).
POSITIONAL = {"find", "rfind", "index", "rindex", "center", "ljust", "rjust", "zfill", "expandtabs", "count",
              "startswith", "endswith"}


def _str_receivers(method: str) -> list[str]:
    return [r for r in STR_RECEIVERS if not (r == ASTRAL and method in POSITIONAL)]


def str_cases() -> list[str]:
    cases = [f"{r}.{m}()" for m, r in itertools.product(PREDICATES, PREDICATE_RECEIVERS)]
    cases += [f"{r}.{m}()" for m in TRANSFORMS for r in _str_receivers(m)]
    for method in ["count", "find", "rfind", "index", "rindex", "startswith", "endswith"]:
        for r, sub, bounds in itertools.product(SEARCHED, SUBS, RANGES):
            cases.append(f"{r}.{method}({sub}{bounds})")
        cases += [f"{r}.{method}({sub})" for r in _str_receivers(method) if r not in SEARCHED for sub in ["'l'", "'a'"]]
    for method in ["startswith", "endswith"]:
        for r, prefixes in itertools.product(STR_RECEIVERS, ["('n', 'N')", "()", "('zz', '')", "('a', 'l'), 1"]):
            if r != ASTRAL or "1" not in prefixes:
                cases.append(f"{r}.{method}({prefixes})")
        cases.append(f"'n00dles'.{method}(['n'])")
    for method, r, sep, cut in itertools.product(["split", "rsplit"], STR_RECEIVERS, SEPARATORS, MAXSPLITS):
        cases.append(f"{r}.{method}({sep}{cut})")
    for method in ["split", "rsplit"]:
        for args in ["sep=','", "maxsplit=1", "sep=None, maxsplit=1", "',', maxsplit=2", "maxsplit=0"]:
            cases += [f"{r}.{method}({args})" for r in ["'a,b,,c,'", "'  spaced  out \\t\\n'", "''"]]
    for method, r, sep in itertools.product(["partition", "rpartition"], STR_RECEIVERS,
                                            ["','", "'l'", "''", "' '", "'zz'", "'\\n'"]):
        cases.append(f"{r}.{method}({sep})")
    for r, (old, new), count in itertools.product(
            STR_RECEIVERS, [("'l'", "'L'"), ("''", "'-'"), ("'0'", "'o'"), ("'a'", "'aa'"), ("'zz'", "'y'"),
                            ("' '", "''")], ["", ", 0", ", 1", ", 2", ", -1", ", 100"]):
        cases.append(f"{r}.replace({old}, {new}{count})")
    for method, r, chars in itertools.product(["strip", "lstrip", "rstrip"], STR_RECEIVERS,
                                              ["None", "'n'", "'ns'", "''", "' \\t'", "'a,'", "'😀 '"]):
        cases.append(f"{r}.{method}({chars})")
    for method in ["center", "ljust", "rjust"]:
        for r, width, fill in itertools.product(_str_receivers(method), WIDTHS, ["", ", '*'", ", 'ü'"]):
            cases.append(f"{r}.{method}({width}{fill})")
        cases += [f"'ab'.{method}(5, '')", f"'ab'.{method}(5, 'xy')", f"'ab'.{method}(5.5)"]
    for r, width in itertools.product(_str_receivers("zfill") + ["'-42'", "'+7'", "'-'"], ["0", "3", "5", "12"]):
        cases.append(f"{r}.zfill({width})")
    for r, size in itertools.product(["'x\\ty\\tz'", "'\\tab\\tcd\\n\\tef'", "'12345\\t1\\t'", "''"],
                                     ["", "0", "1", "4", "tabsize=3", "-1", "8"]):
        cases.append(f"{r}.expandtabs({size})")
    for r, keep in itertools.product(STR_RECEIVERS + ["'a\\x0bb\\x0cc\\x1cd\\x1de\\x1ef\\x85g\\u2028h\\u2029i'",
                                                      "'\\r\\r\\n\\n'"],
                                     ["True", "False", "keepends=True"]):
        cases.append(f"{r}.splitlines({keep})")
    for sep, iterable in itertools.product(["''", "', '", "'-'", "'😀'"], [
            "[]", "['a']", "['a', 'b', 'c']", "('x', 'y')", "'abc'", "{'k': 1, 'j': 2}", "[1, 2]", "['a', None]",
            "{'s'}", "(c for c in 'hi')", "{(1, 2): 0}"]):
        cases.append(f"{sep}.join({iterable})")
    for method, r, affix in itertools.product(["removeprefix", "removesuffix"], STR_RECEIVERS,
                                              ["'n0'", "''", "'es'", "'zz'", "'\\n'"]):
        cases.append(f"{r}.{method}({affix})")
    cases += [
        "'{} {}'.format(1, 'a')", "'{0}{1}{0}'.format('a', 'b')", "'{x}-{y}'.format(x=1, y=[2])",
        "'{:>5}|{:<4}|{:^6}'.format('a', 'b', 'c')", "'{!r}'.format('q')", "'{0[1]}'.format([7, 8])",
        "'{a[k]}'.format(a={'k': 5})", "'{:08.3f}'.format(-3.14159)", "'{:,}'.format(1234567)", "'{}'.format()",
        "'{0}{}'.format(1, 2)", "'{a}-{b}'.format_map({'a': 1, 'b': 2})", "'{a}'.format_map({})",
        "str.maketrans('ab', 'xy')", "str.maketrans({'a': 'A', 'b': None})", "str.maketrans('ab', 'xy', 'c')",
        "str.maketrans({97: 'z'})", "str.maketrans('a', 'xy')",
        "'abcabc'.translate(str.maketrans('ab', 'xy'))", "'abcabc'.translate(str.maketrans('ab', 'xy', 'c'))",
        "'abc'.translate({97: 'A', 98: None, 99: 'cc'})", "'abc'.translate({})", "'n00dles'.translate({48: 111})",
        "'ünï'.translate(str.maketrans('ü', 'u'))",
    ]
    for r in STR_RECEIVERS:
        lengths = r != ASTRAL
        if lengths:
            cases += [f"len({r})", f"list({r})"] + [f"x = {r}\nx[{i}]" for i in INDICES + ["1.5", "1:4", "::-1", "::2",
                                                                                      "-3:", "'a'"]]
        cases += [f"{r} * 2", f"{r} * 0", f"{r} * -1", f"{r} + '!'", f"'l' in {r}", f"'' in {r}", f"{r} == 'aaa'",
                  f"{r} < 'm'", f"{r} >= 'N00'", f"str({r})", f"repr({r})", f"bool({r})", f"sorted({r}) == sorted({r})",
                  f"{r} + 1", f"1 in {r}", f"{r}.upper().lower() == {r}.lower()"]
    cases += ["repr('\\x00\\x7f\\xa0\\xad\\u200b\\u2028\\ufeff')", "repr('\\'\"')", "repr('\\'')", "repr('\"')",
              "repr('\\\\')", "repr('\\U0001f600\\U000e0001')", "repr('\\ud800')", "repr('tab\\there')",
              "str(None)", "str(True)", "str([1, 'a', None])", "str({'a': (1,)})", "str()"]
    return cases


# --- list and tuple --------------------------------------------------------------------------------------------------

LIST_RECEIVERS = ["[]", "[3, 1, 2]", "['b', 'a', 'c', 'a']", "[1, [2, 3], (4, 5)]", "[None, True, 0, 1.5]",
                  "[1, 1.0, True]"]
INDICES = ["0", "1", "-1", "-4", "3", "100", "-100", "True"]


def _mutate(receiver: str, call: str) -> str:
    """A case that calls a method of a fresh receiver: its result, then the receiver as it is after."""
    return f"x = {receiver}\nx.{call}, x"


def list_cases() -> list[str]:
    cases = []
    for r in LIST_RECEIVERS:
        cases += [_mutate(r, f"append({x})") for x in ["0", "[1]", "None"]]
        cases += [_mutate(r, f"extend({x})") for x in ["[]", "[4, 5]", "'ab'", "(6,)", "{'k': 1}", "{9}",
                                                       "range(2)", "5", "x"]]
        cases += [_mutate(r, f"insert({i}, 'n')") for i in INDICES]
        cases += [_mutate(r, f"pop({i})") for i in [""] + INDICES]
        cases += [_mutate(r, f"remove({x})") for x in ["1", "'a'", "99", "True", "[2, 3]"]]
        cases += [f"{r}.index({x}{bounds})" for x, bounds in itertools.product(
            ["1", "'a'", "99", "(4, 5)"], ["", ", 1", ", -2", ", 0, 2", ", -100, 100", ", 3, 1"])]
        cases += [f"{r}.count({x})" for x in ["1", "'a'", "99", "[2, 3]", "1.0", "None"]]
        cases += [_mutate(r, call) for call in ["reverse()", "clear()", "copy()"]]
        cases += [f"x = {r}\nx[{i}]" for i in INDICES + ["1.5", "'a'"]]
        cases += [f"x = {r}\nx[{i}] = 'v'\nx" for i in ["0", "-1", "5", "-5"]]
        cases += [f"x = {r}\ndel x[{i}]\nx" for i in ["0", "-1", "5"]]
        cases += [f"{r} + [9]", f"{r} + (9,)", f"{r} * 2", f"2 * {r}", f"{r} * -1", f"x = {r}\nx += 'ab'\nx",
                  f"x = {r}\nx *= 2\nx", f"1 in {r}", f"{r} == [3, 1, 2]", f"{r} < [3, 1, 2]", f"{r} >= [1]",
                  f"len({r})", f"bool({r})", f"list({r})", f"tuple({r})", f"str({r})", f"sorted({r})",
                  f"{r}[::-1]", f"{r}[1:]"]
    sortable = ["[3, 1, 2]", "['b', 'A', 'c', 'a']", "[(2, 1), (1, 2), (1, 1)]", "[3, 'a']", "[2.5, -1, 0]",
                "[]", "[True, 0, -1]", "[[2], [1, 5], [1]]", "['bb', 'a', 'ccc', 'dd']"]
    for r, args in itertools.product(sortable, ["", "reverse=True", "key=str", "key=len", "key=negate",
                                                "key=str, reverse=True", "key=None", "reverse=False"]):
        cases.append(_mutate(r, f"sort({args})"))
        cases.append(f"sorted({r}{', ' + args if args else ''})")
    cases += [f"sorted({r}, key=lambda p: p[1])" for r in ["[(1, 'b'), (2, 'a'), (0, 'b')]", "['ab', 'ba']"]]
    for size, step in itertools.product([3, 4, 5], ["2", "-2", "3", "-1", "-3"]):
        cases.append(f"x = list(range(8))\nx[::{step}] = {[0] * size}\nx")
    for target, value in itertools.product(["1:3", ":0", "5:", "-2:", "3:1", "::", "1:-1", "10:"],
                                           ["[]", "['a']", "['a', 'b', 'c']", "'xy'", "(7,)", "range(2)"]):
        cases.append(f"x = list(range(5))\nx[{target}] = {value}\nx")
    cases += [f"x = list(range(8))\ndel x[{s}]\nx" for s in ["::2", "::-3", "1:3", "5:1", "-2:", "::"]]
    cases += ["list()", "list('abc')", "list((1, 2))", "list({'a': 1, 'b': 2})", "list({3})", "list(range(3))",
              "list(x * 2 for x in [1, 2])", "list(5)", "list(None)", "list('')",
              "list({(1, 2): 'a'})", "list({1: 'a', 'b': 2}.items())"]
    for r in ["()", "(3, 1, 2)", "('b', 'a', 'b')", "(1,)", "((1, 2), [3])", "(None, 1.5, True)"]:
        cases += [f"{r}.count({x})" for x in ["1", "'b'", "(1, 2)", "True"]]
        cases += [f"{r}.index({x}{bounds})" for x, bounds in itertools.product(
            ["1", "'b'", "99"], ["", ", 1", ", -2", ", 0, 2", ", -100, 100"])]
        cases += [f"x = {r}\nx[{i}]" for i in INDICES]
        cases += [f"{r} + (9,)", f"{r} + [9]", f"{r} * 2", f"{r} * 0", f"1 in {r}", f"{r} == (3, 1, 2)",
                  f"{r} < (3, 1, 3)", f"{r} > (1,)", f"len({r})", f"bool({r})", f"list({r})", f"tuple({r})",
                  f"str({r})", f"{r}[::-1]", f"{r}[1:]", f"{r}[::2]", f"x = {r}\nx += (0,)\nx",
                  f"{{{r}: 1}}[{r}]", f"{r} in {{{r}}}", f"x = {r}\nx[0] = 1\nx"]
    cases += ["tuple()", "tuple('ab')", "tuple([1, [2]])", "tuple({'k': 0})", "tuple(range(2))", "tuple(5)",
              "tuple(x for x in 'ab')", "(1, 2) == [1, 2]", "(1, 2) < (1, 2, 0)", "() < (0,)", "(1, 'a') < (1, 2)",
              "a, b = (1, 2)\n(b, a)", "a, b = 'xy'\n(b, a)", "a, (b, c) = 1, (2, 3)\n(a, b, c)",
              "a, b = [1, 2, 3]\na", "(a, b), n = ((1, 2), 3)\n(a, b, n)"]
    return cases


# --- dict ------------------------------------------------------------------------------------------------------------

DICT_RECEIVERS = ["{}", "{'a': 1, 'b': 2}", "{1: 'x', 2: 'y'}", "{(1, 2): 'p', (3, 4): 'q'}",
                  "{None: 0, True: 1, 2.5: 2}", "{'b': 1, 'a': 2, '10': 3, '2': 4}", "{'host': {'ram': 8}}",
                  "{-1: 'm', 0: 'z', '0': 's'}"]
DICT_KEYS = ["'a'", "1", "(1, 2)", "None", "True", "2.5", "'zz'", "'1'", "'10'", "1.0", "0", "False", "(3, 4)",
             "-1", "'0'", "'__proto__'", "'constructor'", "'py_keys'", "'__class__'"]


def dict_cases() -> list[str]:
    cases = []
    for r in DICT_RECEIVERS:
        for k in DICT_KEYS:
            cases += [f"{r}.get({k})", f"{r}.get({k}, 'none')", f"{r}[{k}]", f"{k} in {r}",
                      _mutate(r, f"pop({k})"), _mutate(r, f"pop({k}, 'none')"), _mutate(r, f"setdefault({k})"),
                      _mutate(r, f"setdefault({k}, [])"), f"x = {r}\nx[{k}] = 'v'\nx", f"x = {r}\ndel x[{k}]\nx"]
        for args in ["{'b': 9}", "[('z', 0)]", "(('z', 0), ('y', 1))", "b=3", "{'b': 2}, c=3", "[(1, 2)], k=5", "",
                     "{(1, 2): 0}", "[[1, 2]]", "['ab']", "[1]", "[(1, 2, 3)]", "{'a': 1}.items()", "x",
                     "zip('ab', [1, 2])", "{1: 'one', 'a': 'A'}", "None", "{'__proto__': 1}"]:
            cases.append(_mutate(r, f"update({args})"))
        cases += [_mutate(r, call) for call in ["popitem()", "clear()", "copy()", "keys()", "values()", "items()"]]
        cases += [f"list({r})", f"len({r})", f"bool({r})", f"str({r})", f"repr({r})", f"sorted({r}, key=str)",
                  f"list(reversed({r}))", f"{r} == {r}", f"{r} == {{}}", f"{r} | {{'a': 0, 9: 9}}",
                  f"x = {r}\nx |= {{'a': 0}}\nx", f"[k for k in {r}]", f"{{v: k for k, v in {r}.items()}}",
                  f"[(k, v) for k, v in {r}.items()]", f"dict({r})", f"json.dumps({r})",
                  f"list({r}.keys()) == list({r})", f"copy.copy({r})", f"copy.deepcopy({r})",
                  f"x = {r}\nx.copy() == x and x.copy() is not x", f"x = {r}\ny = dict(x)\ny[7] = 7\n(x, y)",
                  f"x = {r}\nn = 0\nfor k in x:\n    n += 1\nn", f"[type(k).__name__ for k in {r}]",
                  f"x = {r}\n[x[k] for k in x]", f"max({r}, key=str, default=None)", f"set({r}) == set({r}.keys())",
                  f"x = {r}\nfor k in list(x):\n    del x[k]\nx", f"', '.join([str(k) for k in {r}])"]
    cases += [
        "d = {(1, 2): 3, (4, 5): 6}\n[(a, b, n) for (a, b), n in d.items()]",
        "d = {(1, 2): 3}\nout = []\nfor (a, b), n in d.items():\n    out.append(a + b + n)\nout",
        "d = {}\nfor host, target in [('home', 'n00dles'), ('home', 'joes'), ('n1', 'n00dles')]:\n"
        "    d[(host, target)] = d.get((host, target), 0) + 1\nd",
        "d = {}\nd[1, 2] = 'a'\n(d[1, 2], d[(1, 2)], (1, 2) in d, [1, 2] in d)",
        "d = {1: 'int'}\nd[1.0] = 'float'\nd[True] = 'bool'\nd", "d = {True: 'b'}\nd[1] = 'i'\nlist(d)",
        "d = {0: 'z'}\n(d.get(False), d.get(0.0), False in d, d[-0.0])",
        "{1: 'a', '1': 'b'}", "d = {'1': 'b'}\n(1 in d, '1' in d, d.get(1))", "{3: 1}.get('3')", "'3' in {3: 1}",
        "list({2: 'b', 1: 'a', 'x': 0, 10: 'c'})", "list({'x': 0, '2': 1, '1': 2})",
        "d = {}\nd['b'] = 1\nd['10'] = 2\nd['a'] = 3\nd[5] = 4\nlist(d)",
        "d = {k: k * 2 for k in range(3)}\n(d, d[1], list(d.items()))",
        "{(i, j): i * j for i in range(2) for j in range(2)}", "{str(k): k for k in [3, 1]}",
        "d = dict.fromkeys(['a', 'b'])\nd", "dict.fromkeys('ab', 0)", "dict.fromkeys((1, 2), [])",
        "dict.fromkeys(range(3))", "{}.fromkeys([(1, 2)], 'p')", "dict.fromkeys([])", "dict.fromkeys(5)",
        "dict()", "dict(a=1)", "dict({'a': 1}, b=2)", "dict([('a', 1)])", "dict([(1, 2)], x=3)",
        "dict(zip('ab', [1, 2]))", "dict(((1, 2), (3, 4)))", "dict([['k', 'v']])", "dict({1: 2})", "dict('ab')",
        "dict([1])", "dict([('a', 1), ('a', 2)])", "dict(((i, i) for i in range(2)))", "dict({(1, 2): 3}, z=0)",
        "json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'})", "json.dumps({1: 'a'}, sort_keys=True)",
        "json.dumps({(1, 2): 'a'})", "json.loads(json.dumps({3: [1]}))",
        "d = {}\nd[None] = 1\nd['None'] = 2\nd", "d = {}\nd['null'] = 1\nd[None] = 2\nlist(d)",
        "d = {(1, (2, 'x')): 'deep'}\n(d[(1, (2, 'x'))], (1, (2, 'x')) in d, (1, (2, 'y')) in d)",
        "d = {('a',): 1}\n(d[('a',)], 'a' in d)", "d = {(): 0}\nd[()]", "d = {'a,b': 1}\n(('a', 'b') in d)",
        "d = {('a', 'b'): 1}\n('a,b' in d)", "d = {1: 'a'}\nd.update({1.0: 'b'})\nd",
        "d = {'a': 1}\nd.update([('b', 2)], c=3)\nd", "d = {}\nd.update(k=1)\nlist(d)",
        "d = {'a': 1}\ne = {'a': 1}\n(d == e, d != e, d == {'a': 1.0}, d == {'a': 2})",
        "{1: 2} == {1.0: 2}", "{(1, 2): 0} == {(1, 2): 0}", "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}",
        "d = {1: 1}\nd.pop(1)\nd[True] = 2\nd", "d = {'a': 1, 'b': 2}\n(d.popitem(), d)",
        "d = {1: 'a'}\nk = list(d)[0]\n(k + 1, type(k).__name__)", "d = {(1, 2): 'a'}\nk = list(d)[0]\nk[1]",
        "d = {2.5: 'x'}\n[k * 2 for k in d]", "d = {None: 1}\n[k is None for k in d]",
        "sorted({3: 'c', 1: 'a', 2: 'b'})", "sorted({3: 'c', 1: 'a'}.items())", "max({3: 0, 7: 1})",
        "sum({1: 'a', 2: 'b'})", "d = {1: 'a'}\nd.setdefault(2, 'b')\nd.setdefault(1, 'z')\nd",
        "d = {}\nd.setdefault((1, 2), []).append(3)\nd", "list(zip({1: 'a', 2: 'b'}, 'xy'))",
        "list(enumerate({5: 'a'}))", "f = {'b': 1, 'a': 2}.get\nf('a')", "d = {'a': 1}\ng = d.items\nlist(g())",
        "d = {1: 2}\nd.__len__()", "{'a': 1}.__contains__('a')", "d = {1: 'a', 2: 'b'}\nd.keys() & {1}",
        "'{0[a]}'.format({'a': 7})", "'%(a)s-%(b)d' % {'a': 'x', 'b': 2}", "str({1: 'a', (2, 'b'): None})",
        "d = {'x': 1}\ncopy.deepcopy({1: d, 2: d})", "isinstance({}, dict)", "type({1: 2}).__name__",
        "dict(**{'a': 1})", "def kw(**k):\n    return k\nkw(**{'a': 1, 'b': 2})",
        "def kw(a, b=0):\n    return (a, b)\nkw(**{'b': 1, 'a': 2})", "def st(*a):\n    return a\nst(*{'x': 1, 'y': 2})",
        "def st(*a):\n    return a\nst(*{1: 'x', (2, 3): 'y'})", "', '.join({'x': 1, 'y': 2})",
    ]
    return cases


# --- set -------------------------------------------------------------------------------------------------------------

SET_RECEIVERS = ["set()", "{1, 2, 3}", "{'a', 'b'}", "{(1, 2), (3, 4)}", "{1, 2.5, None}", "{2, 3}"]
SET_OTHERS = ["", "[]", "[2, 7]", "(8,)", "[7], (8,)", "{2, 9}, [3]", "'ab'", "{'a': 0}", "range(3)",
              "{(1, 2)}", "[1], [2], [3]", "{1, 2, 3}, {2, 3}"]


def set_cases() -> list[str]:
    cases = []
    for r in SET_RECEIVERS:
        cases += [_mutate(r, f"add({x})") for x in ["0", "1", "'a'", "(1, 2)", "True", "1.0"]]
        cases += [_mutate(r, f"{m}({x})") for m, x in itertools.product(["discard", "remove"],
                                                                         ["1", "'a'", "(1, 2)", "99"])]
        cases += [_mutate(r, call) for call in ["clear()", "copy()"]]
        for method, others in itertools.product(["union", "intersection", "difference", "update",
                                                 "intersection_update", "difference_update"], SET_OTHERS):
            cases.append(_mutate(r, f"{method}({others})"))
        for method, other in itertools.product(["symmetric_difference", "symmetric_difference_update",
                                                "isdisjoint", "issubset", "issuperset"],
                                               ["[]", "[2, 7]", "{1, 2, 3}", "'ab'", "{(1, 2)}", "{'a': 0}", ""]):
            cases.append(_mutate(r, f"{method}({other})"))
        for op, other in itertools.product(["|", "&", "-", "^", "<=", "<", ">=", ">", "=="],
                                           ["set()", "{1, 2}", "{1, 2, 3}", "{'a', 'b', 'c'}", "[1]"]):
            cases.append(f"{r} {op} {other}")
        cases += [f"x = {r}\nx {op}= {{1, 9}}\nx" for op in ["|", "&", "-", "^"]]
        cases += [f"1 in {r}", f"(1, 2) in {r}", f"[1] in {r}", f"len({r})", f"bool({r})", f"sorted({r}, key=str)",
                  f"set({r})", f"{r} == set(list({r}))", f"x = {r}\ny = x\ny.add(5)\nx",
                  f"{{x for x in {r}}}"]
    cases += ["x = {7}\n(x.pop(), x)", "set().pop()", "set('abca')", "set([1, 1.0, True])", "set({'a': 1})",
              "set(range(3))", "set(5)", "{1, 2} == {2, 1}", "{1} == [1]", "set([(1, 2), (1, 2)])",
              "len({1, True, 1.0, 0, False, 0.0})", "{[1]}", "{1, 2}.union()", "x = {1}\nx.update()\nx",
              "{3, 1, 2}.issubset(range(5))", "{1, 2}.isdisjoint(x for x in [3])", "{1}.add"]
    return cases


# --- builtins --------------------------------------------------------------------------------------------------------

BUILTIN_CALLS = {
    "abs": ["-3", "2.5", "-0.0", "True", "'x'", "-2**31", "0"],
    "all": ["[]", "[0]", "[1, 2]", "''", "'a'", "{}", "{0: 1}", "[None, 1]", "(x > 1 for x in [1, 2])", "5"],
    "any": ["[]", "[0]", "[1, 2]", "''", "'a'", "{}", "{0: 1}", "[None, 1]", "(x > 1 for x in [1, 2])", "{0, ''}"],
    "bin": ["0", "5", "-5", "255", "2**40", "True", "1.5"],
    "hex": ["0", "5", "-5", "255", "2**40", "True", "1.5"],
    "oct": ["0", "5", "-5", "255", "2**40", "True", "1.5"],
    "bool": ["", "0", "1", "''", "'a'", "[]", "[0]", "{}", "None", "0.0", "set()", "()", "-1", "'False'"],
    "callable": ["len", "1", "str", "lambda: 0", "'x'", "Probe", "Probe()", "None", "double", "print"],
    "chr": ["65", "0", "0xe9", "0x1F600", "-1", "1114112", "1114111", "1.0", "'a'"],
    "ord": ["'a'", "'é'", "'😀'", "''", "'ab'", "1", "'\\x00'", "'\\uffff'"],
    "divmod": ["7, 2", "-7, 2", "7, -2", "7.5, 2", "1, 0", "-7.5, -2", "0, 5", "1.0, 0", "True, 2", "'a', 1"],
    "enumerate": ["[]", "'ab'", "'ab', 1", "['x'], -1", "['x'], start=5", "{'k': 1}", "range(2)", "5"],
    "filter": ["None, [0, 1, '', 'a', None]", "lambda x: x > 1, [1, 2, 3]", "str.isdigit, 'a1b2'",
               "None, {0: 'a', 1: 'b'}", "double, []", "None, 5"],
    "float": ["", "'1.5'", "' 2 '", "'1e3'", "'inf'", "'-Infinity'", "'nan'", "'abc'", "3", "True", "'1_000.5'",
              "''", "'1.5.5'", "'.5'", "'5.'", "None", "[1]", "'0x10'", "'  -0.0  '", "'1e'"],
    "format": ["5, '>3'", "3.14159, '.2f'", "'s', '^5'", "255, 'x'", "1234567, ','", "0.5, '%'", "5",
               "'a', 'd'", "-42, '+08d'", "1e20, 'g'", "True, ''", "None, ''", "[1], ''", "12, '#b'"],
    "int": ["", "'42'", "' -7 '", "'0x1f'", "'0x1f', 16", "'0x1f', 0", "'z', 36", "'1_000'", "3.9", "-3.9", "True",
            "'4.5'", "''", "'12', 2", "'0o17', 8", "'0b101', 0", "'010', 0", "'010'", "None", "[1]", "'٣'",
            "'+5'", "'5_'", "float('inf')", "float('nan')", "'ff', base=16", "2.5e3", "-0.5"],
    "len": ["''", "'abc'", "[]", "[1, 2]", "()", "{}", "{'a': 1}", "set()", "{1, 2}", "range(5)", "range(0, 10, 3)",
            "5", "None", "'ünï'"],
    "max": ["[3, 1, 2]", "3, 1, 2", "'abc'", "[]", "[], default=0", "['a', 'bb'], key=len", "[[1, 2], [1, 3]]",
            "[1, 'a']", "(1, 1.0)", "{3: 0, 9: 1}", "[1, 2], [1, 3]", "1, 2, key=negate", "[2, 3], default=None",
            "5", "['a', 'b', 'c'], key=None", "[(1, 'b'), (1, 'a')]", "1, 2, default=0"],
    "min": ["[3, 1, 2]", "3, 1, 2", "'abc'", "[]", "[], default=0", "['a', 'bb'], key=len", "[[1, 2], [1, 3]]",
            "[1, 'a']", "(1, 1.0)", "{3: 0, 9: 1}", "[1, 2], [1, 3]", "1, 2, key=negate", "{'b', 'a'}"],
    "pow": ["2, 10", "2, -1", "2, 0.5", "3, 4, 5", "0, -1", "-2, 3", "2, 3, -5", "3, -1, 7", "2, 0", "0, 0",
            "1.5, 2", "4, 0.5", "2, 3, 0", "-8, 2"],
    "range": ["5", "2, 5", "5, 2", "0, 10, 3", "10, 0, -3", "0, 5, 0", "-3", "1.5", "0", "-5, -1", "3, -3, -1"],
    "repr": ["1", "'a'", "[1, 'b']", "(1,)", "{}", "None", "True", "\"'\"", "'\\n'", "[None, (1, 'x')]", "()",
             "{'a': [1, {2: 'b'}]}", "''", "'\"\\''"],
    "reversed": ["[1, 2, 3]", "'abc'", "(1, 2)", "range(3)", "{'a': 1, 'b': 2}", "[]", "5", "{1, 2}"],
    "round": ["2.5", "3.5", "-2.5", "2.675, 2", "1234, -2", "0.5", "1.5, 0", "1e300", "-0.5", "7", "7, 1",
              "2.5, None", "1.23456, 3", "15, -1", "25, -1", "0.125, 2", "float('inf')", "float('nan')"],
    "sorted": ["[3, 1, 2]", "'cab'", "{'b': 1, 'a': 2}", "{3, 1}", "[3, 1, 2], reverse=True", "['bb', 'a'], key=len",
               "[(1, 'b'), (1, 'a'), (0, 'z')]", "[1, 'a']", "[]", "(x for x in [2, 1])", "[0.5, -1, True]",
               "['b', 'B', 'a'], key=str.lower", "[[1], [0, 5]]", "5", "[None, 1]"],
    "str": ["", "1", "1.5", "None", "True", "[1, 'a']", "{'a': 1}", "(1,)", "''", "-0", "{1}"],
    "sum": ["[1, 2]", "[]", "[1], 10", "[0.1] * 10", "[[1], [2]], []", "[(1,), (2,)], ()", "['a']", "[True, True]",
            "range(5)", "{1: 'a', 2: 'b'}", "[1.5, 2.5], 1", "5", "[1, 'a']", "(x for x in [3, 4])",
            "[0.1, 0.2, 0.3]", "[1e100, 1, -1e100]"],
    "tuple": ["", "'ab'", "[1, [2]]", "{'k': 0}", "range(2)", "5", "(x for x in 'ab')", "{1}"],
    "list": ["", "'ab'", "(1, [2])", "{'k': 0}", "range(2)", "5", "(x for x in 'ab')", "{1}"],
    "set": ["", "'aba'", "[1, 1]", "{'k': 0}", "range(2)", "5", "(x for x in 'ab')", "[[1]]"],
    "dict": ["", "a=1", "[('a', 1)]", "{'a': 1}, b=2", "[(1, 2)]", "5", "[1]", "zip('ab', 'cd')"],
    "zip": ["", "[1, 2], 'ab'", "[1], [2, 3], [4, 5, 6]", "'abc'", "{'k': 1}, {2}", "[], [1]", "5"],
    "map": ["str, [1, 2]", "add, [1, 2], [3, 4, 5]", "len, ['a', 'bb']", "double, 'ab'", "str.upper, 'ab'",
            "double, 5", "negate, {1: 'a'}", "lambda: 0, []"],
    "isinstance": ["1, int", "True, int", "1.5, float", "'a', str", "[], list", "(), tuple", "{}, dict",
                   "set(), set", "1, (str, int)", "None, object", "1, object", "Probe(), Probe", "Probe(), object",
                   "[], tuple", "(), list", "KeyError(), Exception", "KeyError(), ValueError", "1, str",
                   "True, bool", "1, bool", "'a', (list, tuple)", "len, object"],
    "issubclass": ["bool, int", "int, object", "KeyError, Exception", "ValueError, KeyError",
                   "ZeroDivisionError, ArithmeticError", "Probe, object", "list, (tuple, list)",
                   "OverflowError, Exception", "IndexError, KeyError", "1, int"],
    "getattr": ["Probe(), 'level'", "Probe(), 'kind'", "Probe(), 'missing'", "Probe(), 'missing', 0",
                "Probe, 'kind'", "'abc', 'upper'", "Probe(), 'level', None", "[], 'append'"],
    "hasattr": ["Probe(), 'level'", "Probe(), 'missing'", "'abc', 'upper'", "'abc', 'nope'", "Probe, 'kind'",
                "None, 'x'", "[], 'append'", "{}, 'keys'", "1, 'nope'"],
    "type": ["1", "1.5", "'a'", "[]", "()", "{}", "set()", "None", "True", "Probe()", "Probe"],
}


def builtin_cases() -> list[str]:
    cases = [f"{name}({args})" for name, calls in BUILTIN_CALLS.items() for args in calls]
    cases += [f"type({x}).__name__" for x in BUILTIN_CALLS["type"] + ["len", "double", "lambda: 0", "range(2)"]]
    cases += ["p = Probe()\nsetattr(p, 'level', 9)\np.level", "p = Probe()\nsetattr(p, 'extra', [1])\np",
              "p = Probe()\ndelattr(p, 'level')\nhasattr(p, 'level')", "p = Probe()\ndelattr(p, 'nope')",
              "object()", "type(object()).__name__", "isinstance(object(), object)",
              "print(1, 2)", "print(1, 2, sep='-')", "print('a', end='')\nprint('b')", "print()",
              "print(*[1, 2])", "print([1, 'a'], (1,), {1: 2}, {'k': None})", "print(None, True, 'x')",
              "print('a', 'b', sep='', end='!\\n')", "print(*'abc', sep='|')", "print('x', sep=None, end=None)",
              "print(Probe() == Probe())", "print('multi\\nline')", "print((1, 2), [(3,)])",
              "print({(1, 2): 'p'})", "print({1: 'a', 'b': 2})", "print({'1': 'a', 1: 'b'})"]
    return cases


# --- libraries ------------------------------------------------------------------------------------------------------

# No float with no fractional part (1e20, -0.0): those are the pinned float notation.
JSON_VALUES = ["None", "True", "1", "-2.5", "'ü😀\\n\"'", "[]", "{}", "[1, [2, {'a': None}]]",
               "{'b': 1, 'a': [1.5, 'x']}", "(1, 2)", "{'k': (3,)}", "1.5e-7", "0.1", "float('inf')", "float('nan')",
               "{1}", "Probe()", "'\\x00\\u2028'", "{'é': 'ü'}", "[[]]", "{'a': {}}", "''", "-0.5", "10**15",
               "{1: 'a', 2.5: 'b', None: 'c'}", "{(1, 2): 'a'}"]
JSON_OPTIONS = ["", "sort_keys=True", "indent=2", "indent=0", "separators=(',', ':')", "ensure_ascii=False",
                "indent=2, sort_keys=True", "separators=(';', '='), sort_keys=True", "indent='\\t'", "indent=None"]
JSON_TEXTS = ["'1'", "'\"a\"'", "'[1, 2.5, \"x\"]'", "'{\"a\": {\"b\": null}}'", "'true'", "' [] '",
              "'\"\\\\u00fc\\\\ud83d\\\\ude00\"'", "'{\"b\": 1, \"a\": 2, \"10\": 3}'", "'1e3'", "'NaN'",
              "'Infinity'", "'{\"a\": 1, \"a\": 2}'", "'[1,]'", "''", "'{'", "'nul'", "'{\"a\" 1}'", "\"{'a': 1}\"",
              "'1 2'", "'\"\\\\x\"'", "'[1e400]'", "'12345678901234'", "'{\"__proto__\": 1}'", "'[\"ü\"]'"]


def json_cases() -> list[str]:
    cases = [f"json.dumps({v}{', ' + o if o else ''})" for v, o in itertools.product(JSON_VALUES, JSON_OPTIONS)]
    cases += [f"json.loads({t})" for t in JSON_TEXTS]
    cases += [f"try:\n    json.loads({t})\n    r = 'ok'\nexcept ValueError:\n    r = 'ValueError'\nr"
              for t in ["''", "'{'", "'[1,]'", "'nul'"]]
    cases += [f"try:\n    json.loads({t})\nexcept json.JSONDecodeError as e:\n    r = type(e).__name__\nr"
              for t in ["'{'", "'x'"]]
    cases += ["json.loads(json.dumps([1, 'a', None, {'k': [True]}]))", "json.dumps([1, 2], indent=2)",
              "json.dumps({'a': [1, {'b': 2}]}, indent=2)", "json.dumps('\\u00e9', ensure_ascii=True)",
              "json.dumps({'a': 1}, separators=(',', ':'), indent=1)", "json.loads('{\"a\": 1}')['a']",
              "json.dumps({'a': 1}, None)", "issubclass(json.JSONDecodeError, ValueError)"]
    return cases


MATH_ARGS = {
    "floor": ["2.5", "-2.5", "3", "-0.0", "1e20", "'a'", "float('inf')", "float('nan')", "True"],
    "ceil": ["2.5", "-2.5", "3", "-0.5", "1e20", "float('inf')"],
    "trunc": ["2.7", "-2.7", "5", "float('nan')"],
    "fabs": ["-3", "2.5", "-0.0"],
    "sqrt": ["4", "2", "0", "-1", "-0.0", "1e300", "0.25", "float('inf')"],
    "isqrt": ["0", "15", "16", "10**15", "-1", "2.0", "True"],
    "cbrt": ["27", "-8", "2", "0.001"],
    "exp": ["0", "1", "-1", "709", "710", "-1000", "0.5"],
    "exp2": ["0", "10", "-1", "0.5", "1024"],
    "expm1": ["0", "1e-10", "1", "-1"],
    "log": ["1", "math.e", "10", "0", "-1", "8, 2", "100, 10", "1e300", "2, 0.5", "1, 1", "0.5"],
    "log2": ["8", "1", "0", "3", "2**50"],
    "log10": ["1000", "1", "0", "2", "1e-5"],
    "log1p": ["0", "1e-10", "-1", "1"],
    "pow": ["2, 10", "2, -1", "2, 0.5", "-8, 1/3", "0, -1", "0, 0", "-2, 3", "1e300, 2", "float('inf'), 0"],
    "sin": ["0", "1", "math.pi", "-2.5", "1e10"],
    "cos": ["0", "1", "math.pi", "-2.5"],
    "tan": ["0", "1", "math.pi / 4", "-2.5"],
    "asin": ["0", "1", "0.5", "2"],
    "acos": ["0", "1", "-1", "0.5", "1.5"],
    "atan": ["0", "1", "-1", "1e10"],
    "atan2": ["1, 1", "-1, -1", "0, -1", "0, 0", "-0.0, -1", "1, 0"],
    "sinh": ["0", "1", "-2"],
    "cosh": ["0", "1", "-2"],
    "tanh": ["0", "1", "-2", "100"],
    "asinh": ["0", "1", "-2"],
    "acosh": ["1", "2", "0.5"],
    "atanh": ["0", "0.5", "1", "-0.5"],
    "hypot": ["3, 4", "", "5", "1, 2, 2", "-3, -4"],
    "dist": ["(0, 0), (3, 4)", "[1], [4]", "(1, 2), (1,)"],
    "degrees": ["math.pi", "1", "0"],
    "radians": ["180", "1", "0"],
    "copysign": ["1, -0.0", "-2, 3", "3, -1", "0, -1"],
    "fmod": ["7, 3", "-7, 3", "7, -3", "7.5, 2", "1, 0", "-0.0, 1"],
    "modf": ["2.5", "-2.5", "3", "0"],
    "frexp": ["8", "0.5", "0", "-3", "1e-310", "1e300"],
    "ldexp": ["0.5, 4", "1, -1", "3, 0", "1, 1024"],
    "isclose": ["1, 1.0000000001", "1, 1.1", "0, 1e-10", "0, 1e-10, abs_tol=1e-9", "1, 1.05, rel_tol=0.1",
                "float('inf'), float('inf')", "float('nan'), float('nan')"],
    "isnan": ["float('nan')", "1", "float('inf')"],
    "isinf": ["float('inf')", "-float('inf')", "1", "float('nan')"],
    "isfinite": ["1", "float('inf')", "float('nan')"],
    "gcd": ["12, 18", "0, 5", "-4, 6", "", "7", "12, 18, 8", "1.5, 2", "0, 0"],
    "lcm": ["4, 6", "0, 5", "-4, 6", "", "3, 4, 5", "2.0, 3"],
    "factorial": ["0", "5", "18", "-1", "2.0", "3.5"],
    "perm": ["5, 2", "5", "5, 0", "2, 5", "-1, 2", "10, 3"],
    "comb": ["5, 2", "10, 0", "2, 5", "30, 15", "-1, 2", "5, 2.0"],
    "prod": ["[1, 2, 3]", "[]", "[2, 3], start=2", "range(1, 6)", "[0.5, 4]", "['a', 2]"],
    "fsum": ["[0.1] * 10", "[]", "[1e100, 1, -1e100]", "[0.1, 0.2, 0.3]", "range(4)"],
}


# Functions whose results JavaScript computes with its own algorithms: compared to 15 digits (see `near`).
TRANSCENDENTAL = {"cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "pow", "sin", "cos", "tan", "asin",
                  "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "hypot", "dist"}


def math_cases() -> list[str]:
    cases = [f"near(math.{name}({args}))" if name in TRANSCENDENTAL else f"math.{name}({args})"
             for name, calls in MATH_ARGS.items() for args in calls]
    cases += ["math.pi", "math.e", "math.tau", "math.inf", "-math.inf", "math.nan != math.nan", "math.floor(2.5) + 1",
              "type(math.floor(2.5)).__name__", "type(math.isqrt(17)).__name__"]
    return cases


RANDOM_SEEDS = ["0", "1", "42", "-5", "2**40", "'n00dles'", "''", "'ü😀'", "'a' * 100", "12345678901", "'0'"]
RANDOM_DRAWS = ["[random.random() for _ in range(3)]", "[random.randint(1, 6) for _ in range(5)]",
                "random.randrange(10)", "random.randrange(0, 100, 7)", "random.randrange(10, 0, -3)",
                "random.randrange(5, 6)", "random.uniform(1, 2)", "random.choice('abc')", "random.choice([])",
                "x = list(range(10))\nrandom.shuffle(x)\nx", "random.sample(range(10), 3)",
                "random.sample(['a', 'b', 'c'], k=2)", "random.sample([1], 2)", "random.choices([1, 2, 3], k=4)",
                "random.choices('ab', weights=[1, 9], k=5)", "random.choices('ab', cum_weights=[1, 2], k=3)",
                "random.choices([5])", "[random.getrandbits(k) for k in [1, 8, 31, 32, 33, 52]]",
                "random.randrange(0)", "random.randint(3, 1)", "random.sample(range(100), 30)",
                "random.randrange(2**40)"]


def random_cases() -> list[str]:
    cases = [f"random.seed({s})\n{draw}" for s, draw in itertools.product(RANDOM_SEEDS, RANDOM_DRAWS)]
    cases += ["random.seed(7)\na = random.random()\nrandom.seed(7)\na == random.random()",
              "random.seed()\n0 <= random.random() < 1", "random.seed('x')\nrandom.seed(a='x')\nrandom.random()",
              "random.seed(1.5)", "random.seed([1])"]
    return cases


RE_PATTERNS = ["'a'", "'(a)(b)?'", "'(?P<host>[a-z]+)-(?P<n>\\\\d+)'", "'\\\\d+'", "'^n'", "'s$'", "'[aeiou]'",
               "'(x)|(y)'", "'\\\\bw'", "'.'", "''", "'a|'", "'(\\\\w)\\\\1'"]
RE_TEXTS = ["'n00dles'", "'ab abc'", "'joes-12 hong-3'", "''", "'x\\ny'", "'ünï'", "'aab'", "'hello world'"]


def re_cases() -> list[str]:
    cases = []
    for p, t in itertools.product(RE_PATTERNS, RE_TEXTS):
        cases += [f"re.search({p}, {t})", f"re.match({p}, {t})", f"re.fullmatch({p}, {t})", f"re.findall({p}, {t})",
                  f"[m.span() for m in re.finditer({p}, {t})]", f"re.sub({p}, '_', {t})", f"re.subn({p}, '_', {t})",
                  f"re.split({p}, {t})"]
    cases += [
        "re.search('(?P<host>[a-z]+)-(?P<n>\\\\d+)', 'joes-12').groupdict()",
        "re.search('(?P<host>[a-z]+)-(?P<n>\\\\d+)', 'joes-12').group('n')",
        "re.search('(a)(b)?', 'ac').groups()", "re.search('(a)(b)?', 'ac').groups('-')",
        "re.search('(a)(b)?', 'ab').group(0, 2)", "re.search('(a)(b)?', 'ab').group(3)",
        "m = re.search('b+', 'abbc')\n(m.start(), m.end(), m.span(), m.group())",
        "re.search('(a)(b)?', 'ac').span(2)", "re.search('(a)(b)', 'xab').start(2)",
        "re.search('A', 'ab', re.I)", "re.search('A', 'ab', re.IGNORECASE).group()",
        "re.findall('^x', 'x\\nx', re.M)", "re.findall('.', 'a\\nb', re.S)", "re.findall('.', 'a\\nb')",
        "re.findall('a b # c', 'ab', re.X)", "re.findall('\\\\w', 'ü1_', re.A)", "re.findall('\\\\w', 'ü1_')",
        "re.sub('(a)', '<\\\\1>', 'banana')", "re.sub('a', '-', 'banana', 2)", "re.sub('a', '-', 'banana', count=1)",
        "re.sub('(?P<v>a)', '\\\\g<v>\\\\g<0>', 'ab')", "re.sub('a', lambda m: m.group().upper(), 'banana')",
        "re.sub('x*', '-', 'abc')", "re.subn('a', '', 'aaa')", "re.split(',', 'a,b,,c', 1)",
        "re.split('(,)', 'a,b')", "re.split(',', 'a,b,c', maxsplit=1)", "re.split('x*', 'axbc')",
        "re.escape('a.b*c')", "re.escape('hwgw/lib')", "re.escape('ü-1 _')",
        "re.compile('a+')", "re.compile('a+').findall('caaat')", "re.compile('(a)').sub('b', 'aa')",
        "re.compile('a', re.I).match('A')", "dict(re.compile('(?P<x>a)').groupindex)", "re.compile('(a)(b)').groups",
        "re.compile('a+').pattern", "re.compile('a+').search('xaa', 2)", "re.compile('a').match('ba', 1)",
        "re.compile('a+').fullmatch('aa')", "re.compile('a').split('bab')", "re.compile('a').subn('', 'aa')",
        "re.compile('(')", "re.search('[', 'a')", "re.search('a{2}', 'aaa').group()", "re.findall('(a)(b)', 'abab')",
        "re.findall('a(?=b)', 'abac')", "re.findall('(?<=a)b', 'abcb')", "re.findall('(?i)a', 'aA')",
        "re.match('\\\\s+', ' \\t\\n').end()", "re.findall('[^a-c]', 'abcde')", "re.findall('\\\\D', 'a1')",
        "re.search('(?P<a>x)(?P=a)', 'xx').group()", "re.findall('\\\\A\\\\w|\\\\w\\\\Z', 'abc')",
        "bool(re.match('a', 'b'))", "re.findall('[😀]', '😀😀')",
        "re.sub('\\\\d', lambda m: str(int(m.group()) * 2), 'a1b2')", "isinstance(re.error('x'), Exception)",
        "m = re.match('(a)', 'a')\nm[0], m[1]", "re.match('a', 'a').string", "re.match('(a)', 'a').lastindex",
        "re.match('(?P<z>a)', 'a').lastgroup", "re.fullmatch('a|ab', 'ab')", "re.sub('', '-', 'ab')",
        "re.findall('\\\\bn\\\\w+', 'n00dles nectar-net')", "re.split('\\\\s+', '  a b  ')",
    ]
    return cases


ITERABLES = ["[]", "[1, 2, 3]", "'abc'", "(4, 5)", "{'k': 1, 'j': 2}", "range(3)", "{7}"]


def itertools_cases() -> list[str]:
    cases = []
    for it in ITERABLES:
        cases += [f"list(itertools.accumulate({it}))" if it not in ("{'k': 1, 'j': 2}",) else
                  f"list(itertools.accumulate({it}, initial='x'))",
                  f"list(itertools.chain({it}, [0]))", f"list(itertools.chain.from_iterable([{it}, 'z']))",
                  f"list(itertools.combinations({it}, 2))", f"list(itertools.combinations_with_replacement({it}, 2))",
                  f"list(itertools.permutations({it}))", f"list(itertools.permutations({it}, 2))",
                  f"list(itertools.product({it}, repeat=2))", f"list(itertools.product({it}, 'xy'))",
                  f"list(itertools.islice({it}, 2))", f"list(itertools.islice({it}, 1, None))",
                  f"list(itertools.islice({it}, 0, 3, 2))", f"list(itertools.islice({it}, None))",
                  f"list(itertools.pairwise({it}))", f"list(itertools.zip_longest({it}, [9]))",
                  f"list(itertools.zip_longest({it}, 'xy', fillvalue='-'))", f"list(itertools.compress({it}, [1, 0, 1]))",
                  f"[(k, list(g)) for k, g in itertools.groupby({it})]",
                  f"list(itertools.filterfalse(None, {it}))", f"list(itertools.takewhile(bool, {it}))",
                  f"list(itertools.dropwhile(bool, {it}))", f"[list(t) for t in itertools.tee({it}, 2)]",
                  f"list(itertools.starmap(add, zip({it}, {it})))", f"list(itertools.repeat({it}, 2))"]
    cases += [
        "list(itertools.accumulate([1, 2, 3], add))", "list(itertools.accumulate([3, 1, 4], max))",
        "list(itertools.accumulate([1, 2], initial=10))", "list(itertools.accumulate([], initial=0))",
        "list(itertools.accumulate([1, 2], func=add))", "list(itertools.combinations('abcd', 0))",
        "list(itertools.combinations('ab', 3))", "list(itertools.permutations('abc', 0))",
        "list(itertools.permutations('ab', 3))", "list(itertools.product())", "list(itertools.product([], [1]))",
        "list(itertools.product('ab', repeat=0))", "list(itertools.islice('abcdef', 1, 5, 2))",
        "list(itertools.islice('abc', -1))", "list(itertools.islice('abc', 0, 3, 0))",
        "[(k, list(g)) for k, g in itertools.groupby('aabbbac')]",
        "[(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)]",
        "[k for k, g in itertools.groupby([])]", "list(itertools.filterfalse(lambda x: x > 1, [0, 1, 2, 3]))",
        "list(itertools.filterfalse(str.isdigit, 'a1b2'))", "list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1]))",
        "list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1]))", "list(itertools.compress('abc', [True]))",
        "list(itertools.zip_longest())", "list(itertools.zip_longest([1], [], [2, 3]))",
        "list(itertools.starmap(pow, [(2, 3), (3, 2)]))", "list(itertools.repeat('x', 0))",
        "list(itertools.repeat('x', -1))", "list(itertools.repeat('x', times=2))", "itertools.tee([1], 0)",
        "[list(t) for t in itertools.tee([1, 2])]", "list(itertools.pairwise('a'))",
        "list(itertools.chain())", "list(itertools.chain('ab', 5))",
        "sum(1 for _ in itertools.permutations(range(5)))", "len(list(itertools.combinations(range(10), 3)))",
    ]
    return cases


def copy_cases() -> list[str]:
    cases = []
    for v in ["[1, [2, 3]]", "{'a': [1], (1, 2): {'b': 2}}", "{1, 2}", "(1, [2])", "'s'", "5", "None",
              "Probe()", "[]", "{}", "[{'k': (1, [2])}]"]:
        cases += [f"copy.copy({v})", f"copy.deepcopy({v})", f"x = {v}\ncopy.copy(x) == x",
                  f"x = {v}\ncopy.deepcopy(x) == x", f"type(copy.deepcopy({v})).__name__"]
    cases += ["x = [1, [2]]\ny = copy.copy(x)\n(y is x, y[1] is x[1])",
              "x = [1, [2]]\ny = copy.deepcopy(x)\n(y is x, y[1] is x[1])",
              "x = [2]\ny = copy.deepcopy([x, x])\ny[0] is y[1]", "x = Probe(7)\ny = copy.copy(x)\n(y.level, y is x)",
              "x = Probe([1])\ny = copy.deepcopy(x)\n(y.level, y.level is x.level)",
              "x = {(1, 2): [0]}\ny = copy.deepcopy(x)\n(y, y[(1, 2)] is x[(1, 2)])",
              "x = {1: 'a'}\ny = copy.copy(x)\ny[2] = 'b'\n(x, y, list(y))", "copy.copy(len) is len"]
    return cases


def time_cases() -> list[str]:
    return ["time.time() > 1.6e9", "a = time.monotonic()\nb = time.monotonic()\nb >= a",
            "a = time.perf_counter()\nb = time.perf_counter()\nb >= a", "time.time_ns() > 1.6e18",
            "abs(time.time_ns() / 1e9 - time.time()) < 1", "type(time.time_ns()).__name__",
            "isinstance(time.time(), (int, float))", "isinstance(time.monotonic(), (int, float))",
            "isinstance(time.perf_counter(), (int, float))", "time.monotonic() >= 0"]


TABLES = {"str": str_cases, "list and tuple": list_cases, "dict": dict_cases, "set": set_cases,
          "builtins": builtin_cases, "json": json_cases, "math": math_cases, "random": random_cases, "re": re_cases,
          "itertools": itertools_cases, "copy": copy_cases, "time": time_cases}

# Deviations the README pins, which `show` and the tables keep out of the grid: one case each, which must keep
# differing (if one starts to match, the deviation is gone and the README's list must lose it).
KNOWN_DEVIATIONS = {
    "a float with no fractional part is an int": "repr(2.0)",
    "floats print in JavaScript's notation": "repr(3e-05)",
    "ints beyond 2**53 lose precision": "str(2**60 + 1)",
    "sets iterate in insertion order": "repr(set([3, 1, 2]))",
    "dict views print as lists": "repr({'a': 1}.keys())",
    "range() prints as a list": "repr(range(3))",
    "map, filter, zip, enumerate and reversed give lists": "type(map(str, [1])).__name__",
    "the itertools functions give lists": "type(itertools.chain([1])).__name__",
    "str lengths and positions count UTF-16 code units": "len('😀')",
    "math's functions may differ from C's in the last bit": "format(math.sin(-2.5), '.17g')",
    "built scripts have no bytes: str.encode": "'abc'.encode()",
    "re's \\w, \\d and \\s match ASCII only": "re.findall('\\\\w', 'ü1_')",
    "type() of a class or a builtin function is function": "type(Probe).__name__",
}

# Cases of the tables that a pinned deviation above accounts for: kept out of the grid, each under its pin.
EXCLUDED = {
    "a float with no fractional part is an int": ["str([1, 1.0, True])", "chr(1.0)", "math.isqrt(2.0)",
                                                  "math.lcm(2.0, 3)", "math.factorial(2.0)", "math.comb(5, 2.0)"],
    "math's functions may differ from C's in the last bit": ["near(math.sin(-2.5))"],
    "dict views print as lists": ["d = {1: 'a', 2: 'b'}\nd.keys() & {1}"],
    "range() prints as a list": ["type(range(2)).__name__"],
    "str lengths and positions count UTF-16 code units": ["re.findall('[😀]', '😀😀')"],
    "re's \\w, \\d and \\s match ASCII only": ["re.findall('\\\\w', 'ü1_')"],
    "type() of a class or a builtin function is function": ["type(len).__name__", "type(Probe).__name__"],
}


def case_name(table: str, code: str) -> str:
    return f"{table}: {code}".replace("\n", "; ")


def all_cases() -> dict[str, str]:
    """case name -> its code: statements, then the expression whose value it shows."""
    excluded = {code for codes in EXCLUDED.values() for code in codes}
    cases = {}
    for table, make in TABLES.items():
        for code in make():
            if code not in excluded:
                cases.setdefault(case_name(table, code), code)
    return cases


CASES = all_cases()
DEVIATION_CASES = {f"deviation: {name}": code for name, code in KNOWN_DEVIATIONS.items()}


class _Lift(ast.NodeTransformer):
    """Literal arguments out of a case's code, into parameters: cases that differ only in their literals share one
    piece of code, and the literals travel as data (see `program`). Dict displays, their keys, and a tuple between
    brackets (`d[1, 2]`) stay: Transcrypt compiles each its own way."""

    def __init__(self):
        self.values: list = []

    def visit_Dict(self, node):
        node.values = [self.visit(value) for value in node.values]
        return node

    def visit_Subscript(self, node):
        node.value = self.visit(node.value)
        if not isinstance(node.slice, ast.Tuple):
            node.slice = self.visit(node.slice)
        return node

    def visit_JoinedStr(self, node):
        return node

    def visit_arguments(self, node):
        return node  # defaults: the checker takes only constants there

    def visit(self, node):
        if isinstance(node, (ast.Constant, ast.Tuple, ast.List, ast.Set, ast.UnaryOp)) \
                and not isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del)) \
                and not any(isinstance(inner, ast.Dict) for inner in ast.walk(node)):
            try:
                value = ast.literal_eval(node)
            except (ValueError, TypeError):
                return super().visit(node)
            self.values.append(value)
            return ast.Name(f"a{len(self.values) - 1}", ast.Load())
        return super().visit(node)


def template(code: str) -> tuple[str, list]:
    """A case's code with its literals as parameters a0, a1..., and the literals."""
    lift = _Lift()
    tree = lift.visit(ast.parse(code))
    return ast.unparse(tree), lift.values


def _tagged(value):
    """A literal as JSON: tuples, sets and non-finite floats tagged (the program's `decode` reverses it)."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"f": repr(value)}
    if isinstance(value, tuple):
        return {"t": [_tagged(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"s": [_tagged(v) for v in value]}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    return value


def program(codes: list[str]) -> str:
    """One module: the prelude; each distinct case code once, as a branch of a `code_N(t, a0, a1...)` function
    that runs it; the cases as rows (code number and literals) in one JSON text; and a main that runs every row
    in a try statement and prints what it shows."""
    templates: dict[str, int] = {}
    rows = []
    for code in codes:
        text, values = template(code)
        rows.append([templates.setdefault(text, len(templates))] + [_tagged(v) for v in values])
    arity = max(len(row) - 1 for row in rows)
    parameters = ", ".join(["t"] + [f"a{i}=None" for i in range(arity)])
    functions = []
    ordered = list(templates)
    for start in range(0, len(ordered), CODES_PER_FUNCTION):
        branches = []
        for number, text in enumerate(ordered[start:start + CODES_PER_FUNCTION], start):
            lines = text.split("\n")
            body = lines[:-1] + [f"return {lines[-1]}"]
            branches.append(f"    if t == {number}:\n" + "".join(f"        {line}\n" for line in body))
        functions.append(f"def code_{start // CODES_PER_FUNCTION}({parameters}):\n" + "".join(branches))
    table = json.dumps(rows, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return (PRELUDE + "\n\n" + "\n\n".join(functions) + f"\n\nCODES = [{', '.join(f'code_{n}' for n in range(len(functions)))}]"
            + f"\nROWS = {table!r}\n" + MAIN.replace("PER_FUNCTION", str(CODES_PER_FUNCTION)))


MAIN = '''

def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        tag = list(value)[0]
        if tag == 't':
            return tuple([decode(v) for v in value[tag]])
        if tag == 's':
            return set([decode(v) for v in value[tag]])
        return float(value[tag])
    return value


async def main(ns):
    for number, row in enumerate(json.loads(ROWS)):
        print('\\x01' + str(number))
        values = [decode(v) for v in row[1:]]
        try:
            r = show(CODES[row[0] // PER_FUNCTION](row[0], *values))
        except BaseException as error:
            r = fail(error)
        except:  # noqa: E722 - a JavaScript error in built code
            r = '!JavaScript'
        print('\\x02' + r)
'''


def outputs_by_case(stdout: str, count: int) -> list[str | None]:
    """What each case printed and showed, from the program's output (None for a case that never ran)."""
    found: list[str | None] = [None] * count
    for part in stdout.split("\x01")[1:]:
        number, _, rest = part.partition("\n")
        found[int(number)] = rest.rstrip("\n").replace("\x02", "=> ", 1) if "\x02" in rest else rest + " (unfinished)"
    return found


def run_sweep(cases: dict[str, str], work: Path) -> dict[str, tuple[str | None, str | None]]:
    """Build the program once, run it in CPython and in Node: case name -> (CPython's output, Node's output)."""
    src = work / "src"
    src.mkdir(parents=True, exist_ok=True)
    text = program(list(cases.values()))
    path = src / f"{PROGRAM}.py"
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    out = work / "out"
    hwgw.build.build(src, out)
    cpython = _run([sys.executable, "-c", CPYTHON_RUNNER, str(src), PROGRAM])
    node = _run([node_executable(), "--import", LOADER.as_uri(), "--input-type=module", "-e", NODE_RUNNER,
                 f"/{src.name}/", PROGRAM], env={"HWGW_GAME_ROOT": str(out), "PATH": os.environ["PATH"]})
    assert cpython.returncode == 0 and node.returncode == 0, cpython.stderr[-3000:] + node.stderr[-3000:]
    expected, built = json.loads(cpython.stdout)[PROGRAM], json.loads(node.stdout)[PROGRAM]
    assert expected["error"] is None, expected["error"]
    assert built["error"] is None, built["error"]
    names = list(cases)
    return dict(zip(names, zip(outputs_by_case(expected["stdout"], len(names)),
                               outputs_by_case(built["stdout"], len(names)))))


@pytest.fixture(scope="module")
def sweep(request):
    """One build of every case and one run in CPython and in Node. Sources and the build cache live in pytest's
    cache folder, so a rerun recompiles only the program when it changed."""
    work = request.config.cache.mkdir("hwgw-sweep-methods")
    return run_sweep({**CASES, **DEVIATION_CASES}, work)


def test_the_sweep_has_thousands_of_cases_from_every_table():
    assert len(CASES) >= 5000
    for table in TABLES:
        assert sum(name.startswith(table + ": ") for name in CASES) >= 10, table


def test_every_excluded_case_falls_under_a_pin():
    assert set(EXCLUDED) <= set(KNOWN_DEVIATIONS)


def test_every_case_runs_in_cpython(sweep):
    """The generator's own check: every case ran to its end in CPython."""
    broken = [name for name, (expected, _) in sweep.items() if expected is None or expected.endswith("(unfinished)")]
    assert not broken, broken[:10]


@pytest.mark.parametrize("table", list(TABLES))
def test_built_cases_show_what_cpython_shows(sweep, table):
    diverging = [(name, expected, built) for name, (expected, built) in sweep.items()
                 if name.startswith(table + ": ") and expected != built]
    shown = "\n".join(f"{name}\n  CPython: {expected!r}\n  built:   {built!r}" for name, expected, built in diverging)
    assert not diverging, f"{len(diverging)} cases differ:\n{shown}"


@pytest.mark.parametrize("name", list(KNOWN_DEVIATIONS))
def test_known_deviation_still_differs(sweep, name):
    expected, built = sweep[f"deviation: {name}"]
    assert expected != built, f"{name}: built code now does what CPython does; drop it from the README's list"

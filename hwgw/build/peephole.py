"""Turn Transcrypt's operator-overloading wrappers around Netscript calls back into plain calls.

With operator overloading on, `ns.hack(t)` comes out as an IIFE around `__call__(…)` and `ns.args[0]` as
`__getitem__(ns.args, 0)`. Netscript objects are plain JavaScript values, so the plain forms mean the same; they read
better, run faster and let a script that only talks to ns import nothing.
"""

import re

from . import jsast
from .transpile import TRANSCRYPT_MODULES


def _is_ns_chain(node) -> bool:
    while node.type == "MemberExpression":
        if not node.computed and node.property.type == "Identifier" and node.property.name == "ns":
            return True
        node = node.object
    return node.type == "Identifier" and node.name == "ns"


def _accumulator_call(node):
    """Match `(function () { var __accuN__ = X; return __call__(__accuN__.m, __accuN__, ...args); })()`."""
    if node.type != "CallExpression" or node.arguments or node.callee.type != "FunctionExpression":
        return None
    body = node.callee.body.body
    if node.callee.params or len(body) != 2 or body[0].type != "VariableDeclaration":
        return None
    declarators = body[0].declarations
    if len(declarators) != 1 or body[1].type != "ReturnStatement" or body[1].argument is None:
        return None
    accu, receiver, call = declarators[0].id.name, declarators[0].init, body[1].argument
    if call.type != "CallExpression" or call.callee.type != "Identifier" or call.callee.name != "__call__":
        return None
    if len(call.arguments) < 2:
        return None
    method, this = call.arguments[0], call.arguments[1]
    if not (method.type == "MemberExpression" and not method.computed and method.object.type == "Identifier"
            and method.object.name == accu and this.type == "Identifier" and this.name == accu):
        return None
    return receiver, method.property.name, call.arguments[2:]


def _plain_index(node):
    """Match `__getitem__(X, 0)` or `__getitem__(X, 'key')`."""
    if node.type != "CallExpression" or node.callee.type != "Identifier" or node.callee.name != "__getitem__":
        return None
    if len(node.arguments) != 2:
        return None
    container, key = node.arguments
    if key.type != "Literal":
        return None
    if isinstance(key.value, str) or (isinstance(key.value, (int, float)) and not isinstance(key.value, bool)
                                      and key.value >= 0):
        return container, key
    return None


def simplify_ns_calls(text: str) -> str:
    """Rewrite the wrappers in one pass; a wrapper nested in another's arguments is rewritten inside it."""

    def edits(node) -> list[jsast.Edit]:
        match = _accumulator_call(node)
        if match and _is_ns_chain(match[0]):
            receiver, method, args = match
            return [jsast.Edit(node.range[0], node.range[1],
                               f"{render(receiver)}.{method}({', '.join(render(a) for a in args)})")]
        match = _plain_index(node)
        if match and _is_ns_chain(match[0]):
            return [jsast.Edit(node.range[0], node.range[1], f"{render(match[0])}[{render(match[1])}]")]
        found = []
        for child in jsast.children(node):
            found += edits(child)
        return found

    def render(node) -> str:
        start, end = node.range
        inner = [jsast.Edit(e.start - start, e.end - start, e.text) for e in edits(node)]
        return jsast.apply_edits(text[start:end], inner)

    return jsast.apply_edits(text, edits(jsast.parse(text)))


def _transcrypt_aliases() -> dict[str, str]:
    """JavaScript name -> Python name for the names Transcrypt renames (`name` becomes `py_name`), read from the
    table in Transcrypt's own compiler so the two cannot drift apart."""
    compiler = TRANSCRYPT_MODULES / "org" / "transcrypt" / "compiler.py"
    text = compiler.read_text(encoding="utf-8")
    table = text[text.index("# START predef_aliases"):text.index("# END predef_aliases")]
    pairs = re.findall(r"\('(\w+)',\s*'(\w+)'\)", table)
    return {js: python for python, js in pairs if not python.startswith("js_")}


ALIASES = _transcrypt_aliases()


def python_keyword_names(text: str) -> str:
    """Keyword arguments travel by their Python names.

    Transcrypt passes `f(name=1)` as `__kwargtrans__({py_name: 1})` and matches it with `case 'py_name'`, which
    works for a declared parameter but puts `py_name` into `**kwargs`, `dict(name=1)` and `str.format(name=…)`,
    and misses `f(**{'name': 1})`. Both sides are turned back to the Python name.
    """
    edits = []
    for node in jsast.walk(jsast.parse(text)):
        if node.type == "CallExpression" and node.callee.type == "Identifier" \
                and node.callee.name == "__kwargtrans__" and node.arguments \
                and node.arguments[0].type == "ObjectExpression":
            for prop in node.arguments[0].properties:
                if prop.type == "Property" and not prop.computed and prop.key.type == "Identifier" \
                        and prop.key.name in ALIASES and not prop.shorthand:
                    edits.append(jsast.Edit(prop.key.range[0], prop.key.range[1], ALIASES[prop.key.name]))
        elif node.type == "SwitchStatement" and node.discriminant.type == "Identifier" \
                and re.fullmatch(r"__attrib\d+__", node.discriminant.name):
            for case in node.cases:
                if case.test is not None and case.test.type == "Literal" and case.test.value in ALIASES:
                    edits.append(jsast.Edit(case.test.range[0], case.test.range[1], f"'{ALIASES[case.test.value]}'"))
    return jsast.apply_edits(text, edits)

"""Small helpers over esprima's JavaScript AST: parsing with ranges, walking, and text edits."""

import re
from dataclasses import dataclass
from types import SimpleNamespace

import esprima

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def parse(text: str):
    """Parse an ES module, every node with its `range`.

    esprima counts positions in UTF-16 code units, as JavaScript does; after a character beyond U+FFFF those differ
    from Python string indices, so such a module's nodes are copied into plain namespaces with ranges in Python's
    indices.
    """
    program = esprima.parseModule(text, {"range": True})
    if not _ASTRAL.search(text):
        return program
    index = []
    for position, char in enumerate(text):
        index.extend([position] * (2 if ord(char) > 0xFFFF else 1))
    index.append(len(text))
    return _plain(program, index)


def _plain(value, index):
    if isinstance(value, list):
        return [_plain(item, index) for item in value]
    if hasattr(value, "type") and hasattr(value, "__dict__"):
        fields = {key: _plain(item, index) for key, item in vars(value).items()}
        if index is not None and "range" in fields:
            fields["range"] = [index[fields["range"][0]], index[fields["range"][1]]]
        return SimpleNamespace(**fields)
    return value


def children(node):
    for value in vars(node).values():
        if isinstance(value, list):
            for item in value:
                if hasattr(item, "type"):
                    yield item
        elif hasattr(value, "type"):
            yield value


def walk(node):
    yield node
    for child in children(node):
        yield from walk(child)


_FUNCTIONS = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")
_SPECIFIERS = ("ImportSpecifier", "ImportDefaultSpecifier", "ImportNamespaceSpecifier")


def scan(node):
    """One walk over a subtree, for the linker: every Identifier in a name position, with its parent (property
    names, object keys and the names a module exports or imports by are left out); the names used as property
    accesses or carried by string literals (a conservative superset of accesses); and every name bound below."""
    identifiers, properties, bound = [], set(), set()
    stack = [(node, None)]
    while stack:
        current, parent = stack.pop()
        kind = current.type
        if kind == "Identifier":
            identifiers.append((current, parent))
            continue
        if kind == "Literal":
            if isinstance(current.value, str):
                properties.add(current.value)
            continue
        if kind == "MemberExpression" and not current.computed and current.property.type == "Identifier":
            properties.add(current.property.name)
        elif kind == "VariableDeclarator" and current.id.type == "Identifier":
            bound.add(current.id.name)
        elif kind in _FUNCTIONS:
            if getattr(current, "id", None) is not None:
                bound.add(current.id.name)
            bound.update(p.name for p in current.params if p.type == "Identifier")
        elif kind in _SPECIFIERS:
            bound.add(current.local.name)
        elif kind == "CatchClause" and current.param is not None and current.param.type == "Identifier":
            bound.add(current.param.name)
        for key, value in vars(current).items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if not hasattr(item, "type"):
                    continue
                # A module's interface: `import {a as b}` and `export {b as c}` name a and c for the other module.
                if key == "property" and kind == "MemberExpression" and not current.computed \
                        or key == "key" and kind in ("Property", "MethodDefinition", "PropertyDefinition") \
                        and not current.computed and not getattr(current, "shorthand", False) \
                        or key == "label" or key == "imported" and kind == "ImportSpecifier" \
                        or key == "exported" and kind == "ExportSpecifier":
                    if item.type == "Literal" and isinstance(item.value, str):
                        properties.add(item.value)
                    continue
                stack.append((item, current))
    return identifiers, properties, bound


def identifiers(node):
    """Every Identifier in a name position, with its parent (see `scan`)."""
    return scan(node)[0]


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits; an edit inside a wider deletion is dropped with it. An insertion where another
    edit starts goes before it (insertions at one place keep their order)."""
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end != e.start, -e.end)):
        if edit.start < pos:
            continue
        out.append(text[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)

"""Small helpers over esprima's JavaScript AST: parsing with ranges, walking, and text edits."""

from dataclasses import dataclass
from types import SimpleNamespace

import esprima


def parse(text: str):
    """Parse an ES module into plain namespaces (picklable, unlike esprima's own node objects).

    esprima counts positions in UTF-16 code units, as JavaScript does; ranges are turned into Python string
    indices, which differ after any character beyond U+FFFF.
    """
    program = esprima.parseModule(text, {"range": True})
    index = None
    if any(ord(char) > 0xFFFF for char in text):
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


def identifiers(node):
    """Every Identifier in a name position, with its parent: property names, object keys and the names a module
    exports or imports by are left out."""
    stack = [(node, None)]
    while stack:
        current, parent = stack.pop()
        if current.type == "Identifier":
            yield current, parent
            continue
        for key, value in vars(current).items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if not hasattr(item, "type"):
                    continue
                if key == "property" and current.type == "MemberExpression" and not current.computed:
                    continue
                if key == "key" and current.type in ("Property", "MethodDefinition", "PropertyDefinition") \
                        and not current.computed and not getattr(current, "shorthand", False):
                    continue
                if key == "label":
                    continue
                # A module's interface: `import {a as b}` and `export {b as c}` name a and c for the other module.
                if (key == "imported" and current.type == "ImportSpecifier") \
                        or (key == "exported" and current.type == "ExportSpecifier"):
                    continue
                stack.append((item, current))


def property_names(node):
    """Names used as property accesses or carried by string literals (a conservative superset of accesses)."""
    for n in walk(node):
        if n.type == "MemberExpression" and not n.computed and n.property.type == "Identifier":
            yield n.property.name
        elif n.type == "Literal" and isinstance(n.value, str):
            yield n.value


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits; an edit inside a wider deletion is dropped with it."""
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.start < pos:
            continue
        out.append(text[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)

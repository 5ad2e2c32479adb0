"""Lower f-strings that carry a format spec, a conversion or a literal brace (`f"{x:.2f}"`, `f"{x!r}"`,
`f"{{x}}"`) to `str.format` calls.

Transcrypt drops specs and conversions from f-strings and fails on doubled braces, but its `str.format` implements
all three, so the rewrite keeps Python's meaning.
The rewrite keeps every other character and every line number of the source.
"""

import ast
from pathlib import Path

from .errors import BuildError, Finding

_CONVERSIONS = {-1: "", ord("r"): "!r", ord("s"): "!s", ord("a"): "!a"}


def _needs_lowering(node: ast.JoinedStr) -> bool:
    return any(
        isinstance(v, ast.FormattedValue) and (v.format_spec is not None or v.conversion != -1)
        or isinstance(v, ast.Constant) and ("{" in v.value or "}" in v.value)
        for v in node.values
    )


def _spec_text(spec: ast.JoinedStr | None, path: Path) -> str:
    if spec is None:
        return ""
    text = ""
    for part in spec.values:
        if not isinstance(part, ast.Constant):
            raise BuildError([Finding(path, spec.lineno, spec.col_offset,
                                      "a format spec built from an expression is not supported; "
                                      "format the value first, e.g. f\"{value:>{width}}\" -> str(value).rjust(width)")])
        text += part.value
    return ":" + text


def _format_call(node: ast.JoinedStr, path: Path) -> str:
    template, args = "", []
    for value in node.values:
        if isinstance(value, ast.Constant):
            template += value.value.replace("{", "{{").replace("}", "}}")
        else:
            template += "{" + _CONVERSIONS[value.conversion] + _spec_text(value.format_spec, path) + "}"
            args.append(ast.unparse(value.value))
    return f"{template!r}.format({', '.join(args)})"


def _offset(lines: list[str], line: int, col: int) -> int:
    """Character offset of a (1-based line, UTF-8 byte column) position."""
    before = sum(len(l) for l in lines[: line - 1])
    return before + len(lines[line - 1].encode()[:col].decode())


def lower_fstrings(text: str, path: Path) -> str:
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError:
        return text  # the checker reports it with its location
    targets = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and _needs_lowering(node):
            targets.append(node)
    # Outermost first; nested f-strings are rewritten as part of their parent's expression text.
    targets.sort(key=lambda n: (n.lineno, n.col_offset, -(n.end_lineno or 0), -(n.end_col_offset or 0)))
    chosen = []
    for node in targets:
        if chosen and (node.lineno, node.col_offset) < (chosen[-1].end_lineno, chosen[-1].end_col_offset):
            continue
        chosen.append(node)
    lines = text.splitlines(keepends=True)
    for node in reversed(chosen):
        start = _offset(lines, node.lineno, node.col_offset)
        end = _offset(lines, node.end_lineno, node.end_col_offset)
        extra_lines = text.count("\n", start, end)
        replacement = "(" + _format_call(node, path) + "\n" * extra_lines + ")"
        text = text[:start] + replacement + text[end:]
    return text

"""Rewrite Python that Transcrypt gets wrong into equivalent Python it gets right, before Transcrypt sees it.

Each pass is text in, text out; it keeps every other character and every line number of the source, so Transcrypt's
errors and the checker's findings still point at the player's lines.

- f-strings that carry a format spec, a conversion, a literal brace or an await (`f"{x:.2f}"`, `f"{x!r}"`,
  `f"{{x}}"`, `f"{await f()}"`) become `str.format` calls, which the builtins pass below turns into `py_str_format`
  calls: Transcrypt drops specs and conversions from f-strings, fails on doubled braces and puts an f-string's
  values in a nested function, where await is invalid.
- `target //= value` becomes `target = target // (value)`: with operator overloading on, Transcrypt emits invalid
  JavaScript for `//=`. Only targets that are safe to evaluate twice are rewritten; the checker rejects the rest.
- `a and b` whose value is used (not only its truth) becomes `(b if a else a)`, or `py_and_value(a, lambda: b)` when
  `a` is not safe to evaluate twice: Transcrypt's `and` gives `false` where Python gives a falsy `a` such as None,
  '' or []. An `a` that only ever is a bool or a number (a comparison, `not`, isinstance...) stays as it is; the
  checker rejects the case neither form can express (an await after such an `a`).
- `NAME: type = value` at module level loses its annotation: Transcrypt would not export the name.
- `del x[k]`, `raise e from c`, `assert` and decorators become calls and ifs that Transcrypt compiles right (see
  `statements`).
- Builtins, operators and methods that Transcrypt's runtime gets wrong come from hwgw's own library (pylib/): the
  script imports the names it uses from `pybuiltins`, calls `py_int(...)` where it called `int(...)` (likewise
  for the other names in RENAMED), calls `py_str_format(text, ...)` where it called `text.format(...)` (the runtime's
  str.format cannot be replaced), and imports `METHODS` from `pymethods` when it calls a method that module
  installs. The imports go after the last line (Transcrypt hoists imports), so no line moves.
"""

import ast
import functools
import importlib.util
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path


_CONVERSIONS = {-1: "", ord("r"): "!r", ord("s"): "!s", ord("a"): "!a"}


@functools.lru_cache(maxsize=4)
def _nodes(tree: ast.Module) -> tuple[ast.AST, ...]:
    """Every node of a module, walked once for all the passes that read the same tree."""
    return tuple(ast.walk(tree))


def _needs_lowering(node: ast.JoinedStr) -> bool:
    return any(
        isinstance(v, ast.FormattedValue) and (v.format_spec is not None or v.conversion != -1
                                               or any(isinstance(n, ast.Await) for n in ast.walk(v.value)))
        or isinstance(v, ast.Constant) and ("{" in v.value or "}" in v.value)
        for v in node.values
    )


def _spec_text(spec: ast.JoinedStr | None, args: list[str]) -> str:
    """The spec as str.format template text; a field inside it (`{x:>{width}}`) becomes `{}` plus an argument."""
    if spec is None:
        return ""
    text = ""
    for part in spec.values:
        if isinstance(part, ast.Constant):
            text += part.value.replace("{", "{{").replace("}", "}}")
        else:
            text += "{" + _CONVERSIONS[part.conversion] + "}"
            args.append(ast.unparse(part.value))
    return ":" + text


def _format_call(node: ast.JoinedStr) -> str:
    template, args = "", []
    for value in node.values:
        if isinstance(value, ast.Constant):
            template += value.value.replace("{", "{{").replace("}", "}}")
        else:
            args.append(ast.unparse(value.value))
            template += "{" + _CONVERSIONS[value.conversion] + _spec_text(value.format_spec, args) + "}"
    return f"{template!r}.format({', '.join(args)})"


_starts: tuple[list[str], list[int]] = ([], [0])  # the last lines seen, and where each of them starts


def _offset(lines: list[str], line: int, col: int) -> int:
    """Character offset of a (1-based line, UTF-8 byte column) position."""
    global _starts
    if _starts[0] is not lines:
        _starts = (lines, list(itertools.accumulate((len(l) for l in lines), initial=0)))
    text = lines[line - 1]
    return _starts[1][line - 1] + (col if text.isascii() else len(text.encode()[:col].decode()))


def fstrings(text: str, tree: ast.Module, path: Path) -> str:
    targets = []
    for node in _nodes(tree):
        if isinstance(node, ast.JoinedStr) and _needs_lowering(node):
            targets.append(node)
    # Outermost first; nested f-strings are left in their parent's arguments for the next round.
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
        replacement = "(" + _format_call(node) + "\n" * extra_lines + ")"
        text = text[:start] + replacement + text[end:]
    if len(chosen) < len(targets):  # f-strings inside the ones just rewritten
        return fstrings(text, ast.parse(text, filename=str(path)), path)
    return text


def repeatable(node: ast.expr) -> bool:
    """True for an expression that can be evaluated twice with the same result and no side effect."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Attribute):
        return repeatable(node.value)
    if isinstance(node, ast.Subscript):
        return repeatable(node.value) and repeatable(node.slice)
    return False


def floordiv_assign(text: str, tree: ast.Module, path: Path) -> str:
    targets = [node for node in _nodes(tree)
               if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.FloorDiv) and repeatable(node.target)]
    lines = text.splitlines(keepends=True)
    edits = []
    for node in targets:
        operator_start = _offset(lines, node.target.end_lineno, node.target.end_col_offset)
        value_start = _offset(lines, node.value.lineno, node.value.col_offset)
        value_end = _offset(lines, node.value.end_lineno, node.value.end_col_offset)
        operator = text[operator_start:value_start]
        between = operator.replace("//=", f"= {ast.unparse(node.target)} // (", 1)
        edits.append((operator_start, value_start, between))
        edits.append((value_end, value_end, ")"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def module_annotations(text: str, tree: ast.Module, path: Path) -> str:
    """`LIMIT: int = 5` at module level becomes `LIMIT = 5`: Transcrypt leaves an annotated module-level name out of
    the module's exports, so importing it would fail when the game loads the script."""
    lines = text.splitlines(keepends=True)
    edits = []
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is not None and node.simple:
            target_end = _offset(lines, node.target.end_lineno, node.target.end_col_offset)
            value_start = _offset(lines, node.value.lineno, node.value.col_offset)
            breaks = text.count("\n", target_end, value_start)
            if breaks:  # keep the lines: the value goes in parentheses so the line breaks stay legal
                value_end = _offset(lines, node.value.end_lineno, node.value.end_col_offset)
                edits.append((value_end, value_end, ")"))
            edits.append((target_end, value_start, " = (" + "\n" * breaks if breaks else " = "))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _boolean_contexts(tree: ast.Module) -> set[int]:
    """ids of the expressions whose truth alone is used: tests of if/while/assert/ternaries/comprehensions, `not`."""
    found: set[int] = set()

    def mark(node):
        found.add(id(node))
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                mark(value)

    for node in _nodes(tree):
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            mark(node.test)
        elif isinstance(node, ast.comprehension):
            for condition in node.ifs:
                mark(condition)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            mark(node.operand)
    return found


def value_ands(tree: ast.Module) -> list[ast.BoolOp]:
    """The `and` expressions whose value (not only their truth) is used."""
    in_tests = _boolean_contexts(tree)
    return [node for node in _nodes(tree)
            if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And) and id(node) not in in_tests]


_TRUTH_CALLS = ("bool", "isinstance", "issubclass", "callable", "hasattr", "any", "all")


def truth_valued(node: ast.expr) -> bool:
    """True for an expression whose falsy values are only False and 0, which Transcrypt's `and` passes on."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (bool, int, float))  # not None, '' or b'': falsy values and not False
    if isinstance(node, ast.Compare) or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
        return True
    if isinstance(node, ast.BoolOp):
        return all(truth_valued(value) for value in node.values)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _TRUTH_CALLS


def _pure(node: ast.expr) -> bool:
    """True for an expression safe to evaluate twice: names, constants, lookups, and displays of those."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_pure(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return all(key is not None and _pure(key) and _pure(value) for key, value in zip(node.keys, node.values))
    return repeatable(node)


def _awaits(nodes: list[ast.expr]) -> bool:
    return any(isinstance(inner, ast.Await) for node in nodes for inner in ast.walk(node))


def unsafe_and_operand(node: ast.BoolOp) -> ast.expr | None:
    """The first operand of a value `and` that the lowering cannot rewrite (an await follows it), if any."""
    for index, value in enumerate(node.values[:-1]):
        if not truth_valued(value) and not _pure(value) and _awaits(node.values[index + 1:]):
            return value
    return None


def and_values(text: str, tree: ast.Module, path: Path) -> str:
    lines = text.splitlines(keepends=True)
    edits = []
    for node in value_ands(tree):
        if unsafe_and_operand(node) is not None or all(truth_valued(v) for v in node.values[:-1]):
            continue  # the checker reports the first kind; Transcrypt gets the second right
        sources = [text[_offset(lines, v.lineno, v.col_offset):_offset(lines, v.end_lineno, v.end_col_offset)]
                   for v in node.values]
        expression = f"({sources[-1]})"
        for value, source in zip(reversed(node.values[:-1]), reversed(sources[:-1])):
            if truth_valued(value):
                expression = f"(({source}) and {expression})"
            elif _pure(value):
                expression = f"({expression} if ({source}) else ({ast.unparse(value)}))"
            else:
                expression = f"py_and_value(({source}), lambda: {expression})"
        edits.append((_offset(lines, node.lineno, node.col_offset),
                      _offset(lines, node.end_lineno, node.end_col_offset), expression))
    # Nested value `and`s: rewrite the outermost only; the next pass over the new text finds the inner ones.
    edits.sort()
    chosen = []
    for edit in edits:
        if chosen and edit[0] < chosen[-1][1]:
            continue
        chosen.append(edit)
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    if len(chosen) < len(edits):
        return and_values(text, ast.parse(text, filename=str(path)), path)
    return text


PYLIB = Path(__file__).resolve().parent / "pylib"
# Builtins a script reaches under another name: the types (whose own names must stay the runtime's for isinstance),
# and the functions whose names Transcrypt keeps for its runtime's versions.
RENAMED = {"int": "py_int", "float": "py_float", "list": "py_list", "tuple": "py_tuple", "set": "py_set",
           "dict": "py_dict", "enumerate": "py_enumerate_list", "reversed": "py_reversed_list", "object": "py_object"}
# Of these, the names renamed also where a script passes them to a function (map(int, ...), key=float); everywhere
# else (isinstance, PRIMITIVES = (int, float), type(x) is int) a name keeps meaning the runtime's type.
VALUE_RENAMED = {"int", "float"}
OPERATORS = {
    ast.Eq: "__eq__", ast.NotEq: "__ne__", ast.Lt: "__lt__", ast.LtE: "__le__", ast.Gt: "__gt__",
    ast.GtE: "__ge__", ast.In: "__in__", ast.NotIn: "__in__",
}
BINARY = {ast.Add: "__add__", ast.Mult: "__mul__", ast.Div: "__truediv__", ast.FloorDiv: "__floordiv__",
          ast.Mod: "__mod__", ast.Sub: "__sub__", ast.BitOr: "__or__", ast.BitAnd: "__and__", ast.BitXor: "__xor__",
          ast.LShift: "__lshift__", ast.RShift: "__rshift__"}
AUGMENTED = {ast.Add: "__iadd__", ast.Mult: "__imul__", ast.Div: "__idiv__", ast.Mod: "__imod__",
             ast.BitOr: "__ior__", ast.BitAnd: "__iand__", ast.Sub: "__isub__", ast.BitXor: "__ixor__"}
# Dict methods that lose their dict when taken as a value (`key=counts.get`), since the runtime does not bind them.
DICT_METHODS = {"get", "items", "keys", "values", "pop", "popitem", "setdefault", "update", "copy", "clear"}


@functools.cache
def pybuiltins_names() -> frozenset[str]:
    """The names pybuiltins defines for scripts: its public functions and classes and its operator functions."""
    tree = ast.parse((PYLIB / "pybuiltins.py").read_text(encoding="utf-8"))
    return frozenset(node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))
                     and (not node.name.startswith("_") or node.name.endswith("__")))


@functools.cache
def pymethods_names() -> frozenset[str]:
    """Python names of the methods pymethods installs (Transcrypt's `py_split` is Python's `split`)."""
    tree = ast.parse((PYLIB / "pymethods.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and len(node.value.args) == 3 \
                and ast.unparse(node.value.func) == "Object.defineProperty":
            name = node.value.args[1].value
            names.add(name[3:] if name.startswith("py_") else name)
    return frozenset(names)


def module_bindings(tree: ast.Module) -> set[str]:
    """Names the module binds at its top level (or through `global`): an import must not clash with them."""
    bound = set()

    def visit(node, top):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if top:
                bound.add(node.name)
            for child in node.body:
                visit(child, False)
            return
        if isinstance(node, ast.Global):
            bound.update(node.names)
        elif top and isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif top and isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        if isinstance(node, ast.Lambda):
            return
        for child in ast.iter_child_nodes(node):
            visit(child, top and not isinstance(child, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)))

    visit(tree, True)
    return bound


def _type_tests(nodes: list[ast.AST]) -> set[int]:
    """ids of Name nodes that name a type as a type (isinstance, comparisons, base classes, attributes)."""
    skip = set()
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("isinstance",
                                                                                             "issubclass"):
            if len(node.args) == 2:
                classes = node.args[1]
                skip.update(id(n) for n in ([classes] + list(getattr(classes, "elts", []))))
        elif isinstance(node, ast.Compare):
            skip.update(id(n) for n in [node.left] + node.comparators)
        elif isinstance(node, ast.ClassDef):
            skip.update(id(n) for n in node.bases)
        elif isinstance(node, ast.Attribute):
            skip.add(id(node.value))
    return skip


def _operator_names(nodes: list[ast.AST]) -> set[str]:
    names = set()
    for node in nodes:
        if isinstance(node, ast.Compare):
            names.update(OPERATORS[type(op)] for op in node.ops if type(op) in OPERATORS)
        elif isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            names.add(BINARY[type(node.op)])
        elif isinstance(node, ast.AugAssign) and type(node.op) in AUGMENTED:
            names.add(AUGMENTED[type(node.op)])
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) \
                and not isinstance(node.operand, ast.Constant):
            names.add("__neg__")
        elif isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice):
            names.add("__getitem__" if isinstance(node.ctx, ast.Load) else "__setitem__")
            if isinstance(node.ctx, ast.Store):
                names.add("__getitem__")  # augmented assignment reads it too
    return names


def _segment(text: str, lines: list[str], node: ast.AST) -> str:
    return text[_offset(lines, node.lineno, node.col_offset):_offset(lines, node.end_lineno, node.end_col_offset)]


def alone_on_its_lines(lines: list[str], node: ast.stmt) -> bool:
    """True when only blanks (and a comment) share the statement's first and last lines."""
    before = lines[node.lineno - 1].encode()[:node.col_offset].decode()
    after = lines[node.end_lineno - 1].encode()[node.end_col_offset:].decode()
    return not before.strip() and (not after.strip() or after.strip().startswith("#"))


# Library modules a script imports under their Python name but that hwgw provides under another one, since
# Transcrypt's runtime imports the original.
LIBRARIES = {"copy": "pycopy"}


def _name_span(text: str, lines: list[str], node: ast.stmt, name: str) -> tuple[int, int]:
    """Where a module name first appears in an import statement's text."""
    start = _offset(lines, node.lineno, node.col_offset)
    found = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w.])").search(text, start)
    return found.start(), found.end()


def statements(text: str, tree: ast.Module, path: Path) -> str:
    """`del x[k]` (which Transcrypt compiles to nothing), `raise e from c` (whose cause it drops), decorators (which
    it miscompiles when stacked, and which leave the function without its name) as calls; `assert` (which it drops)
    as an if statement; imports of LIBRARIES under hwgw's module names."""
    lines = text.splitlines(keepends=True)
    edits = []
    for node in _nodes(tree):
        if isinstance(node, ast.Delete) and all(isinstance(t, ast.Subscript) for t in node.targets):
            calls = []
            for target in node.targets:
                container = _segment(text, lines, target.value)
                if isinstance(target.slice, ast.Slice):
                    parts = [_segment(text, lines, part) if part is not None else "None"
                             for part in (target.slice.lower, target.slice.upper, target.slice.step)]
                    calls.append(f"py_delslice({container}, {', '.join(parts)})")
                else:
                    key = _segment(text, lines, target.slice)
                    key = f"({key})" if isinstance(target.slice, ast.Tuple) else key  # del d[1, 2]: a tuple key
                    calls.append(f"py_delitem({container}, {key})")
            replacement = "; ".join(calls)
            start = _offset(lines, node.lineno, node.col_offset)
            end = _offset(lines, node.end_lineno, node.end_col_offset)
            edits.append((start, end, replacement + "\n" * text.count("\n", start, end)))
        elif isinstance(node, ast.Assert) and alone_on_its_lines(lines, node):
            message = _segment(text, lines, node.msg) if node.msg is not None else ""
            replacement = f"if not ({_segment(text, lines, node.test)}): raise AssertionError({message})"
            start = _offset(lines, node.lineno, node.col_offset)
            end = _offset(lines, node.end_lineno, node.end_col_offset)
            edits.append((start, end, replacement + "\n" * (text.count("\n", start, end)
                                                             - replacement.count("\n"))))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in LIBRARIES:
                    start, end = _name_span(text, lines, node, alias.name)
                    edits.append((start, end, f"{LIBRARIES[alias.name]} as {alias.asname or alias.name}"
                                  if alias.asname is None else LIBRARIES[alias.name]))
        elif isinstance(node, ast.ImportFrom) and node.module in LIBRARIES and not node.level:
            start, end = _name_span(text, lines, node, node.module)
            edits.append((start, end, LIBRARIES[node.module]))
        elif isinstance(node, ast.Raise) and node.cause is not None:
            start = _offset(lines, node.exc.lineno, node.exc.col_offset)
            end = _offset(lines, node.cause.end_lineno, node.cause.end_col_offset)
            replacement = f"py_with_cause({_segment(text, lines, node.exc)}, {_segment(text, lines, node.cause)})"
            edits.append((start, end, replacement + "\n" * (text.count("\n", start, end)
                                                             - replacement.count("\n"))))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.decorator_list \
                and not any(_compiler_decorator(d) for d in node.decorator_list):
            first, last = node.decorator_list[0], node.decorator_list[-1]
            at = _offset(lines, first.lineno, first.col_offset)
            edits.append((at, at, f"py_decorate({node.name!r}, "))
            for before, after in zip(node.decorator_list, node.decorator_list[1:]):
                start = _offset(lines, before.end_lineno, before.end_col_offset)
                end = _offset(lines, after.lineno, after.col_offset)
                edits.append((start, end, "," + text[start:end].replace("@", " ", 1)))
            at = _offset(lines, last.end_lineno, last.end_col_offset)
            edits.append((at, at, ")"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _compiler_decorator(node: ast.expr) -> bool:
    """Decorators Transcrypt implements itself, by their name."""
    if isinstance(node, ast.Name):
        return node.id in ("property", "staticmethod", "classmethod")
    return isinstance(node, ast.Attribute) and node.attr in ("setter", "getter", "deleter")


def _loop_ranges(nodes: list[ast.AST]) -> set[int]:
    """ids of `range` names called as the iterable of a for loop or a comprehension."""
    iterables = [node.iter for node in nodes if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension))]
    return {id(i.func) for i in iterables
            if isinstance(i, ast.Call) and isinstance(i.func, ast.Name) and i.func.id == "range"}


def shadowed(text: str, tree: ast.Module) -> set[tuple[int, int]]:
    """(line, column) of every name read that a function, class or comprehension binds: not a builtin there."""
    names = _Names(text)
    names.visit(tree)
    lines = text.splitlines(keepends=True)
    starts = {_offset(lines, node.lineno, node.col_offset): (node.lineno, node.col_offset) for node in _nodes(tree)
              if isinstance(node, ast.Name)}
    return {starts[occurrence.start] for occurrence in names.occurrences
            if occurrence.start in starts and occurrence.scope.binding(occurrence.name).kind != "module"}


def builtins(text: str, tree: ast.Module, path: Path) -> str:
    bound = module_bindings(tree)
    nodes = _nodes(tree)
    local = shadowed(text, tree)
    used = {node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    imports = set((used & pybuiltins_names()) | _operator_names(nodes))
    lines = text.splitlines(keepends=True)
    edits = []

    def insert_around(node, receiver, before, after):
        """Replace `receiver<rest of node>` by `before receiver after`, keeping the receiver's text as it is."""
        start = _offset(lines, receiver.lineno, receiver.col_offset)
        edits.append((start, start, before))
        edits.append((_offset(lines, receiver.end_lineno, receiver.end_col_offset),
                      _offset(lines, node.end_lineno, node.end_col_offset), after))

    type_tests, loop_ranges = _type_tests(nodes), _loop_ranges(nodes)
    called = {id(node.func) for node in nodes if isinstance(node, ast.Call)}
    arguments = {id(argument) for node in nodes if isinstance(node, ast.Call)
                 for argument in node.args + [keyword.value for keyword in node.keywords]}
    for node in nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in bound \
                and (node.lineno, node.col_offset) not in local:
            replacement = None
            if node.id in RENAMED and id(node) not in type_tests \
                    and (id(node) in called or node.id in VALUE_RENAMED and id(node) in arguments):
                replacement = RENAMED[node.id]
            elif id(node) in loop_ranges:
                replacement = "py_range"
            if replacement:
                edits.append((_offset(lines, node.lineno, node.col_offset),
                              _offset(lines, node.end_lineno, node.end_col_offset), replacement))
                imports.add(replacement)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver, method = node.func.value, node.func.attr
            if method == "format":
                paren = text.index("(", text.index("format", _offset(lines, receiver.end_lineno,
                                                                        receiver.end_col_offset)))
                start = _offset(lines, receiver.lineno, receiver.col_offset)
                edits.append((start, start, "py_str_format("))
                edits.append((_offset(lines, receiver.end_lineno, receiver.end_col_offset), paren + 1,
                              ", " if node.args or node.keywords else ""))
                imports.add("py_str_format")
            elif method in ("items", "reverse") and not node.args and not node.keywords:
                helper = {"items": "py_dict_items", "reverse": "py_list_reverse"}[method]
                insert_around(node, receiver, f"{helper}(", ")")
                imports.add(helper)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" \
                and len(node.args) == 1 and "type" not in bound:
            imports.add("py_type_of as py_typeof")
    for node in nodes:
        if isinstance(node, ast.Assign) and isinstance(node.targets[-1], (ast.Tuple, ast.List)) \
                and not isinstance(node.value, (ast.Tuple, ast.List)):
            # `a, b = value`: Transcrypt takes the first elements of whatever comes; Python wants exactly two
            insert_around(node.value, node.value, "py_assign(", f", {len(node.targets[-1].elts)})")
            imports.add("py_assign")
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in DICT_METHODS \
                and id(node) not in called:
            insert_around(node, node.value, "py_bound_method(", f", {node.attr!r})")
            imports.add("py_bound_method")
    imports = sorted(name for name in imports if name.split(" as ")[-1] not in bound)
    attributes = {node.attr for node in nodes if isinstance(node, ast.Attribute)}
    prints = used & {"print", "repr", "str", "format"} or any(isinstance(node, ast.JoinedStr) for node in nodes)
    methods = "METHODS" not in bound and (attributes & pymethods_names() or prints or "str" in used)
    statements = []
    if imports:
        statements.append(f"from pybuiltins import {', '.join(imports)}")
    if methods:
        statements.append("from pymethods import METHODS")
        statements.append("METHODS")
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    if statements:
        text += ("" if text.endswith("\n") or not text else "\n") + "\n".join(statements) + "\n"
    return text


_COMPARISON_TEXT = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
                    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
STORE_MARK = "__hwgw_store__"


def chained_comparisons(text: str, tree: ast.Module, path: Path) -> str:
    """`a < f() < b` evaluates f() once; Transcrypt writes the middle operand into both comparisons. A chain with a
    middle operand that is not a name or a constant becomes `((a < __hwgw_store__(__cmpN__, (f()))) and (__cmpN__ <
    (b)))`, and the JavaScript pass (`peephole.rewrite`) turns the store into an assignment to a local variable."""
    lines = text.splitlines(keepends=True)
    targets = sorted((node for node in _nodes(tree) if isinstance(node, ast.Compare) and len(node.ops) > 1
                      and not all(isinstance(m, (ast.Name, ast.Constant)) for m in node.comparators[:-1])),
                     key=lambda n: (n.lineno, n.col_offset, -n.end_lineno, -n.end_col_offset))
    chosen = []
    for node in targets:  # outermost first; chains inside an operand are rewritten in the next round
        if chosen and (node.lineno, node.col_offset) < (chosen[-1].end_lineno, chosen[-1].end_col_offset):
            continue
        chosen.append(node)
    number = text.count(STORE_MARK + "(")
    edits = []
    for node in chosen:
        temporary = f"__cmp{number}__"
        number += 1
        terms, left = [], f"({_segment(text, lines, node.left)})"
        for index, (op, right) in enumerate(zip(node.ops, node.comparators)):
            right_text = f"({_segment(text, lines, right)})"
            if index < len(node.ops) - 1:
                right_text = f"{STORE_MARK}({temporary}, {right_text})"
            terms.append(f"({left} {_COMPARISON_TEXT[type(op)]} {right_text})")
            left = temporary
        start = _offset(lines, node.lineno, node.col_offset)
        end = _offset(lines, node.end_lineno, node.end_col_offset)
        replacement = "(" + " and ".join(terms)
        edits.append((start, end, replacement + "\n" * (text.count("\n", start, end) - replacement.count("\n")) + ")"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    if len(chosen) < len(targets):
        return chained_comparisons(text, ast.parse(text, filename=str(path)), path)
    return text


def slice_starts(text: str, tree: ast.Module, path: Path) -> str:
    """`a[::-1]` becomes `a[None::-1]`: Transcrypt fills a missing start with 0, which a negative step reads as the
    first item rather than the last (`a[::-1] = values` would raise ValueError)."""
    lines = text.splitlines(keepends=True)
    starts = sorted((_offset(lines, node.lineno, node.col_offset) for node in _nodes(tree)
                     if isinstance(node, ast.Slice) and node.lower is None and node.step is not None), reverse=True)
    for start in starts:
        text = text[:start] + "None" + text[start:]
    return text


def _is_super(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super" \
        and not node.keywords and len(node.args) in (0, 2)


def super_lookups(tree: ast.Module) -> list[tuple[ast.Attribute, ast.ClassDef | None, ast.AST | None]]:
    """Every `super().name` and `super(C, x).name` read, with the class and the function it is written in."""
    found = []

    def visit(node, cls, function):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and _is_super(node.value):
            found.append((node, cls, function))
        inner, inner_cls, inner_function = [], cls, function
        if isinstance(node, ast.ClassDef):
            inner, inner_cls, inner_function = node.body, node, None
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner, inner_function = node.body if isinstance(node.body, list) else [node.body], node
        for child in ast.iter_child_nodes(node):
            if any(child is statement for statement in inner):
                visit(child, inner_cls, inner_function)
            else:
                visit(child, cls, function)

    if "super" not in module_bindings(tree):
        visit(tree, None, None)
    return found


def first_parameter(function: ast.AST | None) -> str | None:
    if function is None:
        return None
    parameters = function.args.posonlyargs + function.args.args
    return parameters[0].arg if parameters else None


def super_calls(text: str, tree: ast.Module, path: Path) -> str:
    """`super().name` becomes `py_super_of(Class, first_parameter, 'name')`, the attribute found from the class's base
    and bound to the method's first parameter: Transcrypt binds a class method reached through super() to the base
    class, passes an undefined `self` to it, and cannot compile super(C, x) at all."""
    lines = text.splitlines(keepends=True)
    edits = []
    for node, cls, function in super_lookups(tree):
        arguments = node.value.args
        if arguments:
            owner, receiver = (_segment(text, lines, argument) for argument in arguments)
        elif cls is not None and first_parameter(function) is not None:
            owner, receiver = cls.name, first_parameter(function)
        else:
            continue  # the checker reports it
        edits.append((_offset(lines, node.lineno, node.col_offset),
                      _offset(lines, node.end_lineno, node.end_col_offset),
                      f"py_super_of({owner}, {receiver}, {node.attr!r})"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def keyword_unpacking(text: str, tree: ast.Module, path: Path) -> str:
    """`f(**a, k=1, **b)` becomes `f(**dict(dict(dict(a), k=1), **b))`: Transcrypt emits invalid JavaScript for several
    `**` in one call, and compiles one, with named keywords beside it, right."""
    lines = text.splitlines(keepends=True)
    edits = []
    for node in _nodes(tree):
        if not isinstance(node, ast.Call) or sum(keyword.arg is None for keyword in node.keywords) < 2:
            continue
        first = next(index for index, keyword in enumerate(node.keywords) if keyword.arg is None)
        rest = node.keywords[first:]
        merged = ""
        for keyword in rest:
            value = _segment(text, lines, keyword.value)
            if keyword.arg is not None:
                merged = f"dict({merged}, {keyword.arg}=({value}))"
            else:
                merged = f"dict({merged}, **({value}))" if merged else f"dict({value})"
        start = _offset(lines, rest[0].lineno, rest[0].col_offset)
        end = _offset(lines, rest[-1].end_lineno, rest[-1].end_col_offset)
        replacement = "**" + merged
        edits.append((start, end, replacement + "\n" * (text.count("\n", start, end) - replacement.count("\n"))))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


TRANSCRYPT_MODULES = Path(importlib.util.find_spec("transcrypt").submodule_search_locations[0]) / "modules"


def _transcrypt_aliases() -> dict[str, str]:
    """Python name -> JavaScript name for the names Transcrypt renames (`name` becomes `py_name`), read from the
    table in Transcrypt's own compiler so the two cannot drift apart."""
    compiler = TRANSCRYPT_MODULES / "org" / "transcrypt" / "compiler.py"
    text = compiler.read_text(encoding="utf-8")
    table = text[text.index("# START predef_aliases"):text.index("# END predef_aliases")]
    return {python: js for python, js in re.findall(r"\('(\w+)',\s*'(\w+)'\)", table) if not python.startswith("js_")}


TRANSCRYPT_ALIASES = _transcrypt_aliases()
# Names Python allows and JavaScript reserves (or forbids as a binding in a module), which Transcrypt does not already
# rename itself (it turns `case`, `default`, `new`, `switch`, `arguments`, `true`, `false`... into py_case and so on).
JS_RESERVED = frozenset({
    "catch", "const", "debugger", "delete", "do", "enum", "eval", "export", "extends", "function", "implements",
    "instanceof", "interface", "let", "null", "package", "private", "protected", "public", "static", "super", "this",
    "throw", "typeof", "var", "void",
})
DECLARE_MARK = "__hwgw_declare__"


def local_name(name: str) -> str:
    """What a function's own variable is called when a nested function reaches the module's one of that name."""
    return f"__{name}_local__"


def javascript_name(name: str) -> str:
    """What a variable whose name JavaScript reserves is called (Transcrypt's own `py_<name>` names are taken)."""
    return f"py_{name}_"


@dataclass
class _Scope:
    kind: str  # module | function | class | comprehension
    parent: "_Scope | None"
    bound: set[str] = field(default_factory=set)
    globals: set[str] = field(default_factory=set)
    nonlocals: set[str] = field(default_factory=set)
    modules: set[str] = field(default_factory=set)  # names bound by `import x` / `import x.y as z`

    def binding(self, name: str) -> "_Scope":
        """The scope whose variable `name` means here, as Python resolves it (classes are skipped from inside)."""
        if self.kind == "module" or name in self.globals:
            return self.root()
        if name in self.bound and name not in self.nonlocals:
            return self
        scope = self.parent
        while scope.kind != "module":
            if scope.kind != "class":
                if name in scope.globals:
                    break
                if name in scope.bound and name not in scope.nonlocals:
                    return scope
            scope = scope.parent
        return self.root()

    def root(self) -> "_Scope":
        return self if self.parent is None else self.parent.root()


@dataclass
class _Occurrence:
    scope: _Scope
    name: str
    start: int
    end: int
    assigned: bool = False


class _Names(ast.NodeVisitor):
    """Every place a name is bound, declared or read, in its scope, as text offsets."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.scope = _Scope("module", None)
        self.occurrences: list[_Occurrence] = []
        self.attributes: list[tuple[_Scope, str, int, int]] = []  # module.attr: root name, where attr is
        self.imported: list[tuple[int, int, str]] = []  # fixed renames: `from m import catch as c` (m's py_catch)

    def at(self, line: int, col: int) -> int:
        return _offset(self.lines, line, col)

    def add(self, name: str, start: int, assigned: bool = False, scope: _Scope | None = None) -> None:
        scope = scope or self.scope
        if assigned:
            scope.bound.add(name)
        self.occurrences.append(_Occurrence(scope, name, start, start + len(name), assigned))

    def find(self, node: ast.AST, pattern: str, name: str) -> int:
        """Offset of `name` after `pattern` (a regex; blanks may continue lines) from the start of `node`'s text."""
        blanks = r"(?:\s|\\\n)*"
        match = re.compile(pattern.replace(r"\s*", blanks) + blanks + "(" + re.escape(name) + r")\b").search(
            self.text, self.at(node.lineno, node.col_offset))
        return match.start(1)

    def inside(self, kind: str, visit) -> None:
        outer, self.scope = self.scope, _Scope(kind, self.scope)
        visit()
        self.scope = outer

    def visit_Name(self, node):
        self.add(node.id, self.at(node.lineno, node.col_offset), not isinstance(node.ctx, ast.Load))

    def visit_Global(self, node):
        self.scope.globals.update(node.names)
        for name in node.names:
            self.add(name, self.find(node, r"\bglobal\b(?:\s*\w+\s*,)*", name))

    def visit_Nonlocal(self, node):
        self.scope.nonlocals.update(node.names)
        for name in node.names:
            self.add(name, self.find(node, r"\bnonlocal\b(?:\s*\w+\s*,)*", name))

    def visit_Import(self, node):
        for alias in node.names:
            name = alias.asname or alias.name.split(".")[0]
            start = self.find(alias, r"\bas", name) if alias.asname else self.at(alias.lineno, alias.col_offset)
            self.add(name, start, True)
            self.scope.modules.add(name)

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name == "*":
                continue
            start = self.at(alias.lineno, alias.col_offset)
            if not alias.asname:
                self.add(alias.name, start, True)
                continue
            if alias.name in JS_RESERVED:  # the other module's variable has its JavaScript name
                self.imported.append((start, start + len(alias.name), javascript_name(alias.name)))
            self.add(alias.asname, self.find(alias, r"\bas", alias.asname), True)

    def visit_ExceptHandler(self, node):
        if node.type is not None:
            self.visit(node.type)
        if node.name in TRANSCRYPT_ALIASES:  # Transcrypt renames every use of the name but this one
            start = self.find(node, r"\bas", node.name)
            self.imported.append((start, start + len(node.name), TRANSCRYPT_ALIASES[node.name]))
            self.scope.bound.add(node.name)
        elif node.name:
            self.add(node.name, self.find(node, r"\bas", node.name), True)
        for statement in node.body:
            self.visit(statement)

    def visit_Attribute(self, node):
        self.visit(node.value)
        if isinstance(node.value, ast.Name) and node.attr in JS_RESERVED:
            end = self.at(node.end_lineno, node.end_col_offset)
            self.attributes.append((self.scope, node.value.id, end - len(node.attr), end))

    def _function(self, node, name_pattern):
        for decorator in getattr(node, "decorator_list", []):
            self.visit(decorator)
        arguments = node.args
        for default in arguments.defaults + [d for d in arguments.kw_defaults if d is not None]:
            self.visit(default)
        for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs \
                + [a for a in (arguments.vararg, arguments.kwarg) if a is not None]:
            if argument.annotation is not None:
                self.visit(argument.annotation)
        if getattr(node, "returns", None) is not None:
            self.visit(node.returns)
        if name_pattern:
            self.add(node.name, self.find(node, name_pattern, node.name), True)

        def body():
            for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs \
                    + [a for a in (arguments.vararg, arguments.kwarg) if a is not None]:
                self.add(argument.arg, self.at(argument.lineno, argument.col_offset), True)
            for statement in node.body if isinstance(node.body, list) else [node.body]:
                self.visit(statement)

        self.inside("function", body)

    def visit_FunctionDef(self, node):
        self._function(node, r"\bdef")

    def visit_AsyncFunctionDef(self, node):
        self._function(node, r"\bdef")

    def visit_Lambda(self, node):
        self._function(node, None)

    def visit_ClassDef(self, node):
        for child in node.decorator_list + node.bases + [keyword.value for keyword in node.keywords]:
            self.visit(child)
        self.add(node.name, self.find(node, r"\bclass", node.name), True)
        self.inside("class", lambda: [self.visit(statement) for statement in node.body])

    def _comprehension(self, node):
        self.visit(node.generators[0].iter)

        def body():
            for index, generator in enumerate(node.generators):
                self.visit(generator.target)
                if index:
                    self.visit(generator.iter)
                for condition in generator.ifs:
                    self.visit(condition)
            for part in ("elt", "key", "value"):
                if getattr(node, part, None) is not None:
                    self.visit(getattr(node, part))

        self.inside("comprehension", body)

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension


def scoped_names(text: str, tree: ast.Module, path: Path) -> str:
    """Give a variable another name where JavaScript would resolve it otherwise than Python:
    - a name JavaScript reserves (`catch`, `var`, `this`...) becomes `py_<name>_` wherever it is a variable (module,
      function, parameter, import); attributes and keyword arguments keep their Python names;
    - a function's variable that a nested function's `global` declaration must skip becomes `__<name>_local__`
      (a JavaScript closure would find the function's variable first);
    - a module variable that only a function creates (`global x; x = 1`) is declared at module level (a marker call
      after the last line, which the JavaScript pass turns into a declaration).
    `peephole.rewrite` gives parameters back their Python names for keyword arguments, and classes their names."""
    names = _Names(text)
    names.visit(tree)
    module = names.scope
    renamed: dict[tuple[int, str], str] = {}
    declared = set()
    for occurrence in names.occurrences:
        binding = occurrence.scope.binding(occurrence.name)
        if binding.kind == "class":
            continue
        if binding is module:
            scope = occurrence.scope
            while scope is not module:
                if scope.kind != "class" and occurrence.name in scope.bound and occurrence.name not in scope.globals \
                        and occurrence.name not in scope.nonlocals:
                    renamed[id(scope), occurrence.name] = local_name(occurrence.name)
                scope = scope.parent
            if occurrence.assigned and occurrence.name in occurrence.scope.globals \
                    and occurrence.name not in module.bound:
                declared.add(occurrence.name)
        if occurrence.name in JS_RESERVED:
            renamed.setdefault((id(binding), occurrence.name), javascript_name(occurrence.name))
    edits = []
    for occurrence in names.occurrences:
        new = renamed.get((id(occurrence.scope.binding(occurrence.name)), occurrence.name))
        if occurrence.scope.binding(occurrence.name).kind != "class" and new:
            edits.append((occurrence.start, occurrence.end, new))
    for scope, root, start, end in names.attributes:
        if root in scope.binding(root).modules:
            edits.append((start, end, javascript_name(text[start:end])))
    edits += names.imported
    for start, end, replacement in sorted(set(edits), reverse=True):
        text = text[:start] + replacement + text[end:]
    if declared:
        text += ("" if text.endswith("\n") else "\n") + "".join(
            f"{DECLARE_MARK}({javascript_name(name) if name in JS_RESERVED else name})\n" for name in sorted(declared))
    return text


PASSES = [module_annotations, fstrings, floordiv_assign, chained_comparisons, and_values, super_calls, slice_starts,
          statements, keyword_unpacking, builtins, scoped_names]

LEAN_MARK = re.compile(r"^# hwgw: lean[ \t]*$", re.M)
LEAN_PRAGMAS = "__pragma__('noopov'); __pragma__('notconv'); __pragma__('nokwargs'); __pragma__('jsiter')"


def lean_line(text: str) -> int:
    """The line of a module's `# hwgw: lean` mark, 0 if it has none.

    A lean module is compiled with JavaScript's operators, truthiness and plain objects for dict literals, and
    without keyword arguments, so that it needs nothing from the Python runtime: the game loads it on a server in
    a moment, where a module with the runtime behind it takes a few hundred milliseconds at its first run on each
    server. The linker checks that it imports no library module.
    """
    mark = LEAN_MARK.search(text)
    return text.count("\n", 0, mark.start()) + 1 if mark else 0


def lower(text: str, path: Path) -> str:
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError:
        return text  # the checker reports it with its location
    mark = LEAN_MARK.search(text)
    if mark:
        return text[:mark.start()] + LEAN_PRAGMAS + text[mark.end():]
    for lowering in PASSES:
        lowered = lowering(text, tree, path)
        if lowered != text:
            text, tree = lowered, ast.parse(lowered, filename=str(path))
    return text

"""The JavaScript passes over Transcrypt's output, in one parse of each module (`rewrite`).

Every module:
- keyword arguments travel by their Python names: Transcrypt passes `f(name=1)` as `__kwargtrans__({py_name: 1})`
  and matches it with `case 'py_name'`, which works for a declared parameter but puts `py_name` into `**kwargs`,
  `dict(name=1)` and `str.format(name=…)`, and misses `f(**{'name': 1})`. Both sides get the Python name back, also
  for the parameters the lowering renamed (`lower.scoped_names`).

A player's module besides:
- Netscript calls are plain calls: `ns.hack(t)` comes out as an IIFE around `__call__(…)` and `ns.args[0]` as
  `__getitem__(ns.args, 0)`. Netscript objects are plain JavaScript values, so the plain forms mean the same; they
  read better, run faster and let a script that only talks to ns import nothing;
- the lowering's markers become JavaScript: `__hwgw_store__(t, x)` (a chained comparison's middle operand) an
  assignment to a local variable `t`, `__hwgw_declare__(x)` a module variable;
- a class renamed by the lowering or by Transcrypt (`py_catch`, `py_case`) keeps its Python `__name__`;
- instrumented (a module that uses the Python runtime): each `await x` notes, when it resumes, which running script
  it belongs to (`py_resumed`), so that print() reaches that script's log; `main` runs inside `py_script`, which
  records the script's ns and turns an escaping error into a Python traceback; a callback given to `ns.atExit`
  runs as its script (`py_for_script`); and the module registers its line
  table (`py_module`) so that the traceback can name its Python file and lines. Each line's annotation (Transcrypt's `-a`,
  `/* 000012 */`) gains the Python function the line belongs to, for the traceback's `in <function>`.
"""

import re

from . import jsast
from .link import LINES_FUNCTION
from .lower import DECLARE_MARK, JS_RESERVED, STORE_MARK, TRANSCRYPT_ALIASES
from .transpile import _library_module

RUNTIME_IMPORT = "./org.transcrypt.__runtime__.js"
# Names the runtime shim (templates/runtime_shim.js.j2) gives built code; a module using one imports it.
SHIM_NAMES = ("py_current", "py_for_script", "py_module", "py_resumed", "py_script", "py_super_of")
ANNOTATION = re.compile(r"^/\* (\d{6}) \*/ ?", re.M)


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


def _constant_keyed_dict(node):
    """The object literal of a dict display that Transcrypt writes as a JavaScript object (its keys are constants)
    where that object would not hold the keys as Python does: a key other than a str (`{1: 'a', None: 'b'}`) becomes
    a string, a str key like '10' moves to the front, '__proto__' sets the object's prototype. The pairs form keeps
    them what they are."""
    if node.type != "CallExpression" or node.callee.type != "Identifier" or node.callee.name != "dict" \
            or len(node.arguments) != 1 or node.arguments[0].type != "ObjectExpression":
        return None
    keys = [prop.key for prop in node.arguments[0].properties if prop.type == "Property"]
    if len(keys) == len(node.arguments[0].properties) and any(
            key.type == "Identifier" or not isinstance(key.value, str) or key.value[:1].isdigit()
            or key.value == "__proto__" for key in keys):
        return node.arguments[0]
    return None


def _is_null(node) -> bool:
    return node.type == "Literal" and node.value is None and node.raw == "null"


def _marker_call(node, marker: str):
    """The arguments of `marker(...)`, called directly or through Transcrypt's `__call__(marker, null, ...)`."""
    if node.type != "CallExpression" or node.callee.type != "Identifier":
        return None
    if node.callee.name == marker:
        return node.arguments
    arguments = node.arguments
    if node.callee.name == "__call__" and len(arguments) >= 2 and arguments[0].type == "Identifier" \
            and arguments[0].name == marker:
        return arguments[2:]
    return None


def _is_iife(node, parent) -> bool:
    return parent is not None and parent.type == "CallExpression" and parent.callee is node


ALIASES = {js: python for python, js in TRANSCRYPT_ALIASES.items()}  # JavaScript name -> Python name
_LOCAL = re.compile(r"__(\w+)_local__")


def python_name(name: str) -> str:
    """The Python name behind a name Transcrypt or the lowering gave a variable."""
    if name in ALIASES:
        return ALIASES[name]
    if name.startswith("py_") and name.endswith("_") and name[3:-1] in JS_RESERVED:
        return name[3:-1]
    local = _LOCAL.fullmatch(name)
    return local.group(1) if local else name


class _Rewrite:
    def __init__(self, text: str, source: bool, instrument: bool):
        self.text = text
        self.source = source
        self.instrument = instrument
        self.shim: set[str] = set()
        self.imported: set[str] = set()  # names imported from the Python runtime or its libraries
        self.referenced: set[str] = set()
        self.functions: list[tuple[int, int, str]] = []  # JS body line span -> what the lines belong to

    def edits(self, node, parent=None, temporaries=None) -> list[jsast.Edit]:
        """The edits of a node's subtree; `temporaries` gathers the comparison temporaries to declare."""
        if self.source:
            match = _accumulator_call(node)
            if match and _is_ns_chain(match[0]):
                receiver, method, args = match
                rendered = [self.render(a, temporaries) for a in args]
                if method == "atExit" and self.instrument and rendered:
                    self.shim.update(("py_for_script", "py_current"))
                    rendered[0] = f"py_for_script (py_current, {rendered[0]})"
                return [jsast.Edit(node.range[0], node.range[1],
                                   f"{self.render(receiver, temporaries)}.{method}({', '.join(rendered)})")]
            match = _plain_index(node)
            if match and _is_ns_chain(match[0]):
                return [jsast.Edit(node.range[0], node.range[1],
                                   f"{self.render(match[0], temporaries)}[{self.render(match[1], temporaries)}]")]
            keyed = _constant_keyed_dict(node)
            if keyed:
                pairs = [f"[{self.text[slice(*prop.key.range)]}, {self.render(prop.value, temporaries)}]"
                         for prop in keyed.properties]
                return [jsast.Edit(keyed.range[0], keyed.range[1], f"[{', '.join(pairs)}]")]
        if node.type == "ImportDeclaration":
            if _library_import(node.source.value):
                self.imported.update(specifier.local.name for specifier in node.specifiers)
            return []
        if node.type == "Identifier" and not (parent is not None and (
                parent.type == "MemberExpression" and parent.property is node and not parent.computed
                or parent.type == "Property" and parent.key is node and not parent.computed and not parent.shorthand)):
            self.referenced.add(node.name)
        found = list(self.own_edits(node, temporaries))
        if node.type in ("FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression") \
                and not _is_iife(node, parent) and node.body.type == "BlockStatement":
            inner: set[str] = set()
            for child in jsast.children(node):
                found += self.edits(child, node, inner)
            if inner:
                at = node.body.range[0] + 1
                found.append(jsast.Edit(at, at, " var " + ", ".join(sorted(inner)) + ";"))
            self.note_function(node)
            return found
        if node.type == "FunctionExpression" and _is_iife(node, parent):
            self.note_function(node, helper=True)
        for child in jsast.children(node):
            found += self.edits(child, node, temporaries)
        return found

    def own_edits(self, node, temporaries):
        if node.type == "CallExpression" and node.callee.type == "Identifier" \
                and node.callee.name == "__kwargtrans__" and node.arguments \
                and node.arguments[0].type == "ObjectExpression":
            for prop in node.arguments[0].properties:
                if prop.type == "Property" and not prop.computed and prop.key.type == "Identifier" \
                        and not prop.shorthand and python_name(prop.key.name) != prop.key.name:
                    yield jsast.Edit(prop.key.range[0], prop.key.range[1], python_name(prop.key.name))
        elif node.type == "SwitchStatement" and node.discriminant.type == "Identifier" \
                and re.fullmatch(r"__attrib\d+__", node.discriminant.name):
            for case in node.cases:
                if case.test is not None and case.test.type == "Literal" and isinstance(case.test.value, str) \
                        and python_name(case.test.value) != case.test.value:
                    yield jsast.Edit(case.test.range[0], case.test.range[1], f"'{python_name(case.test.value)}'")
        if not self.source:
            return
        if node.type == "BinaryExpression" and node.operator in ("===", "!==") \
                and (_is_null(node.left) or _is_null(node.right)):
            # `x is None`: a function that ends without return gives undefined, which Python calls None too
            at = self.text.index(node.operator, node.left.range[1], node.right.range[0])
            yield jsast.Edit(at, at + 3, node.operator[:2])
        if node.type == "Identifier" and node.name in SHIM_NAMES:
            self.shim.add(node.name)
        stored = _marker_call(node, STORE_MARK)
        if stored is not None and len(stored) == 2 and stored[0].type == "Identifier":
            temporaries.add(stored[0].name)
            yield jsast.Edit(node.range[0], stored[1].range[0], f"({stored[0].name} = ")
            yield jsast.Edit(stored[1].range[1], node.range[1], ")")
        declared = _marker_call(node, DECLARE_MARK)
        if declared is not None and len(declared) == 1 and declared[0].type == "Identifier":
            yield jsast.Edit(node.range[0], node.range[1], f"export var {declared[0].name}")
        if node.type == "CallExpression" and node.callee.type == "Identifier" and node.callee.name == "__class__" \
                and node.arguments and node.arguments[0].type == "Literal" \
                and isinstance(node.arguments[0].value, str) \
                and python_name(node.arguments[0].value) != node.arguments[0].value:
            yield jsast.Edit(*node.arguments[0].range, repr(python_name(node.arguments[0].value)))
        if self.instrument and node.type == "AwaitExpression":
            self.shim.update(("py_resumed", "py_current"))
            yield jsast.Edit(node.range[0], node.range[0], "py_resumed (py_current, ")
            yield jsast.Edit(node.range[1], node.range[1], ")")
        if self.instrument and node.type == "VariableDeclarator" and node.id.type == "Identifier" \
                and node.id.name == "main" and node.init is not None \
                and node.init.type in ("FunctionExpression", "ArrowFunctionExpression") and self.top_level(node):
            self.shim.add("py_script")
            yield jsast.Edit(node.init.range[0], node.init.range[0], "py_script (")
            yield jsast.Edit(node.init.range[1], node.init.range[1], ")")

    def top_level(self, declarator) -> bool:
        return any(declarator in getattr(getattr(statement, "declaration", None) or statement, "declarations", [])
                   for statement in self.program.body if statement.type in ("VariableDeclaration",
                                                                             "ExportNamedDeclaration"))

    def render(self, node, temporaries) -> str:
        start, end = node.range
        inner = [jsast.Edit(e.start - start, e.end - start, e.text) for e in self.edits(node, None, temporaries)]
        return jsast.apply_edits(self.text[start:end], inner)

    def note_function(self, node, helper=False):
        self.functions.append((node.range[0], node.range[1], "-" if helper else
                               "l" if getattr(node.id, "name", None) == "__lambda__" else "d"))

    def run(self) -> str:
        self.program = jsast.parse(self.text)
        temporaries: set[str] = set()
        edits = self.edits(self.program, None, temporaries)
        if self.source:
            edits += self.exports()
        if temporaries:
            edits.append(jsast.Edit(len(self.text), len(self.text), f"\nvar {', '.join(sorted(temporaries))};\n"))
        if self.instrument:
            self.shim.add("py_module")
            edits += self.annotations()
        head = ""
        if self.shim:
            head = f"import {{{', '.join(sorted(self.shim))}}} from '{RUNTIME_IMPORT}';"
            if self.instrument:
                head += f" py_module ({LINES_FUNCTION});"
            head += "\n"
        return head + jsast.apply_edits(self.text, edits)

    def exports(self) -> list[jsast.Edit]:
        """Every module variable is exported once, as Python lets other modules import any of them: Transcrypt
        exports a class defined twice twice (invalid), and a function or class defined inside an if, for or try at
        module level not at all."""
        exported, declared, edits = set(), set(), []
        for statement in self.program.body:
            declaration = getattr(statement, "declaration", None) if statement.type == "ExportNamedDeclaration" \
                else None
            if declaration is not None and declaration.type == "VariableDeclaration":
                names = {d.id.name for d in declaration.declarations if d.id.type == "Identifier"}
                if names & exported:
                    edits.append(jsast.Edit(statement.range[0], declaration.range[0], ""))
                exported |= names
            elif statement.type == "ExportNamedDeclaration":
                exported |= {specifier.exported.name for specifier in statement.specifiers}
            elif statement.type != "ImportDeclaration":
                declared |= _module_variables(statement)
        missing = sorted(name for name in declared - exported if not name.startswith("__"))
        if missing:
            end = len(self.text)
            edits.append(jsast.Edit(end, end, f"\nexport {{{', '.join(f'{n} as {n}' for n in missing)}}};\n"))
        return edits

    def annotations(self) -> list[jsast.Edit]:
        """`/* 000012 */` at the start of a line becomes `/* 000012 d000007 */`: the line belongs to the function
        whose header is at Python line 7 (`l` a lambda, `-` code the compiler added, `m` the module)."""
        starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        owner = ["m"] * len(starts)
        for start, end, kind in sorted(self.functions):  # outer functions first: inner ones overwrite
            first, last = _line_of(starts, start), _line_of(starts, end)
            header = ANNOTATION.match(self.text, starts[first])
            label = kind if kind == "-" else kind + (header.group(1) if header else "000000")
            owner[first + 1:last] = [label] * max(0, last - first - 1)
        edits = []
        for line, start in enumerate(starts):
            found = ANNOTATION.match(self.text, start)
            if found:
                edits.append(jsast.Edit(found.start(), found.end(), f"/* {found.group(1)} {owner[line]} */ "))
        return edits


def _module_variables(statement) -> set[str]:
    """The `var` names a top-level statement declares, outside any function."""
    names = set()
    stack = [statement]
    while stack:
        node = stack.pop()
        if node.type == "VariableDeclaration" and node.kind == "var":
            names |= {d.id.name for d in node.declarations if d.id.type == "Identifier"}
        if node.type not in ("FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression"):
            stack.extend(jsast.children(node))
    return names


def _line_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def _library_import(specifier: str) -> bool:
    name = specifier[2:-3] if specifier.startswith("./") and specifier.endswith(".js") else specifier
    return _library_module(name)


def rewrite(text: str, source: bool = False, instrument: bool = False) -> str:
    """Every JavaScript pass over one module: `source` for a player's module, `instrument` for one that uses the
    Python runtime (see the module's docstring)."""
    return _Rewrite(text, source, instrument).run()


def rewrite_source(text: str, instrument: bool) -> tuple[str, bool]:
    """A player's module rewritten, and whether its code uses the Python runtime or its libraries itself (Transcrypt
    imports names that the plain Netscript calls no longer need)."""
    rewriting = _Rewrite(text, True, instrument)
    return rewriting.run(), bool(rewriting.imported & rewriting.referenced)

"""Reject Python that would be miscompiled or would cost the game RAM, before Transcrypt sees it.

One visitor walks each module's AST and reports one small message type per finding.
"""

import ast
import builtins
import functools
from pathlib import Path

from .errors import Finding
from .transpile import TYPE_ONLY_MODULES
from .lower import LIBRARIES, PYLIB, alone_on_its_lines, first_parameter, repeatable, unsafe_and_operand, value_ands

# Library modules built scripts can import: hwgw's versions of them in pylib/ take the place of Transcrypt's.
SUPPORTED_LIBRARIES = {"math", "json", "random", "re", "time", "itertools", "copy"}

# Builtins that work in built scripts (the conformance programs exercise them); Python's others are not there.
SUPPORTED_BUILTINS = {
    "abs", "all", "any", "bin", "bool", "callable", "chr", "classmethod", "delattr", "dict", "divmod", "enumerate",
    "filter", "float", "format", "getattr", "hasattr", "hex", "int", "isinstance", "issubclass", "len", "list", "map",
    "max", "min", "object", "oct", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set",
    "setattr", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "zip",
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "DeprecationWarning", "Exception",
    "IndexError", "KeyError", "NotImplementedError", "OverflowError", "RuntimeError", "RuntimeWarning",
    "StopIteration", "TypeError", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
}


class UnsupportedSyntax(Finding):
    @classmethod
    def at(cls, path, node, what, hint):
        return cls(path, node.lineno, node.col_offset, f"{what} is not supported: {hint}")


class UnknownModule(Finding):
    @classmethod
    def at(cls, path, node, module):
        return cls(path, node.lineno, node.col_offset,
                   f"module '{module}' is not available in the game: import only your own modules or one of "
                   f"{', '.join(sorted(SUPPORTED_LIBRARIES))}")


class NetscriptNameClash(Finding):
    @classmethod
    def at(cls, path, node, name, cost):
        return cls(path, node.lineno, node.col_offset,
                   f"attribute '{name}' has the name of a Netscript function ({cost:.2f} GB): the game charges that "
                   f"name wherever it appears, so rename it (e.g. '{name}_') unless it is a call through ns")


# Why a name that Python's library module has is missing from the built scripts' one.
MISSING_NAME_HINTS = {
    ("time", "sleep"): "a script must not block the game: await ns.sleep(milliseconds) instead",
    ("itertools", "count"): "endless iterators have no list form here: loop with while and a counter",
    ("itertools", "cycle"): "endless iterators have no list form here: index with position % len(items)",
}


@functools.cache
def library_names(module: str) -> frozenset[str]:
    """The public names of hwgw's version of a library module (pylib/), which built scripts get in its place."""
    tree = ast.parse((PYLIB / f"{LIBRARIES.get(module, module)}.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return frozenset(name for name in names if not name.startswith("_"))


class MissingLibraryName(Finding):
    @classmethod
    def at(cls, path, node, module, name):
        hint = MISSING_NAME_HINTS.get((module, name)) or f"it has {', '.join(sorted(library_names(module)))}"
        return cls(path, node.lineno, node.col_offset,
                   f"'{module}.{name}' is not available in built scripts: {hint}")


class TypeOnlyName(Finding):
    @classmethod
    def at(cls, path, node, name, module):
        return cls(path, node.lineno, node.col_offset,
                   f"'{name}' from {module} exists for type checkers only and built scripts have no value for it: "
                   f"use it in annotations only")


def _annotation_nodes(tree: ast.Module) -> set[int]:
    """Every node inside an annotation: Transcrypt emits no code for them, so type-only names are fine there."""
    annotations = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            annotations.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
    return {id(inner) for annotation in annotations for inner in ast.walk(annotation)}


class UnsupportedBuiltin(Finding):
    @classmethod
    def at(cls, path, node):
        return cls(path, node.lineno, node.col_offset,
                   f"builtin '{node.id}' is not available in built scripts: use one of "
                   f"{', '.join(sorted(name for name in SUPPORTED_BUILTINS if name.islower()))}")


class CallTimeDefault(Finding):
    @classmethod
    def at(cls, path, node):
        return cls(path, node.lineno, node.col_offset,
                   f"default value '{ast.unparse(node)}' is not supported: built code evaluates a default at every "
                   f"call, Python once when the function is defined; use a constant or a module-level name, or "
                   f"default to None and build the value in the body")


class AwaitInNestedFunction(Finding):
    @classmethod
    def at(cls, path, node, where):
        return cls(path, node.lineno, node.col_offset,
                   f"'await' inside {where} is not supported: Transcrypt compiles it into a nested function where "
                   f"await is invalid; await into a name first, e.g. value = await f() and then use value")


class AndValue(Finding):
    @classmethod
    def at(cls, path, node):
        return cls(path, node.lineno, node.col_offset,
                   f"the value of 'and' after '{ast.unparse(node)}' with an await to its right is not supported: "
                   f"built code would give False where Python gives a falsy '{ast.unparse(node)}' (None, '', []); "
                   f"assign '{ast.unparse(node)}' to a name first and use 'name and ...'")


class JavaScriptName(Finding):
    @classmethod
    def at(cls, path, node, name, role, why):
        return cls(path, node.lineno, node.col_offset,
                   f"{role} '{name}' is not supported: {why}; rename it (e.g. '{name.strip('_')}_')")


COMPILER_NAMES = "names beginning with py_ are the compiler's own"
# Keyword names that the way built code passes keyword arguments (a plain object) cannot carry.
OBJECT_KEYS = {"constructor", "hasOwnProperty", "__proto__"}
OBJECT_KEY_WHY = "built code passes keyword arguments in a JavaScript object, which has a property of that name"
# Class attributes that a built class (a JavaScript function) cannot have.
CLASS_KEYS = {"prototype", "__proto__", "hasOwnProperty"}
CLASS_KEY_WHY = "a built class is a JavaScript function, whose property of that name built code needs"


def _through_ns(node: ast.Attribute) -> bool:
    """True for `ns.x`, `self.ns.x`, `ns.formulas.hacking.x`: the Netscript object somewhere in the chain."""
    value = node.value
    while True:
        if isinstance(value, ast.Name):
            return value.id == "ns"
        if isinstance(value, ast.Attribute):
            if value.attr == "ns":
                return True
            value = value.value
        else:
            return False


def _bound_anywhere(tree: ast.Module) -> set[str]:
    """Every name the module binds in any scope: a builtin's name bound here is the script's own."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


def _module_constants(tree: ast.Module) -> set[str]:
    """Names the module binds once, at its top level, and never rebinds: safe to use as parameter defaults."""
    counts: dict[str, int] = {}
    for statement in tree.body:
        names = []
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [statement.name]
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            names = [(alias.asname or alias.name).split(".")[0] for alias in statement.names]
        else:
            names = [n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)]
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
                names = names * 2  # bound in a loop, a with, an augmented assignment...: not a constant
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    rebound = {name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names}
    return {name for name, count in counts.items() if count == 1 and name not in rebound}


def _fixed_default(node: ast.expr, constants: set[str], parameters: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Tuple):
        return all(_fixed_default(element, constants, parameters) for element in node.elts)
    if isinstance(node, ast.Attribute):
        return _fixed_default(node.value, constants, parameters) and not isinstance(node.value, ast.Constant)
    return isinstance(node, ast.Name) and node.id in constants and node.id not in parameters


_PYTHON_BUILTINS = set(dir(builtins)) - {"True", "False", "None", "__name__", "__doc__", "__debug__"}
_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# Method calls that lower.py turns into plain function calls, where await is fine.
_LOWERED_METHODS = {"format", "items"}


class Checker(ast.NodeVisitor):
    def __init__(self, path: Path, local_modules: set[str], costly_names: dict[str, float], tree: ast.Module,
                 text: str):
        self.path = path
        self.lines = text.splitlines(keepends=True)
        self.local_modules = local_modules
        self.costly_names = costly_names
        self.findings: list[Finding] = []
        self.parents: list[ast.AST] = []
        self.bound = _bound_anywhere(tree)
        self.constants = _module_constants(tree)
        self.value_ands = {id(node) for node in value_ands(tree)}
        self.libraries: dict[str, str] = {}  # local name -> library module
        self.type_only: dict[str, str] = {}  # local name -> the type-only module it comes from
        self.annotations = _annotation_nodes(tree)

    def report(self, finding: Finding) -> None:
        self.findings.append(finding)

    def visit(self, node):
        self.parents.append(node)
        try:
            super().visit(node)
        finally:
            self.parents.pop()

    def visit_Await(self, node):
        inner = node
        for parent in reversed(self.parents[:-1]):
            if isinstance(parent, _NESTED_SCOPES):
                break
            if isinstance(parent, _COMPREHENSIONS):
                self.report(AwaitInNestedFunction.at(self.path, node, "a comprehension"))
                break
            if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) \
                    and parent.func.attr not in _LOWERED_METHODS:
                where = "the object of a method call" if inner is parent.func else "the arguments of a method call"
                self.report(AwaitInNestedFunction.at(self.path, node, where))
                break
            inner = parent
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "super" and "super" not in self.bound:
            self._check_super(node)
        self.generic_visit(node)

    def _check_super(self, node):
        parent = self.parents[-2]
        if node.keywords or len(node.args) not in (0, 2):
            self.report(UnsupportedSyntax.at(self.path, node, "this form of super()",
                                             "write super() or super(Class, obj)"))
        elif not (isinstance(parent, ast.Attribute) and parent.value is node and isinstance(parent.ctx, ast.Load)):
            self.report(UnsupportedSyntax.at(self.path, node, "super() other than to read an attribute",
                                             "write super().name directly, e.g. super().__init__(x)"))
        elif not node.args:
            function = next((p for p in reversed(self.parents) if isinstance(p, _NESTED_SCOPES)), None)
            in_class = any(isinstance(p, ast.ClassDef) for p in self.parents)
            static = function is not None and any(isinstance(d, ast.Name) and d.id == "staticmethod"
                                                  for d in getattr(function, "decorator_list", []))
            if not in_class or function is None or static or first_parameter(function) is None:
                self.report(UnsupportedSyntax.at(self.path, node, "super() without arguments here",
                                                 "it needs a method's first parameter (self or cls); in a static "
                                                 "method write super(Class, Class)"))

    def visit_BoolOp(self, node):
        if id(node) in self.value_ands:
            operand = unsafe_and_operand(node)
            if operand is not None:
                self.report(AndValue.at(self.path, operand))
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if isinstance(node.op, ast.FloorDiv) and not repeatable(node.target):
            self.report(UnsupportedSyntax.at(self.path, node, "'//=' on this target",
                                             "write it out, e.g. x = items[f()]; x //= 2; items[f()] = x"))
        self.generic_visit(node)

    def _check_defaults(self, node):
        parameters = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            if not _fixed_default(default, self.constants, parameters):
                self.report(CallTimeDefault.at(self.path, default))

    def visit_FunctionDef(self, node):
        self._check_defaults(node)
        self._check_binding(node, node.name)
        self._check_parameters(node)
        self.generic_visit(node)

    def visit_AsyncFunctionDef(self, node):
        self.visit_FunctionDef(node)

    def visit_Lambda(self, node):
        self._check_defaults(node)
        self._check_parameters(node)
        self.generic_visit(node)

    def _check_binding(self, node, name: str) -> None:
        if name.startswith("py_"):
            self.report(JavaScriptName.at(self.path, node, name, "name", COMPILER_NAMES))

    def _check_parameters(self, node) -> None:
        arguments = node.args
        for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs \
                + [a for a in (arguments.vararg, arguments.kwarg) if a is not None]:
            self._check_binding(argument, argument.arg)
            if argument.arg in OBJECT_KEYS:
                self.report(JavaScriptName.at(self.path, argument, argument.arg, "parameter", OBJECT_KEY_WHY))

    def visit_keyword(self, node):
        if node.arg in OBJECT_KEYS:
            self.report(JavaScriptName.at(self.path, node, node.arg, "keyword argument", OBJECT_KEY_WHY))
        self.generic_visit(node)

    def visit_ExceptHandler(self, node):
        if node.name:
            self._check_binding(node, node.name)
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        self._check_binding(node, node.name)
        for statement in node.body:
            targets = [statement] if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
                statement.targets if isinstance(statement, ast.Assign) else \
                [statement.target] if isinstance(statement, ast.AnnAssign) else []
            for target in targets:
                name = getattr(target, "name", None) or getattr(target, "id", None)
                if name in CLASS_KEYS:
                    self.report(JavaScriptName.at(self.path, target, name, "class attribute", CLASS_KEY_WHY))
        bases = [base for base in node.bases if not (isinstance(base, ast.Name) and base.id == "object")]
        if len(bases) > 1:
            self.report(UnsupportedSyntax.at(self.path, node, "a class with several base classes",
                                             "super() and attribute lookup do not follow Python's method resolution "
                                             "order in built code; use one base class and hold the others as "
                                             "attributes"))
        self.generic_visit(node)

    def visit_NamedExpr(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "the walrus operator ':='",
                                         "assign the value on its own line first"))
        self.generic_visit(node)

    def _check_display(self, node):
        if not isinstance(getattr(node, "ctx", None), ast.Store) \
                and any(isinstance(element, ast.Starred) for element in node.elts):
            self.report(UnsupportedSyntax.at(self.path, node, "'*' unpacking inside a list, tuple or set display",
                                             "concatenate instead, e.g. list(a) + list(b)"))
        self.generic_visit(node)

    def visit_List(self, node):
        self._check_display(node)

    def visit_Tuple(self, node):
        self._check_display(node)

    def visit_Set(self, node):
        self._check_display(node)

    def visit_TryStar(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'except*'", "catch the exception group's type with except"))

    def visit_Assert(self, node):
        if not alone_on_its_lines(self.lines, node):
            self.report(UnsupportedSyntax.at(self.path, node, "'assert' sharing its line with other code",
                                             "put the assert on a line of its own"))
        self.generic_visit(node)

    def visit_Delete(self, node):
        kinds = {type(target) for target in node.targets}
        if kinds - {ast.Subscript, ast.Attribute}:
            self.report(UnsupportedSyntax.at(self.path, node, "'del' of a name",
                                             "assign None to it instead"))
        elif len(kinds) > 1:
            self.report(UnsupportedSyntax.at(self.path, node, "'del' of items and attributes together",
                                             "delete them in separate del statements"))
        self.generic_visit(node)

    def visit_Name(self, node):
        if not isinstance(node.ctx, ast.Load):
            self._check_binding(node, node.id)
        if isinstance(node.ctx, ast.Load) and node.id in self.type_only and id(node) not in self.annotations:
            self.report(TypeOnlyName.at(self.path, node, node.id, self.type_only[node.id]))
        if isinstance(node.ctx, ast.Load) and node.id in _PYTHON_BUILTINS and node.id not in SUPPORTED_BUILTINS \
                and node.id not in self.bound:
            self.report(UnsupportedBuiltin.at(self.path, node))

    def visit_Match(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'match'", "use if/elif chains"))

    def visit_AsyncFor(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'async for'", "await inside a plain for loop"))

    def visit_With(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'with'",
                                         "built code binds 'as' to the manager itself and skips __exit__ on return; "
                                         "call __enter__ and __exit__ yourself in try/finally"))

    def visit_AsyncWith(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'async with'", "use try/finally"))

    def visit_Yield(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'yield'", "return a list instead of a generator"))

    def visit_YieldFrom(self, node):
        self.visit_Yield(node)

    def visit_Starred(self, node):
        if isinstance(node.ctx, ast.Store):
            self.report(UnsupportedSyntax.at(self.path, node, "starred assignment",
                                             "index or slice the sequence, e.g. first, rest = xs[0], xs[1:]"))
        self.generic_visit(node)

    def visit_Dict(self, node):
        if any(key is None for key in node.keys):
            self.report(UnsupportedSyntax.at(self.path, node, "'**' inside a dict display",
                                             "copy with dict(a) and then .update(b)"))
        self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            self._check_binding(node, alias.asname or alias.name.split(".")[0])
            self._check_module(node, alias.name)
            if alias.name in TYPE_ONLY_MODULES:
                self.type_only[alias.asname or alias.name] = alias.name
            if alias.name in SUPPORTED_LIBRARIES:
                self.libraries[alias.asname or alias.name] = alias.name

    def visit_ImportFrom(self, node):
        if node.level:
            self.report(UnsupportedSyntax.at(self.path, node, "a relative import",
                                             "import by the full module name"))
            return
        self._check_module(node, node.module or "")
        for alias in node.names:
            self._check_binding(node, alias.asname or alias.name)
        if node.module in TYPE_ONLY_MODULES:
            for alias in node.names:
                self.type_only[alias.asname or alias.name] = node.module
        if node.module in SUPPORTED_LIBRARIES:
            for alias in node.names:
                if alias.name not in library_names(node.module):
                    self.report(MissingLibraryName.at(self.path, node, node.module, alias.name))

    def _check_module(self, node, module: str) -> None:
        top = module.split(".")[0]
        if module in self.local_modules or module in TYPE_ONLY_MODULES or top in SUPPORTED_LIBRARIES:
            return
        if any(m.startswith(module + ".") for m in self.local_modules):
            return
        self.report(UnknownModule.at(self.path, node, module))

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id in self.libraries \
                and node.attr not in library_names(self.libraries[node.value.id]):
            self.report(MissingLibraryName.at(self.path, node, self.libraries[node.value.id], node.attr))
        if node.attr == "__proto__":
            self.report(JavaScriptName.at(self.path, node, node.attr, "attribute", "JavaScript gives it a meaning"))
        cost = self.costly_names.get(node.attr)
        if cost and not _through_ns(node):
            self.report(NetscriptNameClash.at(self.path, node, node.attr, cost))
        self.generic_visit(node)


def check_module(path: Path, text: str, local_modules: set[str], costly_names: dict[str, float]) -> list[Finding]:
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError as error:
        return [Finding(path, error.lineno or 0, error.offset or 0, f"syntax error: {error.msg}")]
    checker = Checker(path, local_modules, costly_names, tree, text)
    checker.visit(tree)
    return checker.findings

"""Reject Python that would be miscompiled or would cost the game RAM, before Transcrypt sees it.

One visitor walks each module's AST and reports one small message type per finding.
"""

import ast
from pathlib import Path

from .errors import Finding

# Modules Transcrypt ships (or hwgw adds) whose behaviour the build supports.
SUPPORTED_LIBRARIES = {"math", "json", "random", "re", "time", "itertools", "copy"}


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


class Checker(ast.NodeVisitor):
    def __init__(self, path: Path, local_modules: set[str], costly_names: dict[str, float]):
        self.path = path
        self.local_modules = local_modules
        self.costly_names = costly_names
        self.findings: list[Finding] = []

    def report(self, finding: Finding) -> None:
        self.findings.append(finding)

    def visit_Match(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'match'", "use if/elif chains"))

    def visit_AsyncFor(self, node):
        self.report(UnsupportedSyntax.at(self.path, node, "'async for'", "await inside a plain for loop"))

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
            self._check_module(node, alias.name)

    def visit_ImportFrom(self, node):
        if node.level:
            self.report(UnsupportedSyntax.at(self.path, node, "a relative import",
                                             "import by the full module name"))
            return
        self._check_module(node, node.module or "")

    def _check_module(self, node, module: str) -> None:
        from .transpile import TYPE_ONLY_MODULES

        top = module.split(".")[0]
        if module in self.local_modules or module in TYPE_ONLY_MODULES or top in SUPPORTED_LIBRARIES:
            return
        if any(m.startswith(module + ".") for m in self.local_modules):
            return
        self.report(UnknownModule.at(self.path, node, module))

    def visit_Attribute(self, node):
        cost = self.costly_names.get(node.attr)
        if cost and not _through_ns(node):
            self.report(NetscriptNameClash.at(self.path, node, node.attr, cost))
        self.generic_visit(node)


def check_module(path: Path, text: str, local_modules: set[str], costly_names: dict[str, float]) -> list[Finding]:
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError as error:
        return [Finding(path, error.lineno or 0, error.offset or 0, f"syntax error: {error.msg}")]
    checker = Checker(path, local_modules, costly_names)
    checker.visit(tree)
    return checker.findings

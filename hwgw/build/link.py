"""Link Transcrypt's modules into one Netscript-safe in-game tree.

- imports: keep only the names a module uses, and point them at root-absolute in-game paths;
- pruning: keep only the library statements that kept code reaches, by name and by property name;
- renaming: no identifier may carry a Netscript function's name, since the game charges by name;
- the runtime's DOM terminal is replaced by a console shim, and its prototype extensions made non-enumerable.
"""

import ast
import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from . import jsast

RUNTIME = "org.transcrypt.__runtime__"
BUILTIN_PROTOTYPES = {"Array", "String", "Number", "Uint8Array", "Function", "Object"}


class NameSite(NamedTuple):
    """Where an identifier stands, so it can be renamed without the AST (a tuple: the runtime has thousands)."""
    name: str
    start: int
    end: int
    shorthand: bool  # `{grow}`: renaming must keep the property name


@dataclass(frozen=True)
class ImportSpec:
    kind: str  # named | default | namespace
    imported: str | None
    local: str


@dataclass
class Statement:
    """What the linker needs to know of one top-level statement; derived once, so it is cheap to cache."""
    start: int
    end: int
    declares: set[str] = field(default_factory=set)
    binds: set[str] = field(default_factory=set)  # every name the statement binds, at any depth
    refs: set[str] = field(default_factory=set)
    props: set[str] = field(default_factory=set)
    sites: list[NameSite] = field(default_factory=list)
    kind: str = "other"  # import | decl | proto | member | other
    prototype_property: str | None = None
    root: str | None = None
    import_source: str | None = None
    specifiers: list[ImportSpec] = field(default_factory=list)
    hidden_descriptor: list[tuple[int, int]] = field(default_factory=list)  # `enumerable: true` values to hide
    declaration_start: int | None = None  # where the declaration after `export ` begins
    kept: bool = False


@dataclass
class Module:
    name: str
    game_path: str
    text: str
    is_source: bool
    statements: list[Statement] = field(default_factory=list)
    needed: set[str] = field(default_factory=set)
    reachable: bool = False
    everything_needed: bool = False
    used: set[str] = field(default_factory=set)  # names referenced by kept non-import statements
    declared: set[str] = field(default_factory=set)
    python: str | None = None  # a player's module: its Python text, for the line table of its tracebacks


def _member_root(node):
    """For `A.b.c` return (root identifier name, property right after `prototype` if the chain has one)."""
    chain = []
    while node.type == "MemberExpression":
        chain.append(node)
        node = node.object
    root = node.name if node.type == "Identifier" else None
    prototype_property = None
    for outer, inner in zip(chain, chain[1:]):
        if not inner.computed and inner.property.type == "Identifier" and inner.property.name == "prototype" \
                and not outer.computed and outer.property.type == "Identifier":
            prototype_property = outer.property.name
    return root, prototype_property


def _descriptor_sites(call) -> list[tuple[int, int]]:
    """`__setproperty__(String.prototype, 'format', {..., enumerable: true})` leaves the property non-configurable,
    so it cannot be hidden later: hide it where it is defined."""
    descriptor = call.arguments[2] if len(call.arguments) > 2 else None
    if descriptor is None or descriptor.type != "ObjectExpression":
        return []
    return [tuple(prop.value.range) for prop in descriptor.properties
            if prop.type == "Property" and not prop.computed and getattr(prop.key, "name", None) == "enumerable"]


def _classify(node) -> Statement:
    st = Statement(node.range[0], node.range[1])
    identifiers, st.props, st.binds = jsast.scan(node)
    for ident, parent in identifiers:
        st.refs.add(ident.name)
        shorthand = parent is not None and parent.type == "Property" and getattr(parent, "shorthand", False)
        st.sites.append(NameSite(ident.name, ident.range[0], ident.range[1], shorthand))
    decl = node.declaration if node.type == "ExportNamedDeclaration" and node.declaration else node
    if node.type == "ImportDeclaration":
        st.kind = "import"
        spec = node.source.value
        st.import_source = spec[2:-3] if spec.startswith("./") and spec.endswith(".js") else spec
        for item in node.specifiers:
            if item.type == "ImportNamespaceSpecifier":
                st.specifiers.append(ImportSpec("namespace", None, item.local.name))
            elif item.type == "ImportDefaultSpecifier":
                st.specifiers.append(ImportSpec("default", "default", item.local.name))
            else:
                st.specifiers.append(ImportSpec("named", item.imported.name, item.local.name))
    elif decl.type in ("FunctionDeclaration", "ClassDeclaration"):
        st.kind, st.declares = "decl", {decl.id.name}
        st.declaration_start = decl.range[0] if decl is not node else None
    elif decl.type == "VariableDeclaration":
        st.kind = "decl"
        st.declares = {d.id.name for d in decl.declarations if d.id.type == "Identifier"}
        st.declaration_start = decl.range[0] if decl is not node else None
    elif node.type == "ExpressionStatement":
        expr = node.expression
        if expr.type == "AssignmentExpression" and expr.left.type == "MemberExpression":
            st.root, st.prototype_property = _member_root(expr.left)
            st.kind = "proto" if st.prototype_property and st.root in BUILTIN_PROTOTYPES else "member"
        elif expr.type == "CallExpression" and len(expr.arguments) > 1 \
                and expr.arguments[0].type == "MemberExpression" and expr.arguments[1].type == "Literal":
            root, _ = _member_root(expr.arguments[0])
            target = expr.arguments[0]
            if root in BUILTIN_PROTOTYPES and not target.computed and target.property.name == "prototype":
                st.kind, st.root, st.prototype_property = "proto", root, expr.arguments[1].value
                st.hidden_descriptor = _descriptor_sites(expr)
    return st


# Cached results are only as good as the code that made them: the key covers the build's own source.
_STAGES_DIGEST = hashlib.sha256(b"".join(
    path.read_bytes() for path in sorted(Path(__file__).parent.rglob("*.py")))).hexdigest()


def memo(cache: Path | None, kind: str, text: str, compute):
    """`compute(text)`, remembered on disk by the text's hash: most modules come out of Transcrypt unchanged."""
    if cache is None:
        return compute(text)
    key = hashlib.sha256(f"{_STAGES_DIGEST}\0{kind}\0{text}".encode()).hexdigest()
    path = cache / f"{key}.{kind}.pickle"
    if path.exists():
        with open(path, "rb") as stored:
            return pickle.load(stored)
    result = compute(text)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")  # builds run side by side: publish whole files only
    with open(partial, "wb") as stored:
        pickle.dump(result, stored, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)
    return result


def _parse_and_classify(text: str) -> list[Statement]:
    return [_classify(node) for node in jsast.parse(text).body]


def analysis(text: str, cache: Path | None) -> list[Statement]:
    """Parse and classify a module's top-level statements."""
    return memo(cache, "analysis", text, _parse_and_classify)


class Linker:
    def __init__(self, modules: dict[str, Module]):
        self.modules = modules
        self.props: set[str] = set()

    def analyse(self, cache: Path | None = None) -> None:
        for module in self.modules.values():
            if not module.statements:
                module.statements = analysis(module.text, cache)
            module.declared = set().union(*(st.declares for st in module.statements))

    def _keep(self, module: Module, st: Statement) -> bool:
        if module.is_source:
            return st.kind != "import"
        if st.kind == "decl":
            return module.everything_needed or bool(st.declares & (module.needed | module.used))
        if st.kind == "proto":
            return st.prototype_property in self.props
        if st.kind == "member":
            return st.root in module.needed or st.root in module.used or st.root not in module.declared
        return st.kind == "other"

    def prune(self) -> None:
        for module in self.modules.values():
            module.reachable = module.is_source
        changed = True
        while changed:
            changed = False
            for module in self.modules.values():
                if not module.reachable:
                    continue
                for st in module.statements:
                    if not st.kept and st.kind != "import" and self._keep(module, st):
                        st.kept, changed = True, True
                        self.props |= st.props
                        module.used |= st.refs
                used = module.used
                for st in module.statements:
                    if st.kind != "import":
                        continue
                    target = self.modules.get(st.import_source)
                    if target is None:
                        continue
                    for spec in st.specifiers:
                        if spec.local not in used:
                            continue
                        if not st.kept:
                            st.kept, changed = True, True
                        if not target.reachable:
                            target.reachable, changed = True, True
                        if spec.kind == "namespace":
                            if not target.everything_needed:
                                target.everything_needed, changed = True, True
                        elif spec.imported not in target.needed:
                            target.needed.add(spec.imported)
                            if spec.imported not in target.declared:
                                target.used.add(spec.imported)  # a name it imports itself: passed on below
                            changed = True

    def runtime_properties(self) -> set[str]:
        runtime = self.modules.get(RUNTIME)
        if runtime is None:
            return set()
        return {st.prototype_property for st in runtime.statements if st.kept and st.kind == "proto"}

    def imports_text(self, st: Statement, used: set[str], renames: dict[str, str]) -> str:
        path = "/" + self.modules[st.import_source].game_path
        names = []
        for spec in st.specifiers:
            if spec.local not in used:
                continue
            local = renames.get(spec.local, spec.local)
            if spec.kind == "namespace":
                return f"import * as {local} from '{path}';"
            names.append(local if spec.imported == local else f"{spec.imported} as {local}")
        return f"import {{{', '.join(names)}}} from '{path}';"

    def print_module(self, module: Module, renames: dict[str, str]) -> str:
        edits, exports = [], []
        used = module.used
        has_runtime_import = False
        for st in module.statements:
            if st.kind == "import":
                if st.kept:
                    has_runtime_import |= st.import_source == RUNTIME
                    edits.append(jsast.Edit(st.start, st.end, self.imports_text(st, used, renames)))
                else:
                    edits.append(jsast.Edit(st.start, st.end, ""))
            elif not st.kept:
                edits.append(jsast.Edit(st.start, st.end, ""))
            else:
                edits.extend(_rename_edits(st, renames))
                edits.extend(jsast.Edit(start, end, "false") for start, end in st.hidden_descriptor)
                if st.declaration_start is not None and st.declares & renames.keys():
                    # Renaming stays inside the module: the declaration loses `export`, and an export list
                    # at the end gives the new name out under the old one.
                    edits.append(jsast.Edit(st.start, st.declaration_start, ""))
                    exports += [f"{renames[name]} as {name}" if name in renames else name
                                for name in sorted(st.declares)]
        exports += sorted(self._passed_on(module))
        text = jsast.apply_edits(module.text, edits)
        if exports:
            text += f"\nexport {{{', '.join(exports)}}};\n"
        if not has_runtime_import and self._uses_runtime_properties(module):
            text = f"import '/{self.modules[RUNTIME].game_path}';\n" + text
        text, annotations = _tidy(text)
        if module.python is not None and LINES_FUNCTION in module.used:
            text += line_table(module.game_path[:-len(".js")] + ".py", module.python, annotations)
        return text

    def _passed_on(self, module: Module) -> set[str]:
        """Names other modules import from this one that it imports itself (Python allows it; an ES module must
        export them)."""
        imported = {spec.local for st in module.statements if st.kind == "import" and st.kept
                    for spec in st.specifiers if spec.kind != "namespace"}
        return {name for name in module.needed if name not in module.declared and name in imported}

    def _uses_runtime_properties(self, module: Module) -> bool:
        """True if the module uses a method the runtime installs on built-in prototypes (it must load first)."""
        return module.name != RUNTIME and RUNTIME in self.modules \
            and bool(self._module_props(module) & self.runtime_properties())

    def imported_modules(self, module: Module) -> set[str]:
        """The modules the printed module imports."""
        names = {st.import_source for st in module.statements
                 if st.kind == "import" and st.kept and st.import_source in self.modules}
        if self._uses_runtime_properties(module):
            names.add(RUNTIME)
        return names

    def _module_props(self, module: Module) -> set[str]:
        props = set()
        for st in module.statements:
            if st.kept and st.kind != "import":
                props |= st.props
        return props

    def bound_names(self) -> set[str]:
        names = set()
        for module in self.modules.values():
            if module.reachable:
                for st in module.statements:
                    if st.kept or st.kind == "import":
                        names |= st.binds | st.declares
        return names


def _rename_edits(st: Statement, renames: dict[str, str]) -> list[jsast.Edit]:
    edits = []
    for site in st.sites:
        new = renames.get(site.name)
        if new is not None:
            edits.append(jsast.Edit(site.start, site.end, f"{site.name}: {new}" if site.shorthand else new))
    return edits


def _tidy(text: str) -> tuple[str, list[tuple[int, str] | None]]:
    """Drop Transcrypt's timestamp, source-map and line-number comments and the blank lines pruning leaves behind.

    Returns the text and, for each of its lines, the Python line and function that line's comment named (see
    `peephole.rewrite`), or None."""
    lines, annotations = [], []
    for line in text.splitlines():
        annotation = ANNOTATION.match(line)
        if annotation:
            line = line[annotation.end():]
        if line.startswith("// Transcrypt'ed from Python") or line.startswith("//# sourceMappingURL="):
            continue
        if not line.strip() or line.strip() == ";":
            if lines and not lines[-1].strip():
                continue
            line, annotation = "", None
        lines.append(line.rstrip())
        annotations.append((int(annotation.group(1)), annotation.group(2) or "") if annotation else None)
    while lines and not lines[0].strip():
        lines.pop(0)
        annotations.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
        annotations.pop()
    return "\n".join(lines) + "\n", annotations


# Transcrypt's `-a` comment at the start of a line, `/* 000012 */`, with the owner `peephole.rewrite` may add.
ANNOTATION = re.compile(r"/\* (\d{6})(?: ([-m]|[dl]\d{6}))? \*/ ?")
LINES_FUNCTION = "__lines__"


def _function_names(python: str) -> dict[int, str]:
    """Python line of each `def` -> its name."""
    names = {}
    for node in ast.walk(ast.parse(python)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names[node.lineno] = node.name
    return names


def line_table(path: str, python: str, annotations: list[tuple[int, str] | None]) -> str:
    """`function __lines__ ()` returning what a traceback needs of this module: its Python path, then for each
    JavaScript line `python_line:function` (run-length coded as `entry*count`; function -1: code the compiler added,
    never a frame of its own), and the function names."""
    defs = _function_names(python)
    names = ["<module>"]
    entries = []
    for annotation in annotations:
        if annotation is None:
            entries.append("0:0")
            continue
        line, owner = annotation
        if owner == "-":
            entries.append(f"{line}:-1")
            continue
        name = "<lambda>" if owner.startswith("l") else defs.get(int(owner[1:]), "<module>") \
            if owner.startswith("d") else "<module>"
        if name not in names:
            names.append(name)
        entries.append(f"{line}:{names.index(name)}")
    runs = []
    for entry in entries:
        if runs and runs[-1][0] == entry:
            runs[-1][1] += 1
        else:
            runs.append([entry, 1])
    table = ",".join(entry if count == 1 else f"{entry}*{count}" for entry, count in runs)
    return f"function {LINES_FUNCTION} () {{ return {json.dumps([path, table, names])}; }}\n"

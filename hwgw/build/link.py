"""Link Transcrypt's modules into one Netscript-safe in-game tree.

- imports: keep only the names a module uses, and point them at root-absolute in-game paths;
- pruning: keep only the library statements that kept code reaches, by name and by property name;
- renaming: no identifier may carry a Netscript function's name, since the game charges by name;
- the runtime's DOM terminal is replaced by a console shim, and its prototype extensions made non-enumerable.
"""

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from . import jsast

RUNTIME = "org.transcrypt.__runtime__"
BUILTIN_PROTOTYPES = {"Array", "String", "Number", "Uint8Array", "Function", "Object"}


@dataclass
class Statement:
    node: object
    declares: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)
    props: set[str] = field(default_factory=set)
    kind: str = "other"  # import | decl | proto | member | other
    prototype_property: str | None = None
    root: str | None = None
    kept: bool = False


@dataclass
class Module:
    name: str
    game_path: str
    text: str
    is_source: bool
    program: object = None
    statements: list[Statement] = field(default_factory=list)
    needed: set[str] = field(default_factory=set)
    reachable: bool = False
    everything_needed: bool = False
    used: set[str] = field(default_factory=set)  # names referenced by kept non-import statements
    declared: set[str] = field(default_factory=set)


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


def _classify(node) -> Statement:
    st = Statement(node)
    st.refs = {ident.name for ident, _ in jsast.identifiers(node)}
    st.props = set(jsast.property_names(node))
    decl = node.declaration if node.type == "ExportNamedDeclaration" and node.declaration else node
    if node.type == "ImportDeclaration":
        st.kind = "import"
    elif decl.type in ("FunctionDeclaration", "ClassDeclaration"):
        st.kind, st.declares = "decl", {decl.id.name}
    elif decl.type == "VariableDeclaration":
        st.kind = "decl"
        st.declares = {d.id.name for d in decl.declarations if d.id.type == "Identifier"}
    elif node.type == "ExpressionStatement":
        expr = node.expression
        if expr.type == "AssignmentExpression" and expr.left.type == "MemberExpression":
            st.root, st.prototype_property = _member_root(expr.left)
            st.kind = "proto" if st.prototype_property and st.root in BUILTIN_PROTOTYPES else "member"
        elif expr.type == "CallExpression" and expr.arguments and expr.arguments[0].type == "MemberExpression" \
                and len(expr.arguments) > 1 and expr.arguments[1].type == "Literal":
            root, _ = _member_root(expr.arguments[0])
            target = expr.arguments[0]
            if root in BUILTIN_PROTOTYPES and not target.computed and target.property.name == "prototype":
                st.kind, st.root, st.prototype_property = "proto", root, expr.arguments[1].value
    return st


def analysis(text: str, cache: Path | None):
    """Parse and classify a module, reusing an earlier result for the same text (the runtime rarely changes)."""
    if cache is None:
        program = jsast.parse(text)
        return program, [_classify(node) for node in program.body]
    path = cache / (hashlib.sha256(text.encode()).hexdigest() + ".pickle")
    if path.exists():
        with open(path, "rb") as stored:
            return pickle.load(stored)
    result = analysis(text, None)
    cache.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as stored:
        pickle.dump(result, stored, protocol=pickle.HIGHEST_PROTOCOL)
    return result


def _import_source(node) -> str:
    spec = node.source.value
    return spec[2:-3] if spec.startswith("./") and spec.endswith(".js") else spec


class Linker:
    def __init__(self, modules: dict[str, Module]):
        self.modules = modules
        self.props: set[str] = set()

    def analyse(self, cache: Path | None = None) -> None:
        for module in self.modules.values():
            module.program, module.statements = analysis(module.text, cache)
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
                    target = self.modules.get(_import_source(st.node))
                    if target is None:
                        continue
                    for spec in st.node.specifiers:
                        if spec.local.name not in used:
                            continue
                        if not st.kept:
                            st.kept, changed = True, True
                        if not target.reachable:
                            target.reachable, changed = True, True
                        if spec.type == "ImportNamespaceSpecifier":
                            if not target.everything_needed:
                                target.everything_needed, changed = True, True
                        elif spec.imported.name not in target.needed:
                            target.needed.add(spec.imported.name)
                            changed = True

    def runtime_properties(self) -> set[str]:
        runtime = self.modules.get(RUNTIME)
        if runtime is None:
            return set()
        return {st.prototype_property for st in runtime.statements if st.kept and st.kind == "proto"}

    def imports_text(self, module: Module, st: Statement, used: set[str]) -> str:
        target = self.modules[_import_source(st.node)]
        path = "/" + target.game_path
        names = []
        for spec in st.node.specifiers:
            if spec.local.name not in used:
                continue
            if spec.type == "ImportNamespaceSpecifier":
                return f"import * as {spec.local.name} from '{path}';"
            if spec.type == "ImportDefaultSpecifier":
                names.append(f"default as {spec.local.name}")
            elif spec.imported.name == spec.local.name:
                names.append(spec.local.name)
            else:
                names.append(f"{spec.imported.name} as {spec.local.name}")
        return f"import {{{', '.join(names)}}} from '{path}';"

    def print_module(self, module: Module, renames: dict[str, str]) -> str:
        edits = []
        used = module.used
        has_runtime_import = False
        for st in module.statements:
            start, end = st.node.range
            if st.kind == "import":
                if st.kept:
                    text = self.imports_text(module, st, used)
                    has_runtime_import |= _import_source(st.node) == RUNTIME
                    edits.append(jsast.Edit(start, end, _rename_text(text, renames)))
                else:
                    edits.append(jsast.Edit(start, end, ""))
            elif not st.kept:
                edits.append(jsast.Edit(start, end, ""))
            else:
                edits.extend(_rename_edits(st.node, renames))
                if st.kind == "proto" and st.node.expression.type == "CallExpression":
                    edits.extend(_hide_descriptor(st.node.expression))
        text = jsast.apply_edits(module.text, edits)
        runtime = self.modules.get(RUNTIME)
        if module.name != RUNTIME and not has_runtime_import and runtime is not None \
                and self._module_props(module) & self.runtime_properties():
            text = f"import '/{runtime.game_path}';\n" + text
        return _tidy(text)

    def _module_props(self, module: Module) -> set[str]:
        props = set()
        for st in module.statements:
            if st.kept and st.kind != "import":
                props |= st.props
        return props

    def bound_names(self) -> set[str]:
        names = set()
        for module in self.modules.values():
            if not module.reachable:
                continue
            for st in module.statements:
                if st.kept or st.kind == "import":
                    names |= st.declares
                    for node in jsast.walk(st.node):
                        if node.type in ("VariableDeclarator",) and node.id.type == "Identifier":
                            names.add(node.id.name)
                        elif node.type in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"):
                            if getattr(node, "id", None) is not None:
                                names.add(node.id.name)
                            names |= {p.name for p in node.params if p.type == "Identifier"}
                        elif node.type in ("ImportSpecifier", "ImportDefaultSpecifier", "ImportNamespaceSpecifier"):
                            names.add(node.local.name)
                        elif node.type == "CatchClause" and node.param is not None and node.param.type == "Identifier":
                            names.add(node.param.name)
        return names


def _rename_edits(node, renames: dict[str, str]) -> list[jsast.Edit]:
    edits = []
    for ident, parent in jsast.identifiers(node):
        new = renames.get(ident.name)
        if new is None:
            continue
        if parent is not None and parent.type == "Property" and getattr(parent, "shorthand", False):
            edits.append(jsast.Edit(ident.range[0], ident.range[1], f"{ident.name}: {new}"))
        else:
            edits.append(jsast.Edit(ident.range[0], ident.range[1], new))
    return edits


def _hide_descriptor(call) -> list[jsast.Edit]:
    """`__setproperty__(String.prototype, 'format', {..., enumerable: true})`: such a property cannot be hidden
    later, since the descriptor leaves it non-configurable, so hide it where it is defined."""
    descriptor = call.arguments[2] if len(call.arguments) > 2 else None
    if descriptor is None or descriptor.type != "ObjectExpression":
        return []
    return [jsast.Edit(prop.value.range[0], prop.value.range[1], "false") for prop in descriptor.properties
            if prop.type == "Property" and not prop.computed and getattr(prop.key, "name", None) == "enumerable"]


def _rename_text(text: str, renames: dict[str, str]) -> str:
    program = jsast.parse(text)
    return jsast.apply_edits(text, _rename_edits(program, renames))


def _tidy(text: str) -> str:
    """Drop Transcrypt's timestamp and source-map comments and the blank lines pruning leaves behind."""
    lines = []
    for line in text.splitlines():
        if line.startswith("// Transcrypt'ed from Python") or line.startswith("//# sourceMappingURL="):
            continue
        if not line.strip() or line.strip() == ";":
            if lines and not lines[-1].strip():
                continue
            line = ""
        lines.append(line.rstrip())
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n"

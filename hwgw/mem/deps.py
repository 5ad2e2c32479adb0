"""Which names each part of a module refers to: the game's per-module dependency map.

Keys are `<module>.<function>` for every function declaration met by the module-level walk (nested declarations
belong to the outermost one), `<module>.__GLOBAL__` for everything else at module level, `<module>.<export>` for
`export {a as b}`, and `<module>.^SPECIAL_ramOverride` for a literal `ns.ramOverride(x)` opening `main`. Each key
maps to the names it refers to, in first-seen order.

The walk visits exactly the identifiers the game's walker (acorn-walk) visits: not binding names, bare assignment
targets, non-computed keys, labels, specifier names or JSX tag names.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from hwgw.mem.rounding import round_to_two

GLOBAL = "__GLOBAL__"
DEFAULT_EXPORT = "__SPECIAL_DEFAULT_EXPORT__"
RAM_OVERRIDE = "^SPECIAL_ramOverride"
WHILE = "__SPECIAL_referenceWhile"
FOR = "__SPECIAL_referenceFor"
IF = "__SPECIAL_referenceIf"
MIN_RAM_OVERRIDE = 1.6

# Object.getOwnPropertyNames(Object.prototype): the game never charges these names.
OBJECT_PROTOTYPE_NAMES = frozenset(
    (
        "constructor __defineGetter__ __defineSetter__ hasOwnProperty __lookupGetter__ __lookupSetter__ "
        "isPrototypeOf propertyIsEnumerable toString valueOf __proto__ toLocaleString"
    ).split()
)

# Nodes holding nothing the game charges.
_LEAVES = (
    "Literal TemplateElement ThisExpression Super MetaProperty PrivateIdentifier EmptyStatement BreakStatement "
    "ContinueStatement DebuggerStatement ImportSpecifier ImportDefaultSpecifier ImportNamespaceSpecifier "
    "JSXIdentifier JSXMemberExpression JSXNamespacedName JSXText JSXEmptyExpression JSXClosingElement "
    "JSXOpeningFragment JSXClosingFragment"
).split()


@dataclass
class ModuleDeps:
    dependencies: dict[str, dict[str, None]] = field(default_factory=dict)
    imports: list[str] = field(default_factory=list)


class DependencyCollector:
    """Walks one module's AST once and records what each key refers to.

    At module level (`top_level`) function declarations open their own key and imports/exports are followed; inside a
    function declaration everything is attributed to that function's key.
    """

    def __init__(self, module: str, resolve: Callable[[str], str]):
        self.module = module
        self.resolve = resolve
        self.deps = ModuleDeps()
        self.key = self._key(GLOBAL)
        self.deps.dependencies[self.key] = {}
        self.top_level = True
        self.internal_to_external: dict[str, str] = {}
        self._visitors = {name[6:]: getattr(self, name) for name in dir(self) if name.startswith("visit_")}
        for name in _LEAVES:
            self._visitors[name] = self._ignore

    def collect(self, program) -> ModuleDeps:
        self.visit(program)
        return self.deps

    def _key(self, name: str) -> str:
        return f"{self.module}.{name}"

    def add_ref(self, key: str, name: str, module: str | None = None) -> None:
        refs = self.deps.dependencies.setdefault(key, {})
        external = self.internal_to_external.get(name)
        if external is not None:
            refs[external] = None
        refs[f"{self.module if module is None else module}.{name}"] = None
        refs[name] = None

    def visit(self, node) -> None:
        self._visitors[node.type](node)

    def visit_each(self, nodes) -> None:
        for node in nodes:
            if node is not None:
                self.visit(node)

    def pattern(self, node) -> None:
        """A binding or assignment target: a bare name is not a reference, `o.x` is."""
        if node.type != "Identifier":
            self.visit(node)

    def _ignore(self, node) -> None:
        pass

    # Names

    def visit_Identifier(self, node) -> None:
        if node.name not in OBJECT_PROTOTYPE_NAMES:
            self.add_ref(self.key, node.name)

    def visit_MemberExpression(self, node) -> None:
        self.visit(node.object)
        self.visit(node.property)

    # Module level: imports, exports, function declarations

    def visit_ImportDeclaration(self, node) -> None:
        imported = self.resolve(node.source.value)
        self.deps.imports.append(imported)
        global_refs = self.deps.dependencies[self._key(GLOBAL)]
        global_refs[f"{imported}.{GLOBAL}"] = None
        for spec in node.specifiers:
            if spec.type == "ImportSpecifier":
                name = spec.imported.name if spec.imported.type == "Identifier" else spec.imported.value
                self.internal_to_external[spec.local.name] = f"{imported}.{name}"
            else:
                global_refs[f"{imported}.*"] = None

    def visit_ExportNamedDeclaration(self, node) -> None:
        if node.declaration is not None:
            self.visit(node.declaration)
            return
        source = node.source.value if node.source is not None else None
        if source is not None:
            self.deps.imports.append(source)
        for spec in node.specifiers:
            exported = _export_name(spec.exported)
            self.add_ref(self._key(exported), _export_name(spec.local), source)

    def visit_ExportDefaultDeclaration(self, node) -> None:
        self.visit(node.declaration)

    def visit_ExportAllDeclaration(self, node) -> None:
        if node.exported is not None:
            self.visit(node.exported)

    def visit_FunctionDeclaration(self, node) -> None:
        if not self.top_level:
            self.function(node)
            return
        name = node.id.name if node.id is not None else DEFAULT_EXPORT
        if name == "main":
            self.check_ram_override(node.body)
        outer = self.key
        self.key, self.top_level = self._key(name), False
        try:
            self.function(node)
        finally:
            self.key, self.top_level = outer, True

    def check_ram_override(self, body) -> None:
        """Honour `ns.ramOverride(<number literal >= 1.6>)` only as the very first statement of main."""
        first = body.body[0] if body.body else None
        if first is None or first.type != "ExpressionStatement":
            return
        call = _unwrap(first.expression)
        if call.type != "CallExpression" or len(call.arguments) != 1:
            return
        callee = _unwrap(call.callee)
        while callee.type == "MemberExpression":
            callee = _unwrap(callee.property)
        if callee.type != "Identifier" or callee.name != "ramOverride":
            return
        argument = call.arguments[0]
        value = argument.value if argument.type == "Literal" else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            return
        if not math.isfinite(value) or value < MIN_RAM_OVERRIDE:
            return
        self.deps.dependencies[self._key(RAM_OVERRIDE)] = {repr(round_to_two(float(value))): None}

    # Functions and classes

    def function(self, node) -> None:
        for param in node.params:
            self.pattern(param)
        self.visit(node.body)

    visit_FunctionExpression = function
    visit_ArrowFunctionExpression = function

    def visit_ClassDeclaration(self, node) -> None:
        if node.superClass is not None:
            self.visit(node.superClass)
        self.visit(node.body)

    visit_ClassExpression = visit_ClassDeclaration

    def visit_ClassBody(self, node) -> None:
        self.visit_each(node.body)

    def visit_Property(self, node) -> None:
        if node.computed:
            self.visit(node.key)
        if node.value is not None:
            self.visit(node.value)

    visit_MethodDefinition = visit_Property
    visit_PropertyDefinition = visit_Property
    visit_FieldDefinition = visit_Property

    # Statements

    def visit_Program(self, node) -> None:
        self.visit_each(node.body)

    visit_BlockStatement = visit_Program
    visit_StaticBlock = visit_Program

    def visit_ExpressionStatement(self, node) -> None:
        self.visit(node.expression)

    visit_ChainExpression = visit_ExpressionStatement
    visit_JSXExpressionContainer = visit_ExpressionStatement
    visit_JSXSpreadChild = visit_ExpressionStatement

    def visit_IfStatement(self, node) -> None:
        self.add_ref(self.key, IF)
        self.visit_each((node.test, node.consequent, node.alternate))

    def visit_WhileStatement(self, node) -> None:
        self.add_ref(self.key, WHILE)
        self.visit_each((node.test, node.body))

    visit_DoWhileStatement = visit_WhileStatement

    def visit_ForStatement(self, node) -> None:
        self.add_ref(self.key, FOR)
        self.visit_each((node.init, node.test, node.update, node.body))

    def visit_ForInStatement(self, node) -> None:
        self.visit_each((node.left, node.right, node.body))

    visit_ForOfStatement = visit_ForInStatement

    def visit_LabeledStatement(self, node) -> None:
        self.visit(node.body)

    def visit_WithStatement(self, node) -> None:
        self.visit_each((node.object, node.body))

    def visit_SwitchStatement(self, node) -> None:
        self.visit(node.discriminant)
        self.visit_each(node.cases)

    def visit_SwitchCase(self, node) -> None:
        self.visit_each((node.test, *node.consequent))

    def visit_ReturnStatement(self, node) -> None:
        if node.argument is not None:
            self.visit(node.argument)

    visit_YieldExpression = visit_ReturnStatement
    visit_AwaitExpression = visit_ReturnStatement
    visit_ThrowStatement = visit_ReturnStatement
    visit_SpreadElement = visit_ReturnStatement
    visit_UnaryExpression = visit_ReturnStatement
    visit_UpdateExpression = visit_ReturnStatement
    visit_JSXSpreadAttribute = visit_ReturnStatement

    def visit_TryStatement(self, node) -> None:
        self.visit_each((node.block, node.handler, node.finalizer))

    def visit_CatchClause(self, node) -> None:
        if node.param is not None:
            self.pattern(node.param)
        self.visit(node.body)

    def visit_VariableDeclaration(self, node) -> None:
        self.visit_each(node.declarations)

    def visit_VariableDeclarator(self, node) -> None:
        self.pattern(node.id)
        if node.init is not None:
            self.visit(node.init)

    # Patterns

    def visit_ObjectPattern(self, node) -> None:
        for prop in node.properties:
            if prop.type == "RestElement":
                self.pattern(prop.argument)
                continue
            if prop.computed:
                self.visit(prop.key)
            self.pattern(prop.value)

    def visit_ArrayPattern(self, node) -> None:
        for element in node.elements:
            if element is not None:
                self.pattern(element)

    def visit_RestElement(self, node) -> None:
        self.pattern(node.argument)

    def visit_AssignmentPattern(self, node) -> None:
        self.pattern(node.left)
        self.visit(node.right)

    visit_AssignmentExpression = visit_AssignmentPattern

    # Expressions

    def visit_ArrayExpression(self, node) -> None:
        self.visit_each(node.elements)

    def visit_ObjectExpression(self, node) -> None:
        self.visit_each(node.properties)

    def visit_SequenceExpression(self, node) -> None:
        self.visit_each(node.expressions)

    def visit_TemplateLiteral(self, node) -> None:
        self.visit_each(node.expressions)

    def visit_BinaryExpression(self, node) -> None:
        self.visit(node.left)
        self.visit(node.right)

    visit_LogicalExpression = visit_BinaryExpression

    def visit_ConditionalExpression(self, node) -> None:
        self.visit_each((node.test, node.consequent, node.alternate))

    def visit_CallExpression(self, node) -> None:
        self.visit(node.callee)
        self.visit_each(node.arguments)

    visit_NewExpression = visit_CallExpression

    def visit_TaggedTemplateExpression(self, node) -> None:
        self.visit(node.tag)
        self.visit(node.quasi)

    def visit_ImportExpression(self, node) -> None:
        self.visit(node.source)

    # JSX: tag and attribute names are not references; embedded expressions are.

    def visit_JSXElement(self, node) -> None:
        self.visit(node.openingElement)
        self.visit_each(node.children)

    def visit_JSXFragment(self, node) -> None:
        self.visit_each(node.children)

    def visit_JSXOpeningElement(self, node) -> None:
        self.visit_each(node.attributes)

    def visit_JSXAttribute(self, node) -> None:
        if node.value is not None:
            self.visit(node.value)


def _unwrap(node):
    while node.type == "ChainExpression":
        node = node.expression
    return node


def _export_name(node) -> str:
    return node.name if node.type == "Identifier" else node.value

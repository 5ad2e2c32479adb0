"""Following imports: every module the entry script reaches, merged into one dependency map."""

from collections import deque
from collections.abc import Mapping

from hwgw.mem.deps import DependencyCollector
from hwgw.mem.parse import ParseFailure, parse_script
from hwgw.mem.paths import resolve_module


_COLLECTED: dict[tuple[str, int], tuple[object, object, tuple[tuple[str, str], ...]]] = {}


def _collected(module: str, tree, scripts: Mapping[str, str]):
    """A module's dependencies, remembered per parsed tree: pricing every script of a build walks the same shared
    modules again and again. A remembered result serves only while its imports still resolve to the same files."""
    key = (module, id(tree))
    known = _COLLECTED.get(key)
    if known is not None and known[0] is tree and all(
        resolve_module(spec, module, scripts) == resolved for spec, resolved in known[2]
    ):
        return known[1]
    resolutions: list[tuple[str, str]] = []

    def resolve(spec: str) -> str:
        resolved = resolve_module(spec, module, scripts)
        resolutions.append((spec, resolved))
        return resolved

    deps = DependencyCollector(module, resolve).collect(tree)
    if len(_COLLECTED) > 512:  # a long `hwgw watch` session must not grow without bound
        _COLLECTED.clear()
    _COLLECTED[key] = (tree, deps, tuple(resolutions))
    return deps


class ImportFailure(Exception):
    """An imported module is missing or cannot be parsed. The message is the text the game shows."""


def link(
    entry: str, program, scripts: Mapping[str, str], server: str = "home"
) -> tuple[dict[str, dict[str, None]], list[str]]:
    """The merged dependency map of `entry` (already parsed as `program`) and every module it reaches, and those
    modules (the entry first).

    Raises ModuleResolutionError for an import naming no script, ImportFailure for the other import errors.
    """
    dependencies: dict[str, dict[str, None]] = {}
    done: set[str] = set()
    queue: deque[str] = deque()

    def collect(module: str, tree) -> None:
        deps = _collected(module, tree, scripts)
        done.add(module)
        queue.extend(name for name in deps.imports if name not in done)
        dependencies.update(deps.dependencies)

    collect(entry, program)
    while queue:
        module = queue.popleft()
        if module in done or module.startswith(("http://", "https://")):
            continue
        code = scripts.get(module)
        if code is None:
            raise ImportFailure(f'"{module}" does not exist on server: {server}')
        try:
            tree = parse_script(code, module, server)
        except ParseFailure as error:
            raise ImportFailure(f"Cannot parse module: {module}. Filename: {entry}. Reason: {error}") from None
        collect(module, tree)
    return dependencies, [entry] + sorted(done - {entry})

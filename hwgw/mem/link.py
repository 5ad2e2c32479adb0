"""Following imports: every module the entry script reaches, merged into one dependency map."""

from collections import deque
from collections.abc import Mapping

from hwgw.mem.deps import DependencyCollector
from hwgw.mem.parse import ParseFailure, parse_script
from hwgw.mem.paths import resolve_module


class ImportFailure(Exception):
    """An imported module is missing or cannot be parsed. The message is the text the game shows."""


def link(entry: str, program, scripts: Mapping[str, str], server: str = "home") -> dict[str, dict[str, None]]:
    """The merged dependency map of `entry` (already parsed as `program`) and every module it reaches.

    Raises ModuleResolutionError for an import naming no script, ImportFailure for the other import errors.
    """
    dependencies: dict[str, dict[str, None]] = {}
    done: set[str] = set()
    queue: deque[str] = deque()

    def collect(module: str, tree) -> None:
        deps = DependencyCollector(module, lambda spec: resolve_module(spec, module, scripts)).collect(tree)
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
    return dependencies

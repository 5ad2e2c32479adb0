"""Check every built script against its RAM floor: 1.6 GB plus the Netscript functions its Python calls.

The floor is priced by the game's own algorithm on a stand-in script that names exactly those functions, so anything
the link stage let through (a runtime name, a DOM global) shows up as the difference.
"""

import ast
import functools

from hwgw.mem import calculate_ram

from .check import _through_ns
from .errors import BuildError, Finding


@functools.lru_cache(maxsize=None)
def ns_names(text: str) -> frozenset[str]:
    """Every attribute name reached through ns in a Python module: `ns.formulas.hacking.hackTime` gives three."""
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Attribute) and _through_ns(node):
            names.add(node.attr)
    return frozenset(names)


@functools.lru_cache(maxsize=None)
def imported_modules(text: str, local_modules: frozenset[str]) -> frozenset[str]:
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module:
            candidates = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found |= {c for c in candidates if c in local_modules}
    return frozenset(found)


def floor_script(names: set[str]) -> str:
    body = " ".join(f"ns.{name};" for name in sorted(names))
    return f"export async function main(ns) {{ {body} }}\n"


def check_floors(sources, scripts: dict[str, str], files: dict[str, str]) -> dict[str, float]:
    """Return each script's RAM; raise if any costs more than its floor. `scripts` maps in-game path -> module."""
    texts = {s.module: s.text for s in sources}
    paths = {s.module: s.path for s in sources}
    files = {path.lstrip("/"): text for path, text in files.items()}
    ram = {}
    findings = []
    for game_path, module in scripts.items():
        seen, todo, names = set(), [module], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            names |= ns_names(texts[current])
            todo += imported_modules(texts[current], frozenset(texts))
        built = calculate_ram(files, game_path)
        floor = calculate_ram({"floor.js": floor_script(names)}, "floor.js")
        if built.ram is None:
            findings.append(Finding(paths[module], 1, 0, f"the game cannot price the built script: {built.error}"))
            continue
        ram[game_path] = built.ram
        if built.ram > floor.ram:
            wanted = {(e.name, e.cost) for e in floor.entries}
            extra = ", ".join(f"{e.name} ({e.cost:.2f} GB)" for e in built.entries if (e.name, e.cost) not in wanted)
            findings.append(Finding(paths[module], 1, 0,
                                    f"built script costs {built.ram:.2f} GB, above its floor of {floor.ram:.2f} GB: "
                                    f"{extra}; rename what carries these names"))
    if findings:
        raise BuildError(findings)
    return ram

"""How the game finds the file an import names.

Only a specifier with a `./` or `../` segment is relative to the importing file; everything else (`lib.js`, `/lib.js`,
`dir/lib.js`) is relative to the server's root. Extensions are tried in the game's order.
"""

import re
from collections.abc import Container

MODULE_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx", ".script")

_RELATIVE = re.compile(r"(?:^|/)\.{1,2}/")
_INVALID_NAME = re.compile(r"[*?\[\]!\\~|#\"'\s]")


class ModuleResolutionError(Exception):
    """An import names no script on the server (or a path the game rejects)."""


def resolve_path(path: str, importer: str) -> str | None:
    """The root-relative file `path` names when written in `importer`, or None when the game rejects it."""
    if path.startswith("/"):
        path = path[1:]
        base: list[str] = []
    else:
        base = importer.split("/")[:-1]
    if not _RELATIVE.search(path):
        parts = path.split("/")
    else:
        parts = list(base)
        for part in path.split("/"):
            if part == ".":
                continue
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            else:
                parts.append(part)
    if any(not part or _INVALID_NAME.search(part) for part in parts):
        return None
    return "/".join(parts)


def resolve_module(specifier: str, importer: str, scripts: Container[str]) -> str:
    """The script an `import ... from specifier` in `importer` loads, trying each extension in the game's order."""
    for extension in MODULE_EXTENSIONS:
        candidate = specifier if specifier.endswith(extension) else specifier + extension
        path = resolve_path(candidate, importer)
        if path is not None and path in scripts:
            return path
    raise ModuleResolutionError(f'Invalid module: "{specifier}". Base module: "{importer}".')

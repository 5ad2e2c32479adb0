"""A folder read as one game server: its script and text files keyed by root-relative path."""

from pathlib import Path

from hwgw.mem.paths import MODULE_EXTENSIONS

TEXT_EXTENSIONS = (".txt", ".json", ".css")


def read_server(folder: str | Path) -> dict[str, str]:
    """Every script and text file below `folder` (hidden folders skipped), keyed like `dir/x.js`."""
    root = Path(folder)
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts[:-1]) or not path.is_file():
            continue
        if path.suffix in MODULE_EXTENSIONS or path.suffix in TEXT_EXTENSIONS:
            files[relative.as_posix()] = path.read_text(encoding="utf-8")
    return files

"""A folder read as one game server: its script and text files keyed by root-relative path."""

from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

from hwgw.mem.paths import MODULE_EXTENSIONS

TEXT_EXTENSIONS = (".txt", ".json", ".css")


class ServerFolder(Mapping[str, str]):
    """A folder seen as a game server. Files are read when first asked for, so pricing one script reads only what
    it imports. Hidden folders are not part of the server."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._code: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._code:
            relative = PurePosixPath(key)
            path = self.root / relative
            if relative.is_absolute() or ".." in relative.parts or not _on_server(relative) or not path.is_file():
                raise KeyError(key)
            self._code[key] = path.read_text(encoding="utf-8")
        return self._code[key]

    def __iter__(self) -> Iterator[str]:
        for path in sorted(self.root.rglob("*")):
            relative = PurePosixPath(path.relative_to(self.root).as_posix())
            if _on_server(relative) and path.is_file():
                yield relative.as_posix()

    def __len__(self) -> int:
        return sum(1 for _ in self)


def read_server(folder: str | Path) -> dict[str, str]:
    """Every script and text file below `folder` (hidden folders skipped), keyed like `dir/x.js`."""
    return dict(ServerFolder(folder))


def _on_server(relative: PurePosixPath) -> bool:
    hidden = any(part.startswith(".") for part in relative.parts[:-1])
    return not hidden and relative.suffix in MODULE_EXTENSIONS + TEXT_EXTENSIONS

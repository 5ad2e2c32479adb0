"""What pricing a script yields."""

from dataclasses import dataclass, field

SYNTAX_ERROR = -1
IMPORT_ERROR = -2


@dataclass(frozen=True)
class RamEntry:
    """One charged item: type is `misc`, `fn`, `dom` or `ns`, as the game's `mem` shows it."""

    type: str
    name: str
    cost: float


@dataclass(frozen=True)
class RamResult:
    """`cost` is the raw sum, `ram` the game-rounded figure the game shows; both None when `error` is set."""

    cost: float | None
    ram: float | None
    entries: list[RamEntry] = field(default_factory=list)
    error_code: int | None = None
    error: str | None = None
    modules: tuple[str, ...] = ()  # the script and every module it imports, directly or not

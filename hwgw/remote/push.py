"""Push a build into the game and check every script's RAM against the game's own calculator."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hwgw.remote.link import GameError, GameLink, NoReply

SCRIPT_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx", ".script")

# hwgw's RAM for one entry script among a server's files; None when hwgw cannot price it.
Price = Callable[[Mapping[str, str], str], float | None]


@dataclass(frozen=True)
class PushFailure:
    path: str
    error: str


@dataclass(frozen=True)
class RamCheck:
    script: str
    hwgw: float | None
    game: float | None
    game_error: str | None = None

    @property
    def match(self) -> bool:
        """Both sides price the script the same to the game's 0.01 GB, or both refuse to price it."""
        if self.hwgw is None or self.game is None:
            return self.hwgw is None and self.game is None
        return round(self.hwgw * 100) == round(self.game * 100)


def is_script(path: str) -> bool:
    return path.endswith(SCRIPT_EXTENSIONS)


async def push_files(link: GameLink, files: Mapping[str, str], server: str) -> list[PushFailure]:
    """pushFile every file; the failures, in path order. GameDisconnected propagates."""
    paths = sorted(files)
    outcomes = await asyncio.gather(*(_push_one(link, path, files[path], server) for path in paths))
    return [PushFailure(path, error) for path, error in zip(paths, outcomes) if error is not None]


async def _push_one(link: GameLink, path: str, content: str, server: str) -> str | None:
    try:
        await link.call("pushFile", {"filename": path, "content": content, "server": server})
    except (GameError, NoReply) as e:
        return str(e)
    return None


async def check_ram(
    link: GameLink, files: Mapping[str, str], scripts: list[str], server: str, price: Price
) -> list[RamCheck]:
    """calculateRam for each script, beside hwgw's own figure for the same files."""
    game = await asyncio.gather(*(_game_ram(link, script, server) for script in scripts))
    return [RamCheck(script, price(files, script), *answer) for script, answer in zip(scripts, game)]


async def _game_ram(link: GameLink, script: str, server: str) -> tuple[float | None, str | None]:
    try:
        ram = await link.call("calculateRam", {"filename": script, "server": server})
    except (GameError, NoReply) as e:
        return None, str(e)
    if isinstance(ram, bool) or not isinstance(ram, (int, float)):
        return None, f"calculateRam answered {ram!r}, not a number"
    return float(ram), None

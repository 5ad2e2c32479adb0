"""The game's RAM cost tables and the lookup of a bare name in them.

The game charges a name by searching its cost tree depth first: the names directly on a level before the namespaces
below it, namespaces in the table's order. Only the leaf name matters, so `getTask` costs what `sleeve.getTask`
costs. The tables ship as flat JSON (`"stock.getPrice": 2`) whose key order is the game's order.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

VERSIONS = {"3.0": "ramcosts-3.0.json", "2.8.1": "ramcosts-2.8.1.json"}
VERSION_NAMES = {"3.0": "3.0", "3.0.x": "3.0", "2.8": "2.8.1", "2.8.1": "2.8.1"}


@dataclass(frozen=True)
class Price:
    """What a bare name is charged as: the name the game shows, the base cost, and whether SF4 scales it."""

    detail: str
    cost: float
    singularity: bool


@dataclass(frozen=True)
class CostTable:
    version: str
    base: float
    dom: float
    max_ram: float
    hacknet_namespace: float
    prices: dict[str, Price]

    def cost(self, price: Price, *, bitnode: int, sf4: int) -> float:
        if not price.singularity:
            return price.cost
        return price.cost * singularity_multiplier(bitnode, sf4)


def singularity_multiplier(bitnode: int, sf4: int) -> int:
    """Singularity functions cost 16x without Source-File 4, 4x at level 2, 1x at level 3 or inside BitNode 4."""
    if bitnode == 4 or sf4 >= 3:
        return 1
    if sf4 == 2:
        return 4
    return 16


def version_name(version: str) -> str:
    try:
        return VERSION_NAMES[version]
    except KeyError:
        known = ", ".join(sorted(VERSION_NAMES))
        raise ValueError(f"unknown game version {version!r}; use one of {known}") from None


def cost_table(version: str = "3.0") -> CostTable:
    """The table for a game version ("3.0", "2.8.1" or an alias), built once per process."""
    return _cost_table(version_name(version))


@lru_cache(maxsize=None)
def _cost_table(version: str) -> CostTable:
    flat = _load(VERSIONS[version])
    meta = _load("ramcosts-meta.json")
    special = meta["special_costs"]
    scaled = frozenset(meta["sf4_scaled_keys"][version])
    prices: dict[str, Price] = {}
    for leaf, detail, path in _search_order(_tree(flat)):
        if leaf not in prices:
            prices[leaf] = Price(detail, flat[path], path in scaled)
    return CostTable(
        version=version,
        base=special["base"],
        dom=special["dom"],
        max_ram=special["max"],
        hacknet_namespace=special["hacknet_namespace"][version],
        prices=prices,
    )


def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def _tree(flat: dict[str, float]) -> dict:
    """Nest `{"go.analysis.getStats": 1}` into `{"go": {"analysis": {"getStats": "go.analysis.getStats"}}}`."""
    root: dict = {}
    for path in flat:
        *namespaces, leaf = path.split(".")
        level = root
        for name in namespaces:
            level = level.setdefault(name, {})
        level[leaf] = path
    return root


def _search_order(level: dict, prefix: str = ""):
    """Yield (leaf, shown name, full path) in the order the game's search meets them.

    The shown name carries only the innermost namespace (`hacking.hackChance`), as the game displays it.
    """
    for name, value in level.items():
        if isinstance(value, str):
            yield name, prefix + name, value
    for name, value in level.items():
        if isinstance(value, dict):
            yield from _search_order(value, name + ".")

"""`calculate_ram`: parse, link, price — the game's static RAM calculator."""

from collections.abc import Mapping

from hwgw.mem.costs import cost_table
from hwgw.mem.link import ImportFailure, link
from hwgw.mem.parse import ParseFailure, parse_script
from hwgw.mem.paths import ModuleResolutionError
from hwgw.mem.price import price
from hwgw.mem.result import IMPORT_ERROR, SYNTAX_ERROR, RamResult
from hwgw.mem.rounding import round_to_two


def calculate_ram(
    scripts: Mapping[str, str],
    entry: str,
    *,
    version: str = "3.0",
    bitnode: int = 1,
    sf4: int = 0,
    server: str = "home",
) -> RamResult:
    """Price `entry` as the game would on a server holding `scripts` (root-relative path -> code)."""
    table = cost_table(version)
    entry = entry.lstrip("/")
    if entry not in scripts:
        raise KeyError(f"{entry!r} is not among the server's scripts")
    try:
        program = parse_script(scripts[entry], entry, server)
    except ParseFailure as error:
        return RamResult(None, None, [], SYNTAX_ERROR, str(error))
    try:
        dependencies, modules = link(entry, program, scripts, server)
    except (ModuleResolutionError, ImportFailure) as error:
        return RamResult(None, None, [], IMPORT_ERROR, str(error))
    cost, entries = price(dependencies, entry, table, bitnode=bitnode, sf4=sf4)
    return RamResult(cost, round_to_two(cost), entries, modules=tuple(modules))

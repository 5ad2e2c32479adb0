"""Summing: what the entry script's references cost, the way the game walks them."""

from collections import deque

from hwgw.mem.costs import CostTable
from hwgw.mem.deps import RAM_OVERRIDE
from hwgw.mem.result import RamEntry

DOM_NAMES = ("document", "window")


def price(
    dependencies: dict[str, dict[str, None]], entry: str, table: CostTable, *, bitnode: int = 1, sf4: int = 0
) -> tuple[float, list[RamEntry]]:
    """The raw RAM cost and the charged entries (zero-cost ones dropped), in the game's order.

    Every key of the entry module is a starting point; each reference is followed breadth first and each distinct
    name is charged once. A ram override of the entry module replaces the whole sum.
    """
    ram = table.base
    entries = [RamEntry("misc", "baseCost", table.base)]
    override = f"{entry}.{RAM_OVERRIDE}"
    unresolved = deque(key for key in dependencies if key.startswith(entry))
    resolved: set[str] = set()
    charged: set[str] = set()
    while unresolved:
        ref = unresolved.popleft()
        if ref.endswith("." + RAM_OVERRIDE):
            if ref != override:
                continue
            value = float(next(iter(dependencies[ref])))
            return value, [RamEntry("misc", "override", value)]
        if ref not in resolved:
            if ref == "hacknet" and table.hacknet_namespace:
                ram += table.hacknet_namespace
                entries.append(RamEntry("ns", "hacknet", table.hacknet_namespace))
            if ref in DOM_NAMES:
                ram += table.dom
                entries.append(RamEntry("dom", ref, table.dom))
        resolved.add(ref)
        if ref.endswith(".*"):
            prefix = ref[:-2]
            for key, refs in dependencies.items():
                if key.startswith(prefix):
                    unresolved.extend(name for name in refs if name not in resolved)
        else:
            unresolved.extend(name for name in dependencies.get(ref, ()) if name not in resolved)
        if ref in charged:
            continue
        charged.add(ref)
        found = table.prices.get(ref)
        if found is not None:
            cost = table.cost(found, bitnode=bitnode, sf4=sf4)
            ram += cost
            entries.append(RamEntry("fn", found.detail, cost))
    if ram > table.max_ram:
        ram = table.max_ram
        entries.append(RamEntry("misc", "Max Ram Cap", table.max_ram))
    return ram, [item for item in entries if item.cost > 0]

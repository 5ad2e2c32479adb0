"""The early-hacking-template loop, the yardstick for the batcher: weaken, grow or hack one target forever."""

from hwgw.ns import NS


async def main(ns: NS) -> None:
    target = str(ns.args[0])
    money_goal = ns.getServerMaxMoney(target) * 0.75
    security_goal = ns.getServerMinSecurityLevel(target) + 5
    while True:
        if ns.getServerSecurityLevel(target) > security_goal:
            await ns.weaken(target)
        elif ns.getServerMoneyAvailable(target) < money_goal:
            await ns.grow(target)
        else:
            await ns.hack(target)

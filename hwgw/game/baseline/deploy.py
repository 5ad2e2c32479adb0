"""Start the baseline: root every server the port programs allow, pick one target, and run the loop with as many
threads as fit on every rooted host (home last, so this script's own RAM is counted there).

Arguments: the loop script's path, then every file it imports.
"""

from hwgw.ns import NS

OPENERS = ["BruteSSH.exe", "FTPCrack.exe", "relaySMTP.exe", "HTTPWorm.exe", "SQLInject.exe"]
USAGE = ("usage: run hwgw/baseline/deploy.js hwgw/baseline/loop.js FILE... "
         "(FILE: every file loop.js imports: hwgw/lib/runtime.js hwgw/lib/pybuiltins.js hwgw/lib/pymethods.js "
         "hwgw/lib/pyvalues.js)")


def network(ns: NS) -> list[str]:
    seen = ["home"]
    queue = ["home"]
    while len(queue) > 0:
        here = queue.pop(0)
        for neighbour in ns.scan(here):
            if neighbour not in seen:
                seen.append(neighbour)
                queue.append(neighbour)
    return seen


def open_ports(ns: NS, host: str) -> int:
    owned = [name for name in OPENERS if ns.fileExists(name, "home")]
    if "BruteSSH.exe" in owned:
        ns.brutessh(host)
    if "FTPCrack.exe" in owned:
        ns.ftpcrack(host)
    if "relaySMTP.exe" in owned:
        ns.relaysmtp(host)
    if "HTTPWorm.exe" in owned:
        ns.httpworm(host)
    if "SQLInject.exe" in owned:
        ns.sqlinject(host)
    return len(owned)


def pick_target(ns: NS, hosts: list[str]) -> str:
    """The richest rooted server needing at most half the player's hacking skill (the usual rule of thumb).

    Home and purchased servers have no money, so they are never picked.
    """
    limit = max(1, ns.getHackingLevel() / 2)
    best = ""
    best_money = 0.0
    for host in hosts:
        money = ns.getServerMaxMoney(host)
        if ns.hasRootAccess(host) and money > best_money and ns.getServerRequiredHackingLevel(host) <= limit:
            best = host
            best_money = money
    return best


async def main(ns: NS) -> None:
    files = [str(name) for name in ns.args]
    if not files:
        ns.tprint(USAGE)
        return
    loop_file = files[0]
    hosts = network(ns)
    for host in hosts:
        if not ns.hasRootAccess(host):
            opened = open_ports(ns, host)
            if ns.getServerNumPortsRequired(host) <= opened:
                ns.nuke(host)
    target = pick_target(ns, hosts)
    ns.tprint(f"baseline target: {target}")
    workers = [host for host in hosts if host != "home"] + ["home"]
    for host in workers:
        if ns.hasRootAccess(host) and ns.getServerMaxRam(host) > 0:
            ns.scp(files, host, "home")
            free = ns.getServerMaxRam(host) - ns.getServerUsedRam(host)
            count = int(free // ns.getScriptRam(loop_file, host))
            if count > 0:
                ns.exec(loop_file, host, count, target)

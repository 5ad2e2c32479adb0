"""The researcher: run once, do its job, exit.

`cleanup` mode (first thing at every start): kill every hwgw script on every server except the runner that asked,
then write a line on the report port to say so.

`research` mode: scan the whole network, open ports with the programs the player owns and nuke what it can, copy
the hwgw scripts to every rooted server with RAM, and publish InitializationInfoRetrieved with the player, home,
every server and the RAM the workers may use (totalRamPool).

Arguments: mode, the runner's pid, then the settings (`--port` ...).
"""

from hwgw.game.core import topics
from hwgw.game.core.bus import Bus
from hwgw.game.core.message import EVENT, from_port
from hwgw.ns import NS

OPENERS = ["BruteSSH.exe", "FTPCrack.exe", "relaySMTP.exe", "HTTPWorm.exe", "SQLInject.exe"]
HOME = "home"


def network(ns):
    """Every server, breadth first from home."""
    seen = [HOME]
    queue = [HOME]
    while len(queue) > 0:
        here = queue.pop(0)
        for neighbour in ns.scan(here):
            if neighbour not in seen:
                seen.append(neighbour)
                queue.append(neighbour)
    return seen


def kill_earlier_scripts(ns, hosts, spare):
    killed = 0
    for host in hosts:
        for process in ns.ps(host):
            if process.filename.startswith("hwgw/") and process.pid != spare and process.pid != ns.pid:
                ns.kill(process.pid)
                killed += 1
    return killed


def open_ports(ns, host, owned):
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


def root(ns, hosts):
    """Nuke every server the owned port openers allow; returns how many were newly rooted."""
    owned = [name for name in OPENERS if ns.fileExists(name, HOME)]
    rooted = 0
    for host in hosts:
        server = ns.getServer(host)
        if server.hasAdminRights or server.numOpenPortsRequired > len(owned):
            continue
        open_ports(ns, host, owned)
        ns.nuke(host)
        rooted += 1
    return rooted


def ram_pool(servers, reserve):
    """GB the workers may use: free RAM of every rooted server big enough for a worker, minus home's reserve."""
    total = 0.0
    for server in servers:
        free = server["maxRam"] - server["ramUsed"]
        if server["hostname"] == HOME:
            free -= reserve
        if server["hasAdminRights"] and free >= 1.75:
            total += free
    return total


async def research(ns, settings):
    hosts = network(ns)
    rooted = root(ns, hosts)
    files = ns.ls(HOME, "hwgw/")
    servers = []
    for host in hosts:
        server = from_port(ns.getServer(host))
        if host != HOME and server["hasAdminRights"] and server["maxRam"] > 0:
            ns.scp(files, host, HOME)
        servers.append(server)
    home = servers[0]
    body = {"player": from_port(ns.getPlayer()), "home": home, "allServers": servers,
            "totalRamPool": ram_pool(servers, settings["reserve"])}
    bus = Bus(ns, "researcher", settings["port"])
    await bus.register(topics.INITIALIZATION_INFO_RETRIEVED, EVENT)
    await bus.publish(topics.INITIALIZATION_INFO_RETRIEVED, body)
    ns.tprint(f"hwgw: researched {len(hosts)} servers, rooted {rooted} more, "
              f"{body['totalRamPool']:.0f} GB for workers")


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    mode = ns.args[0]
    spare = ns.args[1]
    settings = topics.settings_from_args(ns.args[2:])
    if mode == "cleanup":
        killed = kill_earlier_scripts(ns, network(ns), spare)
        if killed > 0:
            ns.tprint(f"hwgw: stopped {killed} script(s) of an earlier start")
        ns.writePort(topics.report_port(settings), "cleanup done")
        return
    await research(ns, settings)

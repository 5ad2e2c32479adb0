"""The researcher: runs once at every start, before the broker, then exits.

1. Scans the whole network and kills every hwgw script but the runner that started it (seed 001: on a restart,
   everything the system created has exited before it starts fresh), then empties the system's ports.
2. Opens ports with the programs the player owns and nukes what it can.
3. Copies the hwgw scripts to every rooted server with RAM.
4. Gathers the player and every server, and publishes InitializationInfoRetrieved {player, home, allServers,
   totalRamPool, startedAt}. The broker is not running yet, so the researcher only writes its registration and the event on the
   sign-on port: the broker reads them when it starts, and the event waits on its topic for the initiator.
5. Writes a line on the report port, which the runner waits for.

It runs while only the runner does, so that a fresh 8 GB home holds the two. Server fields come from the
0.05-0.1 GB getters rather than getServer (2 GB), with the game's field names.

The orchestrator runs it again every few minutes, on whichever node has room, to rescan: then it kills nothing and
empties no port (steps 1 and 5 are skipped), and a server's `ramUsed` leaves out the system's own workers, so that
the pool counts what the workers may use, new servers and upgrades included.

Arguments: the runner's pid (0 for a rescan), the moment the runner started (ms on the shared clock), then the
settings (`--port` ...).
"""

from hwgw.game.core import message, topics
from hwgw.game.core.bus import Bus
from hwgw.game.core.message import COMMAND, EVENT, NEW_PUBLISHER, NO_DATA
from hwgw.game.core.model import HACK, WORKER_RAM, WORKER_SCRIPT
from hwgw.ns import NS

OPENERS = ["BruteSSH.exe", "FTPCrack.exe", "relaySMTP.exe", "HTTPWorm.exe", "SQLInject.exe"]
HOME = "home"


def network(ns: NS):
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


def kill_earlier_scripts(ns: NS, hosts, spare):
    killed = 0
    for host in hosts:
        for process in ns.ps(host):
            if process.filename.startswith("hwgw/") and process.pid != spare and process.pid != ns.pid:
                ns.kill(process.pid)
                killed += 1
    return killed


def clear_ports(ns: NS, settings):
    """Empty the sign-on, state and report ports, and every topic port an earlier broker used."""
    port = settings["port"]
    saved = ns.peek(message.state_port(port))
    if saved != NO_DATA:
        for topic_port in range(message.TOPIC_PORTS, saved["next_port"]):
            ns.clearPort(topic_port)
    for system_port in [port, message.state_port(port), topics.report_port(settings)]:
        ns.clearPort(system_port)


def open_ports(ns: NS, host, owned):
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


def root(ns: NS, hosts, owned):
    """Nuke every server the owned port openers allow; returns how many were newly rooted."""
    rooted = 0
    for host in hosts:
        if ns.hasRootAccess(host) or ns.getServerNumPortsRequired(host) > len(owned):
            continue
        open_ports(ns, host, owned)
        ns.nuke(host)
        rooted += 1
    return rooted


def workers_ram(ns: NS, host):
    """GB the system's workers and this script hold on `host` (a rescan counts it as room for workers)."""
    held = 0.0
    for process in ns.ps(host):
        for command in WORKER_SCRIPT.keys():
            if process.filename == WORKER_SCRIPT[command]:
                held += WORKER_RAM[command] * process.threads
                break
        if process.pid == ns.pid:
            held += topics.RESEARCHER_RAM
    return held


def describe(ns: NS, host, rescan):
    """A server object with the fields the planner reads, under the game's names."""
    used = ns.getServerUsedRam(host) - (workers_ram(ns, host) if rescan else 0)
    return {"hostname": host, "purchasedByPlayer": host == HOME, "hasAdminRights": ns.hasRootAccess(host),
            "maxRam": ns.getServerMaxRam(host), "ramUsed": used,
            "moneyMax": ns.getServerMaxMoney(host), "moneyAvailable": ns.getServerMoneyAvailable(host),
            "hackDifficulty": ns.getServerSecurityLevel(host), "minDifficulty": ns.getServerMinSecurityLevel(host),
            "serverGrowth": ns.getServerGrowth(host), "requiredHackingSkill": ns.getServerRequiredHackingLevel(host),
            "numOpenPortsRequired": ns.getServerNumPortsRequired(host)}


def player_info(ns: NS):
    """The player's hacking skills and multipliers: only the fields the planner reads (others are deprecated and
    warn in the terminal when read)."""
    player = ns.getPlayer()
    skills = player.skills
    mults = player.mults
    return {"skills": {"hacking": skills.hacking, "intelligence": skills.intelligence},
            "mults": {"hacking_money": mults.hacking_money, "hacking_speed": mults.hacking_speed,
                      "hacking_chance": mults.hacking_chance, "hacking_grow": mults.hacking_grow}}


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


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    spare = ns.args[0]
    rescan = spare == 0
    started_at = ns.args[1]
    settings = topics.settings_from_args(ns.args[2:])
    hosts = network(ns)
    if not rescan:
        killed = kill_earlier_scripts(ns, hosts, spare)
        if killed > 0:
            ns.tprint(f"hwgw: stopped {killed} script(s) of an earlier start")
        clear_ports(ns, settings)
    files = ns.ls(HOME)
    owned = [name for name in OPENERS if name in files]
    rooted = root(ns, hosts, owned)
    scripts = [name for name in files if name.startswith("hwgw/")]
    servers = []
    for host in hosts:
        server = describe(ns, host, rescan)
        servers.append(server)
        if host != HOME and server["hasAdminRights"] and server["maxRam"] > 0 \
                and (not rescan or not ns.fileExists(WORKER_SCRIPT[HACK], host)):
            ns.scp(scripts, host, HOME)  # copied again, the game would load every script there anew
    body = {"player": player_info(ns), "home": servers[0], "allServers": servers,
            "totalRamPool": ram_pool(servers, settings["reserve"]), "startedAt": started_at}
    bus = Bus(ns, "researcher", settings["port"])
    await bus.post(NEW_PUBLISHER, COMMAND, {"name": "researcher", "topic": topics.INITIALIZATION_INFO_RETRIEVED,
                                            "kind": EVENT})
    await bus.publish(topics.INITIALIZATION_INFO_RETRIEVED, body)
    if not rescan:
        ns.tprint(f"hwgw: researched {len(hosts)} servers, rooted {rooted} more, "
                  f"{body['totalRamPool']:.0f} GB for workers")
        ns.writePort(topics.report_port(settings), "research done")
    elif rooted > 0:
        ns.tprint(f"hwgw: rooted {rooted} more server(s); {body['totalRamPool']:.0f} GB for workers")

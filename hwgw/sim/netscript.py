"""The ns functions the emulator answers, by their Netscript names.

Each takes (emulator, calling script, argument list) and returns a JSON value, or an Event for a promise that
resolves when the event fires. Ports, logs, args/pid and atExit live on the Node side (harness.mjs).
"""

import math
import posixpath

from . import formulas
from ..mem.rounding import round_to_two as round2
from .model import MAX_ADDITIONAL_MSEC, NetscriptError, Person
from .world import PORT_PROGRAMS, SCRIPT_EXTENSIONS, TEXT_EXTENSIONS

NETSCRIPT = {}


def netscript(name=None):
    def register(function):
        NETSCRIPT[name or function.__name__] = function
        return function

    return register


# arguments


def arg(args: list, index: int, default=None):
    return args[index] if index < len(args) and args[index] is not None else default


def server_arg(em, script, args, index, name="host"):
    hostname = arg(args, index)
    if hostname is None or hostname == "":
        return script.host
    if not isinstance(hostname, str):
        raise NetscriptError(f"{name} should be a string, was {hostname!r}")
    server = em.servers.get(hostname)
    if server is None:
        raise NetscriptError(f"Invalid hostname: '{hostname}'")
    return server


def required_server(em, script, args, index, name="host"):
    if arg(args, index) is None:
        raise NetscriptError(f"{name} is required")
    return server_arg(em, script, args, index, name)


def number_arg(args, index, name, default=None):
    value = arg(args, index, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise NetscriptError(f"{name} should be a number, was {value!r}")
    return value


def positive_integer(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 or value != int(value):
        raise NetscriptError(f"{name} should be a positive integer, was {value!r}")
    return int(value)


def resolve_path(name, caller: str) -> str:
    """A file name as the game reads it in run/exec/scp: root-absolute, or relative with ./ and ../."""
    if not isinstance(name, str) or not name:
        raise NetscriptError(f"invalid file name {name!r}")
    if name.startswith("./") or name.startswith("../"):
        name = posixpath.join(posixpath.dirname(caller), name)
    path = posixpath.normpath("/" + name.lstrip("/"))
    if name.startswith("..") and path == "/":
        raise NetscriptError(f"invalid file name {name!r}")
    return path.lstrip("/")


def script_args(values: list) -> list:
    for value in values:
        if not isinstance(value, (str, int, float, bool)):
            raise NetscriptError(f"script arguments must be strings, numbers or booleans, not {value!r}")
    return list(values)


def run_options(value):
    """threadOrOptions of run/exec: a thread count or {threads, preventDuplicates, ramOverride, temporary}."""
    if isinstance(value, dict):
        threads = positive_integer(value.get("threads", 1), "threads")
        override = value.get("ramOverride")
        if override is not None:
            override = round2(number_arg([override], 0, "ramOverride"))
            if override < 1.6:
                raise NetscriptError(f"ramOverride must be at least 1.6, was {override}")
        return threads, bool(value.get("preventDuplicates")), override
    return positive_integer(value, "threads"), False, None


def hackable(server, fn):
    if server.purchasedByPlayer:
        raise NetscriptError("Cannot be executed on this server.")
    if not server.hasAdminRights:
        raise NetscriptError(f"Cannot {fn} this server ({server.hostname}) because you do not have root access")


# hack, grow, weaken, sleep


def job(em, script, args, kind):
    target = required_server(em, script, args, 0)
    options = arg(args, 1, {})
    if not isinstance(options, dict):
        raise NetscriptError(f"options should be an object, was {options!r}")
    threads = options.get("threads", script.threads)
    if threads is None:
        threads = script.threads
    if isinstance(threads, bool) or not isinstance(threads, (int, float)) or not threads > 0:
        raise NetscriptError(f"threads should be a positive number, was {threads!r}")
    if threads > script.threads:
        raise NetscriptError(f"Too many threads requested by {kind}. Requested: {threads}. Has: {script.threads}.")
    additional = options.get("additionalMsec", 0)
    if additional is None:
        additional = 0
    if isinstance(additional, bool) or not isinstance(additional, (int, float)) or not (
        0 <= additional <= MAX_ADDITIONAL_MSEC
    ):
        raise NetscriptError(f"additionalMsec must be a number from 0 to 1e9, was {additional!r}")
    hackable(target, kind)
    if kind == "hack" and target.requiredHackingSkill > em.player.skill:
        raise NetscriptError(
            f"Cannot hack this server ({target.hostname}) because your hacking skill is not high enough")
    return em.start_job(kind, script, target, threads, additional)


@netscript()
def hack(em, script, args):
    return job(em, script, args, "hack")


@netscript()
def grow(em, script, args):
    return job(em, script, args, "grow")


@netscript()
def weaken(em, script, args):
    return job(em, script, args, "weaken")


@netscript()
def sleep(em, script, args):
    return em.timer(number_arg(args, 0, "millis"), script.pid, value=True)


@netscript()
def asleep(em, script, args):
    return em.timer(number_arg(args, 0, "millis"), script.pid, value=True)


# scripts


def start(em, script, server, path, options, values):
    threads, no_duplicates, override = run_options(options)
    values = script_args(values)
    if no_duplicates and em.find_scripts(server, path, values):
        em.exec_failures += 1
        return 0
    return em.start_script(server, path, threads, values, override)


@netscript()
def run(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    return start(em, script, script.host, path, arg(args, 1, 1), args[2:])


@netscript("exec")
def exec_(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    server = required_server(em, script, args, 1)
    return start(em, script, server, path, arg(args, 2, 1), args[3:])


def matching(em, script, args):
    """The scripts a (pid) or (filename, host, ...args) argument list names."""
    first = arg(args, 0)
    if isinstance(first, (int, float)) and not isinstance(first, bool):
        found = em.scripts.get(first)
        return [found] if found else []
    path = resolve_path(first, script.path)
    server = server_arg(em, script, args, 1)
    return em.find_scripts(server, path, args[2:])


@netscript()
def kill(em, script, args):
    if not args:
        raise NetscriptError("kill needs a pid, or a filename and a host")
    found = matching(em, script, args)
    for victim in found:
        em.kill_script(victim)
    return bool(found)


@netscript()
def killall(em, script, args):
    server = server_arg(em, script, args, 0)
    spare_self = arg(args, 1, True)
    victims = [s for s in em.find_scripts(server) if not (spare_self and s is script)]
    for victim in victims:
        em.kill_script(victim)
    return bool(victims)


@netscript("exit")
def exit_(em, script, args):
    em.kill_script(script)


@netscript()
def isRunning(em, script, args):
    if not args:
        raise NetscriptError("isRunning needs a pid, or a filename and a host")
    return bool(matching(em, script, args))


@netscript()
def ps(em, script, args):
    server = server_arg(em, script, args, 0)
    return [
        {"filename": s.path, "threads": s.threads, "args": list(s.args), "pid": s.pid, "temporary": False}
        for s in em.find_scripts(server)
    ]


@netscript()
def getRunningScript(em, script, args):
    found = matching(em, script, args) if args else [script]
    if not found:
        return None
    s = found[0]
    return {
        "pid": s.pid, "filename": s.path, "threads": s.threads, "args": list(s.args), "server": s.host.hostname,
        "ramUsage": s.ram, "onlineRunningTime": (em.now - s.started) / 1000, "temporary": False,
        "parent": 0, "offlineRunningTime": 0, "onlineMoneyMade": 0, "onlineExpGained": 0, "logs": [],
    }


@netscript()
def getHostname(em, script, args):
    return script.host.hostname


@netscript()
def getScriptRam(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    server = server_arg(em, script, args, 1)
    return em.script_ram(server, path) or 0


# files


def file_kind(path):
    if path.endswith(SCRIPT_EXTENSIONS + TEXT_EXTENSIONS):
        return "file"
    if path.endswith(".exe"):
        return "program"
    return None


@netscript()
def scp(em, script, args):
    files = arg(args, 0)
    files = [files] if isinstance(files, str) else files
    if not isinstance(files, list) or not files:
        raise NetscriptError("files should be a file name or a list of file names")
    destination = required_server(em, script, args, 1, "destination")
    source = server_arg(em, script, args, 2, "source")
    paths = [resolve_path(name, script.path) for name in files]
    for path in paths:
        if file_kind(path) != "file":
            raise NetscriptError(f"{path}: only scripts and text files can be copied")
    copied = True
    for path in paths:
        if path in source.files:
            em.write_file(destination, path, source.files[path])
        else:
            copied = False
    return copied


@netscript()
def fileExists(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    server = server_arg(em, script, args, 1)
    if path in server.files:
        return True
    return server.hostname == "home" and path in em.player.programs


@netscript()
def ls(em, script, args):
    server = server_arg(em, script, args, 0)
    grep = arg(args, 1, "")
    names = list(server.files)
    if server.hostname == "home":
        names += list(em.player.programs)
    return sorted(name for name in names if grep in name)


@netscript()
def write(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    if not path.endswith(TEXT_EXTENSIONS):
        raise NetscriptError(f"{path}: write only handles text files (.txt, .json, .css) in the emulator")
    data = arg(args, 1, "")
    mode = arg(args, 2, "a")
    old = script.host.files.get(path, "") if mode == "a" else ""
    em.write_file(script.host, path, old + str(data))


@netscript()
def read(em, script, args):
    path = resolve_path(arg(args, 0), script.path)
    return script.host.files.get(path, "")


# servers and the network


@netscript()
def scan(em, script, args):
    return list(server_arg(em, script, args, 0).neighbours)


@netscript()
def serverExists(em, script, args):
    return arg(args, 0) in em.servers


@netscript()
def hasRootAccess(em, script, args):
    return required_server(em, script, args, 0).hasAdminRights


@netscript()
def nuke(em, script, args):
    server = required_server(em, script, args, 0)
    if "NUKE.exe" not in em.player.programs:
        raise NetscriptError("You do not have the NUKE.exe virus!")
    if server.hasAdminRights:
        return True
    if server.openPortCount < server.numOpenPortsRequired:
        raise NetscriptError("Not enough ports opened to use NUKE.exe virus.")
    server.hasAdminRights = True
    return True


def port_opener(fn, program, flag):
    def opener(em, script, args):
        server = required_server(em, script, args, 0)
        if program not in em.player.programs:
            raise NetscriptError(f"You do not have the {program} program!")
        setattr(server, flag, True)
        return True

    return opener


for _fn, (_program, _flag) in PORT_PROGRAMS.items():
    NETSCRIPT[_fn] = port_opener(_fn, _program, _flag)


@netscript()
def getServer(em, script, args):
    return server_arg(em, script, args, 0).to_netscript()


def server_field(attribute):
    def getter(em, script, args):
        return getattr(required_server(em, script, args, 0), attribute)

    return getter


for _fn, _attribute in {
    "getServerMaxMoney": "moneyMax",
    "getServerSecurityLevel": "hackDifficulty",
    "getServerMinSecurityLevel": "minDifficulty",
    "getServerBaseSecurityLevel": "baseDifficulty",
    "getServerGrowth": "serverGrowth",
    "getServerRequiredHackingLevel": "requiredHackingSkill",
    "getServerNumPortsRequired": "numOpenPortsRequired",
    "getServerMaxRam": "maxRam",
    "getServerUsedRam": "ramUsed",
}.items():
    NETSCRIPT[_fn] = server_field(_attribute)


@netscript()
def getServerMoneyAvailable(em, script, args):
    server = required_server(em, script, args, 0)
    return em.player.money if server.hostname == "home" else server.moneyAvailable


@netscript()
def getPurchasedServers(em, script, args):
    return [s.hostname for s in em.servers.values() if s.purchasedByPlayer and s.hostname != "home"]


NETSCRIPT["cloud.getServerNames"] = getPurchasedServers


@netscript("cloud.getServerLimit")
def getServerLimit(em, script, args):
    return 25


@netscript("cloud.getRamLimit")
def getRamLimit(em, script, args):
    return 2**20


# the player


@netscript()
def getPlayer(em, script, args):
    return em.player.to_netscript()


@netscript()
def getHackingLevel(em, script, args):
    return em.player.skill


@netscript()
def getHackingMultipliers(em, script, args):
    mults = em.player.mults
    return {"chance": mults["hacking_chance"], "speed": mults["hacking_speed"], "money": mults["hacking_money"],
            "growth": mults["hacking_grow"]}


@netscript()
def getBitNodeMultipliers(em, script, args):
    return dict(em.player.bitnode)


# analysis


def target_fields(em, script, args, index=0):
    server = required_server(em, script, args, index)
    return server, vars(server)


@netscript()
def hackAnalyze(em, script, args):
    server, fields = target_fields(em, script, args)
    return 0 if server.purchasedByPlayer else em.hack_percent(fields, em.person())


@netscript()
def hackAnalyzeChance(em, script, args):
    server, fields = target_fields(em, script, args)
    return 0 if server.purchasedByPlayer else em.hack_chance(fields, em.person())


@netscript()
def hackAnalyzeThreads(em, script, args):
    server, fields = target_fields(em, script, args)
    amount = number_arg(args, 1, "hackAmount")
    if server.purchasedByPlayer or amount < 0 or amount > server.moneyAvailable:
        return -1
    if amount == 0:
        return 0
    percent = em.hack_percent(fields, em.person())
    if percent == 0 or server.moneyAvailable == 0:
        return math.inf
    return amount / (server.moneyAvailable * percent)


@netscript()
def hackAnalyzeSecurity(em, script, args):
    threads = number_arg(args, 0, "threads")
    if arg(args, 1) is not None:
        server, fields = target_fields(em, script, args, 1)
        percent = em.hack_percent(fields, em.person())
        threads = min(threads, math.ceil(1 / percent)) if percent > 0 else threads
    return formulas.FORTIFY_AMOUNT * threads


@netscript()
def growthAnalyze(em, script, args):
    server, fields = target_fields(em, script, args)
    multiplier = number_arg(args, 1, "multiplier")
    cores = positive_integer(arg(args, 2, 1), "cores")
    if multiplier < 1:
        raise NetscriptError(f"multiplier must be at least 1, was {multiplier}")
    return formulas.grow_cycles(multiplier, em.grow_k(fields, em.person(), cores))


@netscript()
def growthAnalyzeSecurity(em, script, args):
    threads = number_arg(args, 0, "threads")
    cores = positive_integer(arg(args, 2, 1), "cores")
    if arg(args, 1) is not None:
        server, fields = target_fields(em, script, args, 1)
        k = em.grow_k(fields, em.person(), cores)
        if k > 0:
            needed = formulas.grow_threads(server.moneyAvailable, server.moneyMax, k, server.moneyMax)
            threads = min(threads, needed)
    return 2 * formulas.FORTIFY_AMOUNT * threads


@netscript()
def weakenAnalyze(em, script, args):
    threads = number_arg(args, 0, "threads")
    cores = positive_integer(arg(args, 1, 1), "cores")
    return formulas.weaken_effect(threads, cores, em.player.bitnode["ServerWeakenRate"])


def time_of(factor):
    def getter(em, script, args):
        server, fields = target_fields(em, script, args)
        return em.hack_seconds(fields, em.person()) * factor * 1000

    return getter


NETSCRIPT["getHackTime"] = time_of(1)
NETSCRIPT["getGrowTime"] = time_of(3.2)
NETSCRIPT["getWeakenTime"] = time_of(4)


# formulas.hacking, on caller-supplied server and player objects


def formula_inputs(em, args, server_index=0, person_index=1):
    if "Formulas.exe" not in em.player.programs:
        raise NetscriptError("Requires Formulas.exe to run.")
    server = arg(args, server_index)
    player = arg(args, person_index)
    if not isinstance(server, dict) or not isinstance(player, dict):
        raise NetscriptError("needs a server object and a player object (see ns.getServer, ns.getPlayer)")
    defaults = {"hasAdminRights": True, "baseDifficulty": server.get("hackDifficulty", 1)}
    server = {**defaults, **server}
    try:
        person = Person(player["skills"]["hacking"], player["skills"].get("intelligence", 0),
                        {**em.player.mults, **player.get("mults", {})})
    except (KeyError, TypeError):
        raise NetscriptError("the player object needs skills.hacking") from None
    return server, person


def formula(name):
    def register(function):
        NETSCRIPT[f"formulas.hacking.{name}"] = function
        return function

    return register


@formula("hackChance")
def formula_hack_chance(em, script, args):
    server, person = formula_inputs(em, args)
    return em.hack_chance(server, person)


@formula("hackPercent")
def formula_hack_percent(em, script, args):
    server, person = formula_inputs(em, args)
    return em.hack_percent(server, person)


@formula("hackExp")
def formula_hack_exp(em, script, args):
    server, person = formula_inputs(em, args)
    return em.exp_per_thread(server, person)


def formula_time(name, factor):
    def getter(em, script, args):
        server, person = formula_inputs(em, args)
        return em.hack_seconds(server, person) * factor * 1000

    NETSCRIPT[f"formulas.hacking.{name}"] = getter


formula_time("hackTime", 1)
formula_time("growTime", 3.2)
formula_time("weakenTime", 4)


@formula("growPercent")
def formula_grow_percent(em, script, args):
    server, person = formula_inputs(em, args, 0, 2)
    threads = number_arg(args, 1, "threads")
    cores = positive_integer(arg(args, 3, 1), "cores")
    return math.exp(em.grow_k(server, person, cores) * threads)


@formula("growAmount")
def formula_grow_amount(em, script, args):
    server, person = formula_inputs(em, args)
    threads = number_arg(args, 2, "threads")
    cores = positive_integer(arg(args, 3, 1), "cores")
    k = em.grow_k(server, person, cores)
    return formulas.grow_money(server["moneyAvailable"], threads, k, server["moneyMax"])


@formula("growThreads")
def formula_grow_threads(em, script, args):
    server, person = formula_inputs(em, args)
    goal = number_arg(args, 2, "targetMoney")
    cores = positive_integer(arg(args, 3, 1), "cores")
    k = em.grow_k(server, person, cores)
    if k <= 0:
        return math.inf
    return formulas.grow_threads(server["moneyAvailable"], goal, k, server["moneyMax"])


@formula("weakenEffect")
def formula_weaken_effect(em, script, args):
    if "Formulas.exe" not in em.player.programs:
        raise NetscriptError("Requires Formulas.exe to run.")
    threads = number_arg(args, 0, "threads")
    cores = positive_integer(arg(args, 1, 1), "cores")
    return formulas.weaken_effect(threads, cores, em.player.bitnode["ServerWeakenRate"])


# terminal output


@netscript()
def tprint(em, script, args):
    em.terminal.append(f"{script.path}: {arg(args, 0, '')}")


@netscript()
def toast(em, script, args):
    em.terminal.append(f"[toast {arg(args, 1, 'success')}] {arg(args, 0, '')}")


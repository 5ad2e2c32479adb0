"""The emulated game world: servers, the network between them, and the player."""

import hashlib
import json
import math
import random
from dataclasses import dataclass, field
from importlib import resources

from . import formulas

PORT_PROGRAMS = {
    "brutessh": ("BruteSSH.exe", "sshPortOpen"),
    "ftpcrack": ("FTPCrack.exe", "ftpPortOpen"),
    "relaysmtp": ("relaySMTP.exe", "smtpPortOpen"),
    "httpworm": ("HTTPWorm.exe", "httpPortOpen"),
    "sqlinject": ("SQLInject.exe", "sqlPortOpen"),
}
ALL_PROGRAMS = ["NUKE.exe"] + [program for program, _ in PORT_PROGRAMS.values()] + ["Formulas.exe"]

SCRIPT_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx")
TEXT_EXTENSIONS = (".txt", ".json", ".css")


@dataclass(eq=False)
class Server:
    hostname: str
    organizationName: str = ""
    maxRam: float = 0.0
    cpuCores: int = 1
    hasAdminRights: bool = False
    purchasedByPlayer: bool = False
    requiredHackingSkill: int = 1
    numOpenPortsRequired: int = 5
    baseDifficulty: float = 1.0
    hackDifficulty: float = 1.0
    minDifficulty: float = 1.0
    moneyAvailable: float = 0.0
    moneyMax: float = 0.0
    serverGrowth: float = 1.0
    sshPortOpen: bool = False
    ftpPortOpen: bool = False
    smtpPortOpen: bool = False
    httpPortOpen: bool = False
    sqlPortOpen: bool = False
    backdoorInstalled: bool = False
    neighbours: list = field(default_factory=list)
    files: dict = field(default_factory=dict)
    hashes: dict = field(default_factory=dict)
    ramUsed: float = 0.0
    files_version: int = 0
    _signature: tuple = (-1, "")

    @property
    def openPortCount(self) -> int:
        return sum(getattr(self, flag) for _, flag in PORT_PROGRAMS.values())

    @property
    def hackable(self) -> bool:
        return not self.purchasedByPlayer

    def write_file(self, path: str, content: str) -> None:
        if self.files.get(path) != content:
            self.files[path] = content
            self.hashes[path] = hashlib.sha1(content.encode()).hexdigest()
            self.files_version += 1

    def script_files(self) -> dict:
        return {p: c for p, c in self.files.items() if p.endswith(SCRIPT_EXTENSIONS)}

    def script_hashes(self) -> dict:
        return {p: h for p, h in self.hashes.items() if p.endswith(SCRIPT_EXTENSIONS)}

    def signature(self) -> str:
        """A name for the current set of script files here: equal sets on two hosts share compiled modules."""
        version, signature = self._signature
        if version != self.files_version:
            listing = "\n".join(f"{p} {h}" for p, h in sorted(self.script_hashes().items()))
            signature = hashlib.sha1(listing.encode()).hexdigest()[:16]
            self._signature = (self.files_version, signature)
        return signature

    def to_netscript(self) -> dict:
        """The object `ns.getServer` returns."""
        return {
            "hostname": self.hostname,
            "ip": ip_of(self.hostname),
            "organizationName": self.organizationName,
            "isConnectedTo": self.hostname == "home",
            "cpuCores": self.cpuCores,
            "ramUsed": self.ramUsed,
            "maxRam": self.maxRam,
            "hasAdminRights": self.hasAdminRights,
            "purchasedByPlayer": self.purchasedByPlayer,
            "backdoorInstalled": self.backdoorInstalled,
            "sshPortOpen": self.sshPortOpen,
            "ftpPortOpen": self.ftpPortOpen,
            "smtpPortOpen": self.smtpPortOpen,
            "httpPortOpen": self.httpPortOpen,
            "sqlPortOpen": self.sqlPortOpen,
            "baseDifficulty": self.baseDifficulty,
            "hackDifficulty": self.hackDifficulty,
            "minDifficulty": self.minDifficulty,
            "moneyAvailable": self.moneyAvailable,
            "moneyMax": self.moneyMax,
            "numOpenPortsRequired": self.numOpenPortsRequired,
            "openPortCount": self.openPortCount,
            "requiredHackingSkill": self.requiredHackingSkill,
            "serverGrowth": self.serverGrowth,
        }


def ip_of(hostname: str) -> str:
    digest = hashlib.sha256(hostname.encode()).digest()
    return ".".join(str(b) for b in digest[:4])


MULT_NAMES = ("hacking", "hacking_chance", "hacking_speed", "hacking_money", "hacking_grow", "hacking_exp")
BITNODE_NAMES = (
    "HackingLevelMultiplier",
    "HackingSpeedMultiplier",
    "HackExpGain",
    "ScriptHackMoney",
    "ScriptHackMoneyGain",
    "ServerGrowthRate",
    "ServerWeakenRate",
    "ServerMaxMoney",
    "ServerStartingMoney",
    "ServerStartingSecurity",
)


@dataclass(eq=False)
class Player:
    exp: float = 0.0
    money: float = 0.0
    intelligence: float = 0.0
    programs: set = field(default_factory=set)
    mults: dict = field(default_factory=lambda: dict.fromkeys(MULT_NAMES, 1.0))
    bitnode: dict = field(default_factory=lambda: dict.fromkeys(BITNODE_NAMES, 1.0))
    bitNodeN: int = 1
    skill: int = 1

    def __post_init__(self):
        self.skill = self.skill_for(self.exp)

    def skill_for(self, exp: float) -> int:
        return formulas.skill_from_exp(exp, self.mults["hacking"] * self.bitnode["HackingLevelMultiplier"])

    def gain_exp(self, amount: float) -> None:
        self.exp += amount
        self.skill = self.skill_for(self.exp)

    def to_netscript(self) -> dict:
        """The object `ns.getPlayer` returns (the parts a hacking script reads)."""
        skills = dict.fromkeys(("hacking", "strength", "defense", "dexterity", "agility", "charisma"), 1)
        skills["hacking"] = self.skill
        skills["intelligence"] = self.intelligence
        exp = dict.fromkeys(("hacking", "strength", "defense", "dexterity", "agility", "charisma", "intelligence"), 0)
        exp["hacking"] = self.exp
        return {
            "money": self.money,
            "skills": skills,
            "exp": exp,
            "mults": dict(self.mults),
            "city": "Sector-12",
            "bitNodeN": self.bitNodeN,
            "hp": {"current": 10, "max": 10},
            "numPeopleKilled": 0,
            "entropy": 0,
            "jobs": {},
            "factions": [],
            "totalPlaytime": 0,
            "location": "Travel Agency",
            "karma": 0,
        }


def load_server_data() -> list:
    text = resources.files("hwgw.sim").joinpath("servers.json").read_text()
    return json.loads(text)["servers"]


def draw(rng: random.Random, bounds, how: str):
    low, high = bounds
    if how == "min":
        return low
    if how == "max":
        return high
    return rng.randint(low, high)


def build_servers(rng: random.Random, how: str, bitnode: dict, home: Server) -> dict:
    """Every game server with its ranged values drawn, linked into the network below `home`."""
    servers = {}
    layers = {}
    for meta in load_server_data():
        real_security = draw(rng, meta["hackDifficulty"], how) * bitnode["ServerStartingSecurity"]
        start_money = draw(rng, meta["moneyAvailable"], how)
        exponent = meta["maxRamExponent"]
        server = Server(
            hostname=meta["hostname"],
            organizationName=meta["organizationName"],
            requiredHackingSkill=draw(rng, meta["requiredHackingSkill"], how),
            numOpenPortsRequired=meta["numOpenPortsRequired"],
            baseDifficulty=min(real_security, 100),
            hackDifficulty=min(real_security, 100),
            minDifficulty=min(max(1, math.floor(real_security / 3 + 0.5)), 100),
            moneyAvailable=start_money * bitnode["ServerStartingMoney"],
            moneyMax=25 * start_money * bitnode["ServerMaxMoney"],
            serverGrowth=draw(rng, meta["serverGrowth"], how),
            maxRam=float(2 ** draw(rng, exponent, how)) if exponent else 0.0,
        )
        if meta["networkLayer"]:
            layer = draw(rng, meta["networkLayer"], how)
            server.cpuCores = draw(rng, (math.ceil(layer / 2), layer), how)
            layers.setdefault(layer, []).append(server)
        servers[server.hostname] = server
    previous = [home]
    for layer in sorted(layers):
        for server in layers[layer]:
            link(server, rng.choice(previous))
        previous = layers[layer]
    return servers


def link(a: Server, b: Server) -> None:
    a.neighbours.append(b.hostname)
    b.neighbours.append(a.hostname)

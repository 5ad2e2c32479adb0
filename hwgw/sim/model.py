"""What the emulator keeps for each running script, hack/grow/weaken call and timer, and the errors an ns call or a
scenario's start raises: shared by the engine and the ns functions."""

from dataclasses import dataclass, field

from .world import Server

PERF_ORIGIN_MS = 300_000.0
MAX_ADDITIONAL_MSEC = 1e9
BASE_RAM = 1.6


class NetscriptError(Exception):
    """An error the called ns function throws in the script."""


class StartError(Exception):
    """A script the scenario asks for cannot start."""


@dataclass(eq=False)
class Script:
    pid: int
    host: Server
    path: str
    threads: int
    args: list
    ram: float
    started: float
    waits: set = field(default_factory=set)
    charged: set = field(default_factory=set)
    dynamic_ram: float = BASE_RAM
    batch: tuple = None
    command: str = None
    expected_end: float = None


@dataclass(eq=False)
class Job:
    """One hack, grow or weaken call, as the emulator saw it."""

    kind: str
    pid: int
    host: str
    target: str
    threads: float
    start: float
    duration: float
    due: float
    start_security: float
    batch: tuple = None
    command: str = None
    expected_end: float = None
    end: float = None
    landing: int = None
    result: float = None
    restored: bool = None
    chance: float = None
    roll: float = None


@dataclass(eq=False)
class Event:
    id: int
    due: float
    pid: int = 0
    job: Job = None
    value: object = None
    cancelled: bool = False
    action: str = None  # None: resolve the wait `id` on the Node side; "start"/"end": start or end script `pid`;
    # "world": a scenario event; "autosave": a block of the game's save
    nesting: int = 0
    wait: int = None  # the Node side's id of the wait it resolves, if that side chose it (a port wake)

    def __lt__(self, other):
        return (self.due, self.id) < (other.due, other.id)


@dataclass
class Person:
    """The parts of a player the hacking formulas read."""

    skill: float
    intelligence: float
    mults: dict

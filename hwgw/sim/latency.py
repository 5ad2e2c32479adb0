"""What takes time in the game and none in a naive emulator: timers running late, a script starting a moment after
exec returned its pid (longer the first time a server loads it), a port write waking its reader, a finished script's
RAM coming free, hack/grow/weaken landing after their announced time, and the game's autosave stopping the page.

Each is a distribution measured in the real game (hwgw/sim/latency.json, written by bench/bench_game_latency.py),
given as a few quantiles per profile ("quiet": nothing else running; "loaded": 500 scripts running). A delay is
sampled once per call by linear interpolation of the inverse CDF between those quantiles, from a generator seeded
per effect, so that turning one effect off leaves the samples of the others as they were.
"""

import json
import random
import re
from importlib import resources

from .model import StartError

PROFILES = ("none", "quiet", "loaded")
EFFECTS = {
    "timers": "ns.sleep and setTimeout run late, and a timer nested 5 deep waits at least 4 ms",
    "exec": "a script's main starts a moment after exec returned its pid",
    "first_load": "the first exec of a script on a server also loads its modules there",
    "exec_call": "ns.exec blocks the page while it runs, far longer the first time a server loads the script",
    "port_wake": "a port write wakes its nextPortWrite reader a moment later",
    "ram_free": "a script's RAM comes free a moment after its main returned",
    "hgw": "hack/grow/weaken land off their announced time (mostly later)",
    "autosave": "the game saves itself every minute and the page stops meanwhile: timers due then fire after it",
}
DISTRIBUTIONS = {
    "exec": "exec_to_first_line",
    "first_load": "exec_first_on_host",
    "port_wake": "port_write_to_wake",
    "ram_free": "exit_to_ram_free",
    "hgw": "hgw_late",
    "exec_call": "exec_call",
    "exec_call_first": "exec_call_first_on_host",
}
SLEEP = re.compile(r"sleep_late_(\d+)$")
NESTED_DEPTH = 5
NESTED_MIN_MS = 4


class LatencyError(StartError):
    """A latency setting or data file the emulator cannot use."""


class Distribution:
    """A distribution given by quantiles {"0": low, "0.5": median, ..., "1": high}."""

    def __init__(self, name: str, quantiles: dict):
        try:
            points = sorted((float(p), float(v)) for p, v in quantiles.items())
        except (AttributeError, TypeError, ValueError):
            raise LatencyError(f'"{name}": quantiles must map numbers from 0 to 1 to milliseconds') from None
        if len(points) < 2 or points[0][0] != 0 or points[-1][0] != 1:
            raise LatencyError(f'"{name}": give at least the quantiles "0" and "1"')
        if any(b[1] < a[1] for a, b in zip(points, points[1:])):
            raise LatencyError(f'"{name}": quantile values must not decrease')
        self.points = points

    def at(self, u: float) -> float:
        """The value at cumulative probability `u` (0 <= u <= 1)."""
        for (p0, v0), (p1, v1) in zip(self.points, self.points[1:]):
            if u <= p1:
                return v0 if p1 == p0 else v0 + (v1 - v0) * (u - p0) / (p1 - p0)
        return self.points[-1][1]

    @property
    def low(self) -> float:
        return self.points[0][1]

    @property
    def high(self) -> float:
        return self.points[-1][1]


def package_data():
    """The measured latencies shipped with hwgw, or None if they were never measured."""
    file = resources.files("hwgw.sim").joinpath("latency.json")
    return json.loads(file.read_text()) if file.is_file() else None


def parse_setting(value) -> tuple:
    """(profile, effects on) from the scenario's settings.latency: "none", "quiet", "loaded", or
    {"profile": "quiet", "<effect>": false, ...}."""
    if isinstance(value, str):
        value = {"profile": value}
    if not isinstance(value, dict):
        raise LatencyError(f'"settings.latency" must be one of {", ".join(PROFILES)} or an object like '
                           '{"profile": "quiet", "hgw": false}')
    profile = value.get("profile", "quiet")
    if profile not in PROFILES:
        raise LatencyError(f'"settings.latency": unknown profile {json.dumps(profile)}; use one of {", ".join(PROFILES)}')
    effects = set()
    for name, on in value.items():
        if name == "profile":
            continue
        if name not in EFFECTS:
            raise LatencyError(f'"settings.latency": unknown effect "{name}"; the effects are {", ".join(EFFECTS)}')
        if not isinstance(on, bool):
            raise LatencyError(f'"settings.latency.{name}" must be true or false')
    if profile != "none":
        effects = {name for name in EFFECTS if value.get(name, True)}
    return profile, effects


class Latency:
    """Seeded delays, in ms, for the effects a scenario turns on."""

    def __init__(self, setting, seed, data: dict = None):
        self.profile, self.effects = parse_setting(setting)
        self.sleeps = []
        self.autosave = None
        self.load_sizes = None
        self.distributions = {}
        self.rngs = {name: random.Random(f"latency:{name}:{seed}") for name in EFFECTS}
        if not self.effects:
            return
        data = package_data() if data is None else data
        if data is None:
            raise LatencyError(f'latency profile "{self.profile}" needs the measured latencies in hwgw/sim/latency.json '
                               '(run bench/bench_game_latency.py), or use "latency": "none"')
        self.load_sizes = data.get("first_load_sizes")
        table = data.get("profiles", {}).get(self.profile)
        if not isinstance(table, dict):
            raise LatencyError(f'the latency data has no profile "{self.profile}"')
        for effect, name in DISTRIBUTIONS.items():
            if effect.removesuffix("_first") not in self.effects:
                continue
            if name not in table:
                effect = effect.removesuffix("_first")
                raise LatencyError(f'latency profile "{self.profile}" has no "{name}" ({EFFECTS[effect]}); '
                                   f'turn it off with "latency": {{"profile": "{self.profile}", "{effect}": false}}')
            self.distributions[effect] = Distribution(name, table[name]["quantiles"])
        if "autosave" in self.effects:
            self.autosave = data.get("autosave")
            if not isinstance(self.autosave, dict):
                raise LatencyError('the latency data has no "autosave" (the page stopping while the game saves); '
                                   f'turn it off with "latency": {{"profile": "{self.profile}", "autosave": false}}')
            self.distributions["autosave"] = Distribution("autosave", self.autosave["quantiles"])
        if "timers" in self.effects:
            self.sleeps = sorted((int(m.group(1)), Distribution(name, entry["quantiles"]))
                                 for name, entry in table.items() if (m := SLEEP.match(name)))
            if not self.sleeps:
                raise LatencyError(f'latency profile "{self.profile}" has no "sleep_late_<ms>" distributions; '
                                   f'turn timers off with "latency": {{"profile": "{self.profile}", "timers": false}}')

    def on(self, effect: str) -> bool:
        return effect in self.effects

    def sample(self, effect: str) -> float:
        """A delay of `effect` (0 if it is off)."""
        if effect not in self.distributions:
            return 0.0
        return self.distributions[effect].at(self.rngs[effect.removesuffix("_first")].random())

    def first_load_share(self, size: int) -> float:
        """A script's first-load block relative to the measured one (a Python-built probe), by the size of what it
        loads: the game parses and links every module of a script at its first run on a server. Linear in the size,
        through the probe's median and the lean workers' (1 when the data has no sizes)."""
        sizes = self.load_sizes
        if not sizes or "exec_call_first" not in self.distributions:
            return 1.0
        probe_ms = self.distributions["exec_call_first"].at(0.5)
        slope = (probe_ms - sizes["lean_ms"]) / (sizes["probe_bytes"] - sizes["lean_bytes"])
        return (sizes["lean_ms"] + slope * (size - sizes["lean_bytes"])) / probe_ms

    def first_autosave(self) -> float:
        """When the first autosave comes, in ms from the start: the game's save timer runs from the page's load,
        not from the system's start, so anywhere in the first interval unless the data says when."""
        if "first_ms" in self.autosave:
            return self.autosave["first_ms"]
        return self.rngs["autosave"].uniform(0, self.autosave["every_ms"])

    def timer(self, delay_ms: float, nesting: int) -> float:
        """When a timer of `delay_ms` (already whole ms) set at nesting depth `nesting` fires, in ms from now.

        Lateness comes from the sleep distribution measured nearest `delay_ms` (between two measured delays, the
        value at the same probability, interpolated). It was measured in a loop of sleeps, so it already holds
        whatever clamp the browser applied there: the clamp is a floor, and a nested timer fires at the later of its
        clamped delay and its delay plus lateness."""
        if "timers" not in self.effects:
            return delay_ms
        u = self.rngs["timers"].random()
        below = [(d, dist) for d, dist in self.sleeps if d <= delay_ms] or self.sleeps[:1]
        above = [(d, dist) for d, dist in self.sleeps if d >= delay_ms] or self.sleeps[-1:]
        (d0, low), (d1, high) = below[-1], above[0]
        late = low.at(u) if d1 == d0 else low.at(u) + (high.at(u) - low.at(u)) * (delay_ms - d0) / (d1 - d0)
        clamped = max(delay_ms, NESTED_MIN_MS) if nesting >= NESTED_DEPTH else delay_ms
        return max(clamped, delay_ms + late)

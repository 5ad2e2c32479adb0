"""The emulator: game state, the virtual clock, and the loop that serves the Node side (harness.mjs).

Time is in milliseconds since the start of the simulation. A hack/grow/weaken fixes its duration when it is called
and applies its effect when its timer fires, with the state of that moment, one landing at a time, the way the game's
timer callbacks run.
"""

import heapq
import itertools
import json
import math
import random
import time
from collections import Counter
from importlib import resources

from ..mem.rounding import round_to_two as round2
from . import formulas
from .link import HarnessError, NodeLink
from .latency import Latency
from .model import PERF_ORIGIN_MS, Event, Job, NetscriptError, Person, Script, StartError
from .netscript import NETSCRIPT
from .report import money
from .world import Player, Server, build_servers, link

COST_FILES = {"3.0": "ramcosts-3.0.json", "2.8.1": "ramcosts-2.8.1.json"}


def calculator_ram(scripts: dict, entry: str, host: str, version: str):
    from ..mem import calculate_ram

    return calculate_ram(scripts, entry, version=version, server=host)


def function_costs(version: str) -> dict:
    """Every Netscript function of a game version by its full name ("cloud.getServerNames"), with its RAM cost."""
    table = json.loads(resources.files("hwgw.mem").joinpath(COST_FILES[version]).read_text())
    return {name: cost for name, cost in table.items() if isinstance(cost, (int, float))}


class Emulator:
    def __init__(self, scenario: dict, files: dict = None, node_args=(), latency_data: dict = None):
        """`node_args`: extra options for the Node process (e.g. --cpu-prof); `latency_data`: measured latencies in
        the format of hwgw/sim/latency.json (default: that file)."""
        self.node_args = list(node_args)
        self.settings = scenario["settings"]
        self.version = self.settings["game_version"]
        self.costs = function_costs(self.version)
        seed = scenario["seed"]
        self.seed = seed
        self.hack_rng = random.Random(f"hack:{seed}")
        self.timer_rng = random.Random(f"timer:{seed}")
        self.latency = Latency(self.settings["latency"], seed, latency_data)
        self.loaded = {}
        self.nesting = 0
        self.ram_cache = {}
        self.sources = {}
        self.wall = {"landings": 0.0, "RAM pricing": 0.0}
        self.call_wall = Counter()
        self.link_wall = self.node_wall = None
        self.messages = 0
        self.cpu_s = 0.0

        info = scenario["player"]
        self.player = Player(money=float(info["money"]), intelligence=info["intelligence"], programs=set(info["programs"]),
                             bitNodeN=info["bitNodeN"])
        self.player.mults.update(info["mults"])
        self.player.bitnode.update(scenario["bitnode"])
        level_mult = self.player.mults["hacking"] * self.player.bitnode["HackingLevelMultiplier"]
        exp = info.get("exp")
        self.player.gain_exp(formulas.exp_for_skill(info["hacking"], level_mult) if exp is None else exp)

        home = Server("home", organizationName="Home", maxRam=float(scenario["home"]["ram"]),
                      cpuCores=scenario["home"]["cores"], hasAdminRights=True, purchasedByPlayer=True)
        self.servers = {"home": home}
        world_rng = random.Random(f"world:{seed}")
        self.servers.update(build_servers(world_rng, scenario["servers"]["draw"], self.player.bitnode, home))
        bought = scenario["purchased"]
        for i in range(bought["count"]):
            server = Server(f"{bought['prefix']}{i}", maxRam=float(bought["ram"]), hasAdminRights=True,
                            purchasedByPlayer=True)
            server.neighbours.append("home")
            home.neighbours.append(server.hostname)
            self.servers[server.hostname] = server
        for host, fields in scenario["servers"]["add"].items():
            self.servers[host] = Server(host, **fields)
        for host, fields in scenario["servers"]["set"].items():
            for name, value in fields.items():
                setattr(self.servers[host], name, value)
        for path, content in (files or {}).items():
            self.write_file(home, path, content)

        self.now = 0.0
        self.events = []
        self.microtasks: list[Event] = []  # port wakes, in order (see next_event)
        self.ids = itertools.count(1)
        self.scripts = {}
        self.next_pid = 1
        self.outbox = []
        self.jobs = []
        self.landings = itertools.count()
        self.traces = {}
        self.errors = []
        self.terminal = []
        self.exec_failures = 0
        self.ram_used = 0.0
        self.ram_peak = 0.0
        self.ram_area = 0.0
        self.money_start = self.player.money
        self.skill_start = self.player.skill
        self.first_hack_money = None
        self.world_events: list[dict] = []
        for event in scenario["events"]:
            self.schedule(event["at_s"] * 1000, value=event, action="world")
        if self.latency.on("autosave"):
            self.schedule(self.latency.first_autosave(), value=0, action="autosave")

    # files and RAM

    def write_file(self, server: Server, path: str, content: str) -> None:
        server.write_file(path, content)
        self.sources[server.hashes[path]] = content

    def script_ram(self, server: Server, path: str):
        """RAM per thread of `path` as the game computes it against `server`'s files, None if it cannot."""
        return self.ram_result(server, path).ram if path in server.files else None

    def ram_result(self, server: Server, path: str):
        key = (server.signature(), path)
        if key not in self.ram_cache:
            started = time.perf_counter()
            self.ram_cache[key] = calculator_ram(server.script_files(), path, server.hostname, self.version)
            self.wall["RAM pricing"] += time.perf_counter() - started
        return self.ram_cache[key]

    def why_not(self, server: Server, path: str, threads: int) -> str:
        """Why exec of `path` on `server` would return 0."""
        if not server.hasAdminRights:
            return f"no root access on {server.hostname}"
        if path not in server.files:
            return f"no file {path} on {server.hostname}"
        result = self.ram_result(server, path)
        if result.ram is None:
            return f"its RAM cannot be computed: {result.error}"
        return (f"{threads} thread(s) x {result.ram} GB do not fit in the "
                f"{server.maxRam - server.ramUsed:g} GB free on {server.hostname}")

    def change_ram(self, server: Server, amount: float) -> None:
        server.ramUsed = round2(server.ramUsed + amount)
        self.ram_used += amount
        self.ram_peak = max(self.ram_peak, self.ram_used)

    def pool_ram(self) -> float:
        return sum(s.maxRam for s in self.servers.values() if s.hasAdminRights)

    # scripts

    def start_script(self, server: Server, path: str, threads: int, args: list, ram_override=None) -> int:
        """Start a script the way exec does; return its pid, or 0 (counted as an exec failure)."""
        if ram_override is not None and path in server.files:
            ram = ram_override
        else:
            ram = self.script_ram(server, path)
        if not server.hasAdminRights or ram is None or ram * threads > server.maxRam - server.ramUsed + 0.001:
            self.exec_failures += 1
            return 0
        pid = self.next_pid
        self.next_pid += 1
        script = Script(pid, server, path, threads, list(args), ram, self.now)
        batch_shape = [str, str, (int, float), (int, float), (int, float)]
        if len(args) >= 5 and all(isinstance(a, t) and not isinstance(a, bool) for a, t in zip(args, batch_shape)):
            script.batch = (args[0], args[2])
            script.command = args[1]
            script.expected_end = self.from_script_clock(args[4])
        self.scripts[pid] = script
        self.change_ram(server, ram * threads)
        if self.latency.on("exec_call"):
            key = self.load_key(server, path)
            first = key not in self.loaded
            block = self.latency.sample("exec_call_first" if first else "exec_call")
            if first:
                block *= self.latency.first_load_share(self.load_bytes(server, path))
            self.advance_to(self.now + block)
            if first and not (self.latency.on("exec") or self.latency.on("first_load")):
                self.loaded[key] = self.now
        if self.latency.on("exec") or self.latency.on("first_load"):
            script.waits.add(self.schedule(0, pid, action="start", late=self.start_delay(server, path)))
        else:
            self.outbox.append(self.start_action(script))
        return pid

    @staticmethod
    def start_action(script: Script) -> list:
        server = script.host
        return ["s", script.pid, server.hostname, server.signature(), script.path, list(script.args), script.threads]

    def load_bytes(self, server: Server, path: str) -> int:
        """The size of what a first run of `path` on `server` loads: the script and every module it imports."""
        return sum(len(server.files[module]) for module in self.ram_result(server, path).modules)

    @staticmethod
    def load_key(server: Server, path: str) -> tuple:
        """What a server loads once: this copy of the script there."""
        return server.hostname, path, server.hashes[path]

    def start_delay(self, server: Server, path: str) -> float:
        """From exec to the script's main: longer at a server's first run of this script (the copy of it there),
        which loads its modules; a run that starts while they load waits for them."""
        key = self.load_key(server, path)
        loaded = self.loaded.get(key)
        if loaded is None:
            delay = self.latency.sample("first_load" if self.latency.on("first_load") else "exec")
            self.loaded[key] = self.now + delay
            return delay
        return max(self.latency.sample("exec"), loaded - self.now)

    def from_script_clock(self, value: float) -> float:
        """A time a script computed, from Date.now() (epoch ms) or performance.now(), on the emulator's clock."""
        if value >= 1e11:
            return value - self.settings["start_date_ms"]
        return value - PERF_ORIGIN_MS

    def stop_script(self, script: Script, error: str = None, log: list = ()) -> None:
        del self.scripts[script.pid]
        self.change_ram(script.host, -script.ram * script.threads)
        for event in script.waits:
            event.cancelled = True
        script.waits.clear()
        self.record_error(script, error, log)

    def end_script(self, script: Script, error: str = None, log: list = ()) -> None:
        """A script's main returned (or threw): the game ends it, and frees its RAM, a moment later."""
        if self.latency.on("ram_free"):
            self.record_error(script, error, log)
            script.waits.add(self.schedule(0, script.pid, action="end", late=self.latency.sample("ram_free")))
        else:
            self.stop_script(script, error, log)

    def record_error(self, script: Script, error: str, log: list) -> None:
        if error:
            self.errors.append({"pid": script.pid, "host": script.host.hostname, "script": script.path,
                                "time_s": self.now / 1000, "error": error, "log": list(log)})

    def kill_script(self, script: Script, error: str = None) -> None:
        self.stop_script(script, error)
        self.outbox.append(["k", script.pid])

    def find_scripts(self, server: Server, path: str = None, args: list = None) -> list:
        return [s for s in self.scripts.values() if s.host is server
                and (path is None or s.path == path) and (args is None or s.args == list(args))]

    # formulas on game-shaped objects (dicts with the game's field names)

    def person(self) -> Person:
        return Person(self.player.skill, self.player.intelligence, self.player.mults)

    def hack_chance(self, server: dict, person: Person) -> float:
        return formulas.hack_chance(
            skill=person.skill, required=server["requiredHackingSkill"], security=server["hackDifficulty"],
            rooted=server["hasAdminRights"], chance_mult=person.mults["hacking_chance"],
            intelligence=person.intelligence)

    def hack_percent(self, server: dict, person: Person) -> float:
        return formulas.hack_percent(
            skill=person.skill, required=server["requiredHackingSkill"], security=server["hackDifficulty"],
            money_mult=person.mults["hacking_money"], script_hack_money=self.player.bitnode["ScriptHackMoney"])

    def hack_seconds(self, server: dict, person: Person) -> float:
        return formulas.hack_time(
            skill=person.skill, required=server["requiredHackingSkill"], security=server["hackDifficulty"],
            speed_mult=person.mults["hacking_speed"], bn_speed=self.player.bitnode["HackingSpeedMultiplier"],
            intelligence=person.intelligence)

    def grow_k(self, server: dict, person: Person, cores: int) -> float:
        return formulas.grow_log(
            security=server["hackDifficulty"], growth=server["serverGrowth"], cores=cores,
            grow_mult=person.mults["hacking_grow"], bn_growth=self.player.bitnode["ServerGrowthRate"])

    def exp_per_thread(self, server: dict, person: Person) -> float:
        return formulas.hack_exp(base_security=server["baseDifficulty"], exp_mult=person.mults["hacking_exp"],
                                 bn_exp=self.player.bitnode["HackExpGain"])

    # the clock

    def schedule(self, delay_ms: float, pid: int = 0, job: Job = None, value=None, action: str = None,
                 late: float = 0.0, nesting: int = 0) -> Event:
        """An event `delay_ms` from now, cut to whole milliseconds as the game's setTimeout cuts it, then `late` ms
        later. `nesting`: the timer nesting depth of the task the event runs."""
        event = Event(next(self.ids), self.now + max(0, math.trunc(delay_ms)) + late, pid, job, value, action=action,
                      nesting=nesting)
        heapq.heappush(self.events, event)
        if pid:
            self.scripts[pid].waits.add(event)
        return event

    def timer(self, delay_ms: float, pid: int = 0, value=None) -> Event:
        """A setTimeout (ns.sleep is one), one nesting level deeper than the task that sets it."""
        delay = max(0, math.trunc(delay_ms))
        depth = self.nesting + 1
        return self.schedule(delay, pid, value=value, late=self.latency.timer(delay, depth) - delay, nesting=depth)

    def advance_to(self, moment: float) -> None:
        if moment > self.now:
            self.ram_area += self.ram_used * (moment - self.now)
            self.now = moment

    def next_event(self, until: float):
        """The next event to fire: a port wake first, since the game resolves it as a promise (a microtask),
        before any timer, overdue ones included; else the timer due first."""
        if self.microtasks:
            event = self.microtasks.pop(0)
            self.advance_to(event.due)
            return event
        while self.events and self.events[0].cancelled:
            heapq.heappop(self.events)
        if not self.events or self.events[0].due > until:
            return None
        event = heapq.heappop(self.events)
        low, high = self.settings["timer_lateness_ms"]
        late = self.timer_rng.uniform(low, high) if high > 0 and event.action not in ("world", "autosave") else 0.0
        self.advance_to(event.due + late)
        return event

    def fire(self, event: Event) -> None:
        self.nesting = event.nesting
        value = event.value
        if event.action == "world":
            self.apply(value)
            return
        if event.action == "autosave":
            self.save_game(value)
            return
        if event.pid:
            script = self.scripts[event.pid]
            script.waits.discard(event)
            if event.action == "start":
                self.outbox.append(self.start_action(script))
                return
            if event.action == "end":
                self.stop_script(script)
                return
            if event.job is not None:
                started = time.perf_counter()
                value = self.land(event.job, script)
                self.wall["landings"] += time.perf_counter() - started
        self.outbox.append(["r", event.id if event.wait is None else event.wait, value])

    def save_game(self, block: int) -> None:
        """One block of the game's autosave: the page does nothing else for its duration, so every timer due
        meanwhile fires after it, in order. A save comes in `blocks` blocks, `apart_ms` apart."""
        autosave = self.latency.autosave
        if block == 0:
            self.schedule(autosave["every_ms"], value=0, action="autosave")
        self.advance_to(self.now + self.latency.sample("autosave"))
        if block + 1 < autosave["blocks"]:
            self.schedule(autosave["apart_ms"], value=block + 1, action="autosave")

    # scenario events

    def apply(self, event) -> None:
        """A scenario event, at its time, as the player would do it in the game; world_events records what it did
        (a purchase the player's money does not cover does not happen)."""
        kind = next(key for key in event if key != "at_s")
        spec, player, home = event[kind], self.player, self.servers["home"]
        done = True
        if kind == "buy_server":
            cost = formulas.purchased_server_cost(spec["ram"])
            done = self.pay(cost)
            if done:
                server = Server(spec["name"], maxRam=float(spec["ram"]), hasAdminRights=True, purchasedByPlayer=True)
                self.servers[server.hostname] = server
                link(server, home)
            note = f'bought {spec["name"]} ({spec["ram"]:.0f} GB) for {money(cost)}'
        elif kind == "delete_server":
            server = self.servers.pop(spec["name"])
            killed = self.find_scripts(server)
            for script in killed:
                self.kill_script(script)
            for name in server.neighbours:
                self.servers[name].neighbours.remove(server.hostname)
            self.loaded = {key: due for key, due in self.loaded.items() if key[0] != server.hostname}
            note = f"deleted {server.hostname}, killing its {len(killed)} script(s) first"
        elif kind == "upgrade_home":
            cost = formulas.home_ram_cost(home.maxRam, spec["ram"])
            note = f'upgraded home from {home.maxRam:.0f} to {spec["ram"]:.0f} GB for {money(cost)}'
            done = self.pay(cost)
            if done:
                home.maxRam = float(spec["ram"])
        elif kind == "add_program":
            player.programs.add(spec["name"])
            note = f'added {spec["name"]}'
        elif kind == "gain_exp":
            before = player.skill
            player.gain_exp(spec["amount"])
            note = f'gained {spec["amount"]:g} hacking exp, level {before} -> {player.skill}'
        else:
            player.bitnode.update(spec)
            player.gain_exp(0)  # the level follows HackingLevelMultiplier
            note = "BitNode multipliers " + ", ".join(f"{name} {value:g}" for name, value in spec.items())
        if not done:
            note = f"not {note}: only {money(player.money)} on hand"
        self.world_events.append({"at_s": self.now / 1000, "event": {kind: spec}, "done": done, "note": note})

    def pay(self, cost: float) -> bool:
        if cost > self.player.money:
            return False
        self.player.money -= cost
        return True

    # hack, grow and weaken

    def start_job(self, kind: str, script: Script, target: Server, threads: float, additional_ms: float) -> Event:
        seconds = self.hack_seconds(vars(target), self.person()) * {"hack": 1, "grow": 3.2, "weaken": 4}[kind]
        duration = seconds * 1000 + additional_ms
        job = Job(kind, script.pid, script.host.hostname, target.hostname, threads, self.now, duration,
                  self.now + max(0, math.trunc(duration)), target.hackDifficulty,
                  script.batch, script.command, script.expected_end)
        self.jobs.append(job)
        self.trace(target)
        return self.schedule(duration, script.pid, job, late=self.latency.sample("hgw"), nesting=self.nesting + 1)

    def land(self, job: Job, script: Script) -> float:
        target = self.servers[job.target]
        person = self.person()
        fields = vars(target)
        exp = self.exp_per_thread(fields, person) * job.threads
        if job.kind == "hack":
            job.chance = self.hack_chance(fields, person)
            job.roll = self.hack_rng.random()
            if job.roll < job.chance:
                percent = self.hack_percent(fields, person)
                drained = min(target.moneyAvailable, target.moneyAvailable * percent * job.threads)
                target.moneyAvailable = max(0.0, target.moneyAvailable - drained)
                result = drained * self.player.bitnode["ScriptHackMoneyGain"]
                self.player.money += result
                if self.first_hack_money is None:
                    self.first_hack_money = (self.now, self.player.money - result)
                self.player.gain_exp(exp)
                limit = math.ceil(1 / percent) if percent > 0 else job.threads
                self.fortify(target, formulas.FORTIFY_AMOUNT * min(job.threads, limit))
            else:
                result = 0.0
                self.player.gain_exp(exp / 4)
        elif job.kind == "grow":
            k = self.grow_k(fields, person, script.host.cpuCores)
            before = target.moneyAvailable
            target.moneyAvailable = formulas.grow_money(before, job.threads, k, target.moneyMax)
            if target.moneyAvailable != before:
                used = formulas.grow_threads(before, target.moneyAvailable, k, target.moneyMax)
                self.fortify(target, 2 * formulas.FORTIFY_AMOUNT * min(used, job.threads))
            self.player.gain_exp(exp)
            if self.version == "3.0" and target.moneyMax == 0:
                result = 0.0
            else:
                result = target.moneyAvailable / (before if before > 0 else 1)
        else:
            before = target.hackDifficulty
            effect = formulas.weaken_effect(job.threads, script.host.cpuCores, self.player.bitnode["ServerWeakenRate"])
            target.hackDifficulty = formulas.cap_security(before - effect, target.minDifficulty)
            self.player.gain_exp(exp)
            result = before - target.hackDifficulty if self.version == "3.0" else effect
        job.end = self.now
        job.landing = next(self.landings)
        job.result = result
        job.restored = target.hackDifficulty == target.minDifficulty and target.moneyAvailable == target.moneyMax
        self.trace(target)
        return result

    @staticmethod
    def fortify(target: Server, amount: float) -> None:
        target.hackDifficulty = formulas.cap_security(target.hackDifficulty + amount, target.minDifficulty)

    def trace(self, target: Server) -> None:
        self.traces.setdefault(target.hostname, []).append(
            (self.now, target.hackDifficulty, target.moneyAvailable))

    # serving the Node side

    def run(self, entries: list, hours: float) -> float:
        """Start `entries` ({script, host, threads, args}) and run until `hours` of game time; return wall seconds."""
        started, cpu = time.perf_counter(), time.process_time()
        for entry in entries:
            server = self.servers[entry.get("host", "home")]
            threads = entry.get("threads", 1)
            if not self.start_script(server, entry["script"], threads, entry.get("args", [])):
                raise StartError(f'cannot start {entry["script"]}: {self.why_not(server, entry["script"], threads)}')
        until = hours * 3_600_000
        link = NodeLink({
            "epoch": self.settings["start_date_ms"],
            "perfOrigin": PERF_ORIGIN_MS,
            "seed": self.seed,
            "portCapacity": self.settings["port_capacity"],
            "functions": sorted(name for name in NETSCRIPT if name in self.costs),
            "known": sorted(self.costs),
            "version": self.version,
            "portWake": self.latency.on("port_wake"),
        }, self.node_args)
        at_idle = False
        try:
            while True:
                message = link.receive()
                kind = message["t"]
                if kind == "call":
                    began, pricing = time.perf_counter(), self.wall["RAM pricing"]
                    reply = self.call(NETSCRIPT, message["p"], message["f"], message["a"])
                    self.call_wall[message["f"]] += time.perf_counter() - began - (self.wall["RAM pricing"] - pricing)
                elif kind == "idle":
                    reply = {}
                    while not self.outbox:
                        event = self.next_event(until)
                        if event is None:
                            at_idle = True
                            break
                        self.fire(event)
                        reply["n"] = self.now
                    if at_idle:
                        break
                elif kind == "done":
                    script = self.scripts.get(message["p"])
                    if script is not None:
                        self.end_script(script, message["e"], message["l"])
                    continue
                elif kind == "untimer":
                    self.cancel_timer(message["w"])
                    continue
                elif kind == "fs":
                    reply = {"v": self.servers[message["h"]].script_hashes()}
                elif kind == "src":
                    reply = {"v": self.sources[message["k"]]}
                elif kind == "timer":
                    reply = {"w": self.timer(message["ms"]).id}
                elif kind == "wake":
                    self.microtasks.append(Event(next(self.ids), self.now + self.latency.sample("port_wake"),
                                                 nesting=self.nesting, wait=message["w"]))
                    continue
                else:
                    raise HarnessError(f"unexpected message from the harness: {message}")
                if self.outbox:
                    reply["a"] = self.outbox
                    self.outbox = []
                link.send(reply)
        finally:
            link.close(at_idle)
            self.link_wall, self.node_wall, self.messages = link.wall, link.node_wall, link.received
            self.cpu_s = time.process_time() - cpu
        self.advance_to(max(self.now, until))
        return time.perf_counter() - started

    def cancel_timer(self, event_id: int) -> None:
        for event in self.events:
            if event.id == event_id:
                event.cancelled = True

    def call(self, table: dict, pid: int, name: str, args: list) -> dict:
        script = self.scripts.get(pid)
        if script is None:
            return {"d": 1}
        if name not in script.charged:
            script.charged.add(name)
            script.dynamic_ram += self.costs[name]
            if script.dynamic_ram > script.ram * 1.00000000000001:
                self.kill_script(script, f"Dynamic RAM usage calculated to be greater than RAM allocation: {name} "
                                         f"brings {script.path} to {script.dynamic_ram:.2f} GB, {script.ram:.2f} GB "
                                         "allocated (a Netscript name the static calculator did not see)")
                return {"d": 1}
        before = self.now
        try:
            value = table[name](self, script, args)
        except NetscriptError as error:
            return {"e": str(error)}
        if isinstance(value, Event):
            return {"w": value.id}
        if self.now != before:  # the call held up the page (exec): the scripts' clock moves with it
            return {"v": value, "n": self.now}
        return {"v": value}

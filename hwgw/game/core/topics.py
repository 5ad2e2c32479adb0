"""The topics the HWGW roles exchange over the broker, their bodies, and the settings every role shares.

Events:
- InitializationInfoRetrieved {player, home, allServers, totalRamPool} (researcher)
- BatchStatsRefreshed {stats: [BatchStats], nodes: {host: GB}, totalRamPool, level} (initiator)
- ScriptStarted {script, host, pid} (runner)
- BatchStarted {target, jobs: [{batch, command, host, pid, execStart, execFinish}]} (runner)
- PlayerLevelChanged {level} (orchestrator, which sees the level before each launch)

Commands:
- ScriptRequested {script, host, threads, args} -> ScriptStarted (runner)
- BatchRequested {target, jobs: [{batch, command, host, threads, startTime, expectedFinish}]} -> BatchStarted
- BatchStatsRequested {} -> BatchStatsRefreshed (initiator)

Worker telemetry does not go through the broker: each worker writes one JSON report straight to the report port.
"""

INITIALIZATION_INFO_RETRIEVED = "InitializationInfoRetrieved"
BATCH_STATS_REFRESHED = "BatchStatsRefreshed"
SCRIPT_STARTED = "ScriptStarted"
BATCH_STARTED = "BatchStarted"
PLAYER_LEVEL_CHANGED = "PlayerLevelChanged"
SCRIPT_REQUESTED = "ScriptRequested"
BATCH_REQUESTED = "BatchRequested"
BATCH_STATS_REQUESTED = "BatchStatsRequested"

BROKER_SCRIPT = "hwgw/broker.js"
RESEARCHER_SCRIPT = "hwgw/researcher.js"
RESEARCHER_RAM = 5.05  # GB, as hwgw mem prices it (pyproject.toml's budget holds it there)
PROBE_SCRIPT = "hwgw/probe.js"
BITNODE_FILE = "hwgw/bitnode.txt"  # the BitNode's multipliers the probe learned, as JSON, for the initiator
INITIATOR_SCRIPT = "hwgw/initiator.js"
ORCHESTRATOR_SCRIPT = "hwgw/orchestrator.js"
START_SCRIPT = "hwgw/start.js"

# Settings of a run, chosen once by the startup script and handed from role to role in script arguments.
DEFAULTS = {
    "port": 1,  # the port threshold: the system uses this port and the next two; the player's scripts the ones below
    "spacing": 20,  # ms between the landings of one batch: wider than the game's timers are late on a busy page
    "cycle": 20,  # ms: the batcher's cycle target
    "lead": 30,  # ms: the least time a launch leaves before its job's start (it grows with the latency seen)
    "targets": 4,  # the most servers to batch at once (the planner adds one only when the pool is more than the
    # ones it has can use well)
    "reserve": 4,  # GB of home left free for the control plane and the player
    "report": 60,  # s between status lines
    "rescan": 60,  # s between rescans of the network for new servers and RAM
}


def report_port(settings):
    """Where workers write their telemetry: two above the broker's sign-on port (the one above holds its state)."""
    return settings["port"] + 2


def settings_to_args(settings):
    args = []
    for key in DEFAULTS.keys():
        args.append("--" + key)
        args.append(settings[key])
    return args


def settings_from_args(args) -> dict[str, float]:
    """Read `--name value` pairs for the DEFAULTS keys; raise ValueError naming the bad argument."""
    settings: dict[str, float] = dict(DEFAULTS)
    i = 0
    while i < len(args):
        flag = args[i]
        key = flag[2:] if isinstance(flag, str) and flag.startswith("--") else ""
        if key not in DEFAULTS:
            raise ValueError(f"unknown argument '{flag}'; use " + ", ".join(["--" + k for k in DEFAULTS.keys()]))
        if i + 1 >= len(args) or not isinstance(args[i + 1], (int, float)) or args[i + 1] <= 0:
            raise ValueError(f"{flag} needs a positive number after it")
        settings[key] = args[i + 1]
        i += 2
    return settings

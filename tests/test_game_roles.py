"""The roles' own logic under CPython: settings, the researcher's network walk, the initiator's choice of targets."""

import pytest

from hwgw.game import initiator, researcher
from hwgw.game.core import topics
from hwgw.game.core.view import money


def test_settings_round_trip_through_script_arguments():
    settings = dict(topics.DEFAULTS, port=7, spacing=3)
    assert topics.settings_from_args(topics.settings_to_args(settings)) == settings
    assert topics.settings_from_args([]) == topics.DEFAULTS


@pytest.mark.parametrize("args, message", [
    (["--speed", 3], "unknown argument '--speed'"),
    (["--spacing"], "--spacing needs a positive number"),
    (["--spacing", 0], "--spacing needs a positive number"),
    (["--port", "x"], "--port needs a positive number"),
])
def test_bad_settings_name_the_argument(args, message):
    with pytest.raises(ValueError, match=message):
        topics.settings_from_args(args)


def test_the_system_ports_sit_at_the_threshold():
    settings = dict(topics.DEFAULTS, port=40)
    assert topics.report_port(settings) == 42


class Network:
    """A fake ns with just scan, for the researcher's walk."""

    def __init__(self, links):
        self.links = links

    def scan(self, host):
        return self.links.get(host, [])


def test_the_researcher_walks_the_whole_network_once():
    ns = Network({"home": ["a", "b"], "a": ["home", "c"], "b": ["home", "c"], "c": ["a", "b", "d"], "d": ["c"]})
    assert researcher.network(ns) == ["home", "a", "b", "c", "d"]


def server(hostname, max_ram, used=0.0, rooted=True, money_max=0.0, **extra):
    info = {"hostname": hostname, "maxRam": max_ram, "ramUsed": used, "hasAdminRights": rooted,
            "purchasedByPlayer": hostname == "home" or hostname.startswith("pserv"), "moneyMax": money_max,
            "minDifficulty": 5, "serverGrowth": 20, "requiredHackingSkill": 10, "hackDifficulty": 5,
            "moneyAvailable": money_max}
    info.update(extra)
    return info


SERVERS = [server("home", 64, used=9.1), server("pserv-0", 1024), server("n00dles", 4, money_max=1.75e6),
           server("tiny", 1), server("locked", 32, rooted=False), server("joesguns", 16, money_max=62.5e6),
           server("CSEC", 8, money_max=1e9)]


def test_ram_pool_counts_rooted_servers_with_room_for_a_worker():
    # home keeps the 4 GB reserve; tiny (1 GB) holds no worker; locked is not rooted.
    assert researcher.ram_pool(SERVERS, 4) == pytest.approx(64 - 9.1 - 4 + 1024 + 4 + 16 + 8)
    assert initiator.worker_nodes(SERVERS, 4) == {"home": pytest.approx(50.9), "pserv-0": 1024, "n00dles": 4,
                                                  "joesguns": 16, "CSEC": 8}


def test_the_initiator_targets_the_best_server_and_never_a_faction_one():
    player = {"skills": {"hacking": 100, "intelligence": 0}, "mults": {}}
    info = {"player": player, "home": SERVERS[0], "allServers": SERVERS, "totalRamPool": 0, "startedAt": 5.0}
    state = initiator.compute(info, dict(topics.DEFAULTS, targets=3))
    assert state["stats"][0].target == "joesguns" and "CSEC" not in [stats.target for stats in state["stats"]]
    assert sum(plan["share"] for plan in state["plans"]) == pytest.approx(1)
    # Both are prepped: each plan's first batch lands one weaken time (plus the lead) after the start.
    for plan, stats in zip(state["plans"], state["stats"]):
        assert plan["ready"] == pytest.approx(topics.DEFAULTS["lead"] + stats.times["weaken"])
        assert plan["weaken"] == pytest.approx(stats.times["weaken"])
    assert state["startedAt"] == 5.0
    assert state["totalRamPool"] == pytest.approx(sum(state["nodes"].values()))
    body = initiator.stats_body(state)
    assert body["level"] == 100 and body["stats"][0]["target"] == "joesguns"


def test_money_is_shown_short():
    assert money(45_029_876.7) == "$45.03m"
    assert money(2.5e9) == "$2.50b"
    assert money(999) == "$999"


def test_status_reports_income_since_the_first_hack():
    from hwgw.game.core.view import status, status_line
    from test_game_schedule import make

    batcher, stats, pool = make()
    batcher.firstHack = 10_000.0
    batcher.money = 50e6
    assert status(batcher, 20_000.0)["income"] == pytest.approx(5e6)
    assert "$5.00m/s" in status_line(batcher, 20_000.0)
    batcher.firstHack = 0.0
    assert status(batcher, 20_000.0)["income"] == 0.0


def test_the_lead_is_one_and_a_half_times_the_p99_latency_and_never_below_the_setting():
    from hwgw.game.core.timing import Timing

    timing = Timing(dict(topics.DEFAULTS, lead=30, spacing=5, cycle=20))
    assert timing.lead == 30 and not timing.adapt()
    for latency in range(1, 101):  # 1..100 ms: the nearest-rank p99 of 100 values is the 99th, 100
        timing.observe(float(latency))
    assert timing.adapt()
    assert timing.lead == pytest.approx(150)
    for _ in range(300):  # the window keeps the last 200: old slow ones age out
        timing.observe(4.0)
    assert timing.adapt() and timing.lead == 30
    assert timing.lookahead() == 30 + 2 * 20 + 6 * 5 + 4 + 2000  # the game's autosave, measured: two blocks of up to ~1 s


class Processes:
    """A fake ns with ps for the researcher's count of the system's own workers."""

    pid = 7

    def __init__(self, rows):
        self.rows = rows

    def ps(self, host):
        return [type("P", (), {"filename": f, "threads": t, "pid": p})() for f, t, p in self.rows]


def test_a_rescan_counts_the_systems_own_workers_as_room():
    ns = Processes([("hwgw/workers/hack.js", 10, 1), ("hwgw/workers/weaken.js", 4, 2), ("other.js", 3, 3),
                    ("hwgw/researcher.js", 1, 7)])
    assert researcher.workers_ram(ns, "pserv-0") == pytest.approx(10 * 1.70 + 4 * 1.75 + 5.05)


def test_a_rescan_publishes_only_when_the_pool_changed():
    before = {"home": 50.0, "pserv-0": 1024.0}
    assert not initiator.pool_changed(before, {"home": 50.5, "pserv-0": 1024.0})
    assert initiator.pool_changed(before, {"home": 50.0, "pserv-0": 1024.0, "pserv-1": 1024.0})
    assert initiator.pool_changed(before, {"home": 114.0, "pserv-0": 1024.0})
    assert initiator.pool_changed(before, {"home": 50.0})


def test_a_rescan_keeps_the_targets_chosen_at_the_start():
    player = {"skills": {"hacking": 100, "intelligence": 0}, "mults": {}}
    info = {"player": player, "home": SERVERS[0], "allServers": SERVERS, "totalRamPool": 0, "startedAt": 5.0}
    state = initiator.compute(info, dict(topics.DEFAULTS, targets=1), ["n00dles"])
    assert [stats.target for stats in state["stats"]] == ["n00dles"]

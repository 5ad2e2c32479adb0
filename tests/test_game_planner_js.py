"""The planner as the game runs it: the built JavaScript chooses the same targets and shares as CPython."""

import json
import os
import subprocess

import pytest

from hwgw.build import build, default_source
from hwgw.game.core import planner
from hwgw.node import node_executable
from test_build_conformance import LOADER
from test_game_planner import TIMING, player, server

POOLS = [1e6, 1.5e6, 2e6, 3e6, 4e6]  # one target, then two with the pool split between them
CHOOSE = """
import { readFileSync } from "node:fs";
import { choose_targets } from "/hwgw/core/planner.js";
import { Timing } from "/hwgw/core/timing.js";
import { dict } from "/hwgw/lib/runtime.js";
const c = JSON.parse(readFileSync(process.argv[2]));
const timing = Timing(dict(c.timing));
const player = dict({skills: dict(c.player.skills), mults: dict(c.player.mults)});
const out = [];
for (const pool of c.pools) {
  const chosen = choose_targets(c.servers.map(s => dict(s)), player, pool, Array(40).fill(pool / 40), timing, 4);
  out.push(chosen.map(entry => [entry[1].hostname, entry[2], entry[0].fraction]));
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    build(default_source(), out)
    return out


def test_targets_and_shares_in_node_equal_cpythons(root, tmp_path):
    servers = [server(), server("phantasy", 600e6, 7, 35, 100), server("omega-net", 1.2e9, 10, 35, 200)]
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"servers": servers, "player": player(500), "pools": POOLS,
                                "timing": {"spacing": 5, "cycle": 20, "lead": 30}}))
    script = root / "choose.mjs"
    script.write_text(CHOOSE)
    run = subprocess.run([node_executable(), "--import", LOADER.as_uri(), str(script), str(case)],
                         capture_output=True, text=True, env={**os.environ, "HWGW_GAME_ROOT": str(root)}, timeout=120)
    assert run.returncode == 0, run.stderr
    expected = []
    for pool in POOLS:
        chosen = planner.choose_targets(servers, player(500), pool, [pool / 40] * 40, TIMING, 4)
        expected.append([[entry[1]["hostname"], entry[2], entry[0].fraction] for entry in chosen])
    got = json.loads(run.stdout)
    assert [[row[0] for row in entry] for entry in got] == [[row[0] for row in entry] for entry in expected]
    assert [[row[1:] for row in entry] for entry in got] == \
        [[pytest.approx(row[1:]) for row in entry] for entry in expected]
    assert any(len(entry) >= 2 for entry in expected)

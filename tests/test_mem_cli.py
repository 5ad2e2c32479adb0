"""`hwgw mem` end to end through click: layouts, JSON, budgets, exit codes."""

import json

import pytest
from click.testing import CliRunner

from hwgw.cli import main

INITIATOR = """export async function main(ns) {
  const s = ns.getServer("n00dles");
  ns.run("x.js"); ns.weakenAnalyze(1); ns.growthAnalyze("n00dles", 2); ns.growthAnalyzeSecurity(1);
  ns.getPlayer(); ns.scan();
  ns.sqlinject("x"); ns.httpworm("x"); ns.relaysmtp("x"); ns.ftpcrack("x"); ns.brutessh("x"); ns.nuke("x");
}
"""

# The game's `mem` output for the initiator, from the player's notes (seed 000), blank lines removed.
SEED_INITIATOR = """This script requires 8.60GB of RAM to run for 1 thread(s)
  2.00GB | getServer (fn)
  1.60GB | baseCost (misc)
  1.00GB | run (fn)
  1.00GB | weakenAnalyze (fn)
  1.00GB | growthAnalyze (fn)
  1.00GB | growthAnalyzeSecurity (fn)
500.00MB | getPlayer (fn)
200.00MB | scan (fn)
 50.00MB | sqlinject (fn)
 50.00MB | httpworm (fn)
 50.00MB | relaysmtp (fn)
 50.00MB | ftpcrack (fn)
 50.00MB | brutessh (fn)
 50.00MB | nuke (fn)
"""


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A project folder with budgets and a `game/` folder holding one server's scripts."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.hwgw.budgets]\n"hwgw/initiator.js" = 8.60\n"hwgw/workers/*.js" = 1.70\n'
    )
    game = tmp_path / "game"
    files = {
        "hwgw/initiator.js": INITIATOR,
        "hwgw/lib/runtime.js": "export function log(ns, text) { ns.print(text); }\n",
        "hwgw/workers/hack.js": (
            'import { log } from "/hwgw/lib/runtime.js";\n'
            "export async function main(ns) { await ns.hack(ns.args[0]); log(ns, 'done'); }\n"
        ),
    }
    for path, code in files.items():
        (game / path).parent.mkdir(parents=True, exist_ok=True)
        (game / path).write_text(code)
    return game


def run(*args):
    return CliRunner().invoke(main, ["mem", *args])


def test_single_script_prints_the_games_mem_layout(server):
    result = run(str(server / "hwgw" / "initiator.js"))
    assert result.exit_code == 0
    assert result.output == SEED_INITIATOR


def test_threads_multiply_total_and_entries(server):
    result = run("-t", "2", str(server / "hwgw" / "initiator.js"))
    lines = result.output.splitlines()
    assert lines[0] == "This script requires 17.20GB of RAM to run for 2 thread(s)"
    assert "  4.00GB | getServer (fn)" in lines
    assert "  1.00GB | getPlayer (fn)" in lines
    assert "100.00MB | nuke (fn)" in lines


def test_folder_prints_one_table_with_budgets_and_total(server):
    result = run(str(server))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "script                    RAM  budget  status",
        "hwgw/initiator.js      8.60GB  8.60GB  ok",
        "hwgw/lib/runtime.js    1.60GB       -  -",
        "hwgw/workers/hack.js   1.70GB  1.70GB  ok",
        "total                 11.90GB",
    ]


def test_json_lists_every_script(server):
    result = run("--json", str(server))
    assert result.exit_code == 0
    records = json.loads(result.output)
    assert [r["script"] for r in records] == ["hwgw/initiator.js", "hwgw/lib/runtime.js", "hwgw/workers/hack.js"]
    hack = records[2]
    assert hack == {
        "script": "hwgw/workers/hack.js",
        "ram": 1.7,
        "entries": [{"type": "misc", "name": "baseCost", "cost": 1.6}, {"type": "fn", "name": "hack", "cost": 0.1}],
        "error": None,
    }


def test_check_passes_within_budget(server):
    result = run("--check", str(server))
    assert result.exit_code == 0
    assert result.stderr == ""


def test_check_fails_naming_the_script_over_budget(server):
    (server / "hwgw" / "workers" / "grow.js").write_text("export async function main(ns) { await ns.grow('x'); }\n")
    result = run("--check", str(server))
    assert result.exit_code == 1
    assert result.stderr == "hwgw/workers/grow.js: 1.75 GB is over its budget of 1.70 GB\n"
    assert "hwgw/workers/grow.js   1.75GB  1.70GB  over" in result.stdout


def test_check_fails_naming_an_unpriceable_script(server):
    (server / "broken.js").write_text("export async function main(ns) {\n  ns.hack(;\n}\n")
    result = run("--check", str(server))
    assert result.exit_code == 1
    assert result.stderr.startswith("broken.js: could not be priced: Syntax error in broken.js, server: home.")


def test_parse_error_prices_the_others_and_exits_2(server):
    (server / "broken.js").write_text("export async function main(ns) {\n  ns.hack(;\n}\n")
    result = run(str(server))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert "broken.js                   -       -  error" in lines
    assert "hwgw/initiator.js      8.60GB  8.60GB  ok" in lines
    assert lines[-1] == (
        "broken.js: Syntax error in broken.js, server: home. Error location: Line 2, Column: 10. "
        "Error message: Unexpected token (2:10)."
    )


def test_missing_import_of_a_single_script_exits_2_with_the_game_text(tmp_path):
    script = tmp_path / "workers" / "lost.js"
    script.parent.mkdir()
    script.write_text("import { x } from '/nowhere/x.js';\nexport async function main(ns) { x(); }\n")
    result = run(str(script))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Could not calculate ram usage for {script}",
        'Invalid module: "/nowhere/x.js". Base module: "lost.js".',
    ]


def test_missing_path_is_a_usage_error(server):
    result = run("no/such/file.js")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_file_that_is_not_a_script_is_a_usage_error(server):
    (server / "notes.py").write_text("x = 1\n")
    result = run(str(server / "notes.py"))
    assert result.exit_code == 2
    assert "is not a script; give a .js, .jsx, .ts, .tsx, .script file or a folder" in result.output


def test_game_version_and_player_options(server):
    (server / "net.js").write_text("export async function main(ns) { ns.hacknet.numNodes(); }\n")
    (server / "sing.js").write_text("export async function main(ns) { ns.singularity.connect('home'); }\n")
    records = {r["script"]: r["ram"] for r in json.loads(run("--json", "--game-version", "2.8", str(server)).output)}
    assert records["net.js"] == 5.6
    records = {r["script"]: r["ram"] for r in json.loads(run("--json", str(server)).output)}
    assert (records["net.js"], records["sing.js"]) == (2.1, 33.6)
    records = {r["script"]: r["ram"] for r in json.loads(run("--json", "--sf4", "2", str(server)).output)}
    assert records["sing.js"] == 9.6
    records = {r["script"]: r["ram"] for r in json.loads(run("--json", "--bitnode", "4", str(server)).output)}
    assert records["sing.js"] == 3.6


def test_several_paths_print_a_block_each(server):
    result = run(str(server / "hwgw" / "initiator.js"), str(server / "hwgw"))
    blocks = result.output.split("\n\n")
    assert blocks[0].splitlines()[:2] == [
        f"{server / 'hwgw' / 'initiator.js'}:",
        "This script requires 8.60GB of RAM to run for 1 thread(s)",
    ]
    assert blocks[1].splitlines()[0] == f"{server / 'hwgw'}:"


def test_bad_budgets_are_a_usage_error_naming_the_file(server, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.hwgw.budgets]\n"x.js" = "lots"\n')
    result = run(str(server))
    assert result.exit_code == 2
    assert "pyproject.toml" in result.output and "is not a RAM size" in result.output


def test_a_script_in_a_build_tree_is_priced_from_the_folder_its_imports_resolve_in(tmp_path):
    """A built script imports `/play/lib/x.js`: its server is the build root, two folders up."""
    (tmp_path / "play" / "lib").mkdir(parents=True)
    (tmp_path / "play" / "workers").mkdir()
    (tmp_path / "play" / "lib" / "x.js").write_text("export function twice(n) { return 2 * n; }\n")
    (tmp_path / "play" / "workers" / "w.js").write_text(
        "import { twice } from '/play/lib/x.js';\nexport async function main(ns) { await ns.grow(twice(1)); }\n")
    result = CliRunner().invoke(main, ["mem", str(tmp_path / "play" / "workers" / "w.js")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "This script requires 1.75GB of RAM to run for 1 thread(s)"

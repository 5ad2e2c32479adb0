"""`hwgw sim` end to end: the baseline built from its Python sources, reports, timeline and bad input."""

import json
import re

import pytest
from click.testing import CliRunner

from hwgw.cli import main

JSON_KEYS = {"money_earned", "income_per_s", "hours", "batches", "calls", "ram", "exec_failures", "wall_s"}


@pytest.fixture(scope="module")
def baseline_run():
    """One simulated hour of the baseline, built now from hwgw/game/baseline, on the built-in scenario."""
    result = CliRunner().invoke(main, ["sim", "--baseline", "--hours", "1", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_baseline_earns_money_in_the_default_scenario(baseline_run):
    summary = baseline_run
    assert JSON_KEYS <= set(summary)
    assert set(summary["batches"]) >= {"started", "landed", "in_order", "desynced"}
    assert set(summary["ram"]) == {"pool_gb", "peak_gb", "mean_gb"}
    assert summary["money_earned"] > 0
    assert summary["income_per_s"] > 0
    assert min(summary["calls"].values()) > 0
    assert summary["script_errors"] == 0
    assert summary["system"] == "baseline"


def test_the_baseline_fills_the_rooted_ram(baseline_run):
    ram = baseline_run["ram"]
    # Built-in scenario: 64 GB home and 10 x 1 TB purchased servers, plus every rooted world server.
    assert ram["pool_gb"] >= 64 + 10 * 1024
    # Each host runs as many 2.4 GB threads as fit: less than one thread's RAM is left per host.
    assert ram["pool_gb"] - ram["peak_gb"] < 2.4 * 80
    assert ram["mean_gb"] <= ram["peak_gb"]


TREE = {
    "lib/jobs.js": "export async function weakenOnce(ns, t) { return ns.weaken(t); }\n",
    "main.js": (
        'import { weakenOnce } from "/lib/jobs.js";\n'
        "export async function main(ns) {\n"
        '  ns.tprint("level ", ns.getHackingLevel());\n'
        "  while (true) await weakenOnce(ns, ns.args[0]);\n"
        "}\n"
    ),
}


@pytest.fixture
def tree(tmp_path):
    for path, text in TREE.items():
        (tmp_path / "tree" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / path).write_text(text)
    scenario = {
        "player": {"hacking": 100},
        "purchased": {"count": 0},
        "servers": {"draw": "min", "set": {"n00dles": {"hasAdminRights": True}}},
        "run": [{"script": "main.js", "threads": 4, "args": ["n00dles"]}],
    }
    (tmp_path / "s.json").write_text(json.dumps(scenario, indent=1))
    return tmp_path


def test_a_scenario_run_list_on_a_prebuilt_tree_with_a_timeline(tree):
    svg = tree / "t.svg"
    result = CliRunner().invoke(main, ["sim", "--scenario", str(tree / "s.json"), "--build", str(tree / "tree"),
                                       "--hours", "0.05", "--timeline", str(svg)])
    assert result.exit_code == 0, result.output
    assert "money earned" in result.output
    assert "main.js: level 100" in result.output
    # n00dles at skill 100: weaken takes 4 x 16.75 s = 67 s, so 2 of them land in 180 s and a third is running.
    assert re.search(r"calls\s+hack 0, grow 0, weaken 3", result.output)
    text = svg.read_text()
    assert text.startswith("<svg") and text.count("<title>weaken n00dles x4") == 2  # one bar per landed weaken
    assert "n00dles security" in text and "n00dles money" in text


def test_same_seed_same_figures(tree):
    def figures(seed):
        result = CliRunner().invoke(main, ["sim", "--scenario", str(tree / "s.json"), "--build", str(tree / "tree"),
                                           "--hours", "0.05", "--json", "--seed", str(seed)])
        summary = json.loads(result.output)
        del summary["wall_s"]
        return summary

    assert figures(4) == figures(4)


def test_a_script_error_exits_1(tmp_path):
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "bad.js").write_text("export async function main(ns) { ns.nuke('nowhere'); }\n")
    (tmp_path / "s.json").write_text('{"run": [{"script": "bad.js"}]}')
    result = CliRunner().invoke(main, ["sim", "--scenario", str(tmp_path / "s.json"), "--build",
                                       str(tmp_path / "tree"), "--hours", "0.01"])
    assert result.exit_code == 1
    assert "Invalid hostname: 'nowhere'" in result.output


@pytest.mark.parametrize(
    "text, message",
    [
        ('{\n  "player": {"hacking": 10,}\n}', "s.json:2:"),
        ('{\n  "seed": 1,\n  "hourz": 2\n}', 's.json:3: unknown key "hourz"'),
        ('{\n  "home": {\n    "ram": "big"\n  }\n}', 's.json:3: "home.ram" must be a number'),
        ('{"servers": {"set": {"nowhere": {"maxRam": 8}}}}', 'no server "nowhere"'),
    ],
)
def test_bad_scenarios_exit_2_naming_file_and_line(tmp_path, text, message):
    (tmp_path / "s.json").write_text(text)
    result = CliRunner().invoke(main, ["sim", "--scenario", str(tmp_path / "s.json"), "--build", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output


def test_an_entry_that_cannot_start_says_why(tmp_path):
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "big.js").write_text("export async function main(ns) { ns.getServer(); }\n")
    (tmp_path / "s.json").write_text('{"home": {"ram": 8}, "run": [{"script": "big.js", "threads": 3}]}')
    result = CliRunner().invoke(main, ["sim", "--scenario", str(tmp_path / "s.json"), "--build",
                                       str(tmp_path / "tree"), "--hours", "0.01"])
    assert result.exit_code == 1
    # 1.6 GB base + 2 GB getServer = 3.6 GB per thread.
    assert "cannot start big.js: 3 thread(s) x 3.6 GB do not fit in the 8 GB free on home" in result.output

"""Formatting and budgets, apart from the command."""

import pytest

from hwgw.mem.budgets import BudgetError, Priced, budget_for, check_failures, load_budgets
from hwgw.mem.report import fixed2, format_ram, json_record, mem_lines, table_lines
from hwgw.mem.result import RamEntry, RamResult


@pytest.mark.parametrize(
    "gb, shown",
    [
        (0.5, "500.00MB"),
        (0.05, "50.00MB"),
        (0.2, "200.00MB"),
        (1.6, "1.60GB"),
        (8.6, "8.60GB"),
        (999.99, "999.99GB"),
        (1024, "1.02TB"),
        (2_500_000, "2.50PB"),
        (0, "0.00GB"),
    ],
)
def test_format_ram(gb, shown):
    assert format_ram(gb) == shown


@pytest.mark.parametrize("x, shown", [(0.125, "0.13"), (2.675, "2.67"), (1.005, "1.00"), (50.00000000000001, "50.00")])
def test_fixed2_rounds_the_exact_binary_value_half_up(x, shown):
    # 0.125 is exact in binary (a true tie: JavaScript rounds up); 2.675 and 1.005 sit just below their halves.
    assert fixed2(x) == shown


def result(ram, *entries):
    return RamResult(ram, ram, [RamEntry(*e) for e in entries])


def test_mem_lines_sort_dearest_first_keeping_the_game_order_for_ties():
    priced = result(4.8, ("misc", "baseCost", 1.6), ("fn", "run", 1), ("fn", "scan", 0.2), ("fn", "exec", 1.3),
                    ("fn", "weakenAnalyze", 1))
    assert mem_lines("x.js", priced, threads=1) == [
        "This script requires 4.80GB of RAM to run for 1 thread(s)",
        "  1.60GB | baseCost (misc)",
        "  1.30GB | exec (fn)",
        "  1.00GB | run (fn)",
        "  1.00GB | weakenAnalyze (fn)",
        "200.00MB | scan (fn)",
    ]


def test_mem_lines_multiply_by_threads():
    priced = result(1.65, ("misc", "baseCost", 1.6), ("fn", "nuke", 0.05))
    assert mem_lines("x.js", priced, threads=3) == [
        "This script requires 4.95GB of RAM to run for 3 thread(s)",
        "  4.80GB | baseCost (misc)",
        "150.00MB | nuke (fn)",
    ]


def test_mem_lines_for_an_error():
    failed = RamResult(None, None, [], -1, "Syntax error in x.js, ...")
    assert mem_lines("x.js", failed) == ["Could not calculate ram usage for x.js", "Syntax error in x.js, ..."]


def test_table_lines_align_and_total():
    items = [
        Priced("a.js", "a.js", result(8.6), 8.6),
        Priced("dir/b.js", "dir/b.js", result(1.75), 1.7),
        Priced("c.js", "c.js", RamResult(None, None, [], -2, "Invalid module"), None),
        Priced("d.js", "d.js", result(1.6), None),
    ]
    assert table_lines(items) == [
        "script        RAM  budget  status",
        "a.js       8.60GB  8.60GB  ok",
        "dir/b.js   1.75GB  1.70GB  over",
        "c.js            -       -  error",
        "d.js       1.60GB       -  -",
        "total     11.95GB",
        "c.js: Invalid module",
    ]


def test_json_record():
    item = Priced("a.js", "a.js", result(1.7, ("misc", "baseCost", 1.6), ("fn", "hack", 0.1)), None)
    assert json_record(item) == {
        "script": "a.js",
        "ram": 1.7,
        "entries": [{"type": "misc", "name": "baseCost", "cost": 1.6}, {"type": "fn", "name": "hack", "cost": 0.1}],
        "error": None,
    }


def test_budget_exact_path_wins_over_an_earlier_glob():
    budgets = {"hwgw/*.js": 2.0, "hwgw/initiator.js": 8.6}
    assert budget_for("hwgw/initiator.js", budgets) == 8.6
    assert budget_for("hwgw/workers/hack.js", budgets) == 2.0
    assert budget_for("other.js", budgets) is None


def test_check_failures_name_over_budget_and_unpriced_scripts():
    items = [
        Priced("ok.js", "ok.js", result(1.7), 1.7),
        Priced("big.js", "big.js", result(9.1), 8.6),
        Priced("bad.js", "bad.js", RamResult(None, None, [], -1, "Syntax error in bad.js"), 2.0),
        Priced("free.js", "free.js", result(50), None),
    ]
    assert check_failures(items) == [
        "big.js: 9.10 GB is over its budget of 8.60 GB",
        "bad.js: could not be priced: Syntax error in bad.js",
    ]


def test_load_budgets_from_the_nearest_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.hwgw.budgets]\n"hwgw/initiator.js" = 8.60\n"w/*.js" = 2\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    assert load_budgets(tmp_path / "sub" / "deeper") == {"hwgw/initiator.js": 8.6, "w/*.js": 2.0}


def test_load_budgets_rejects_a_non_number_naming_file_and_fix(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.hwgw.budgets]\n"a.js" = "big"\n')
    with pytest.raises(BudgetError, match=r"pyproject.toml.*'a.js' = 'big' is not a RAM size; write a number"):
        load_budgets(tmp_path)


def test_no_budgets_table_means_no_budgets(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_budgets(tmp_path) == {}

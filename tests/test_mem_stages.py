"""Each stage of the calculator on its own: paths, cost lookup, rounding, dependency map, summing."""

import json
from pathlib import Path

import pytest

from hwgw.mem.costs import cost_table, singularity_multiplier
from hwgw.mem.deps import DependencyCollector
from hwgw.mem.parse import parse_script
from hwgw.mem.paths import resolve_path
from hwgw.mem.price import price
from hwgw.mem.rounding import js_round, round_to_two
from hwgw.mem.server import read_server

META = json.loads((Path(__file__).resolve().parent / "data" / "ramcosts-meta.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path, importer, expected",
    [
        ("lib.js", "dir/main.js", "lib.js"),
        ("/lib.js", "dir/main.js", "lib.js"),
        ("dir/lib.js", "dir/main.js", "dir/lib.js"),
        ("./lib.js", "dir/main.js", "dir/lib.js"),
        ("../lib.js", "dir/main.js", "lib.js"),
        ("./a/../b/./lib.js", "dir/main.js", "dir/b/lib.js"),
        ("../lib.js", "main.js", None),
        ("a//lib.js", "main.js", None),
        ("a b.js", "main.js", None),
        ("lib?.js", "main.js", None),
        ("[lib].js", "main.js", None),
        ("lib!.js", "main.js", None),
        ("dir\\lib.js", "main.js", None),
        ("lib|x.js", "main.js", None),
        ('lib".js', "main.js", None),
        ("lib'.js", "main.js", None),
        ("lib*.js", "main.js", None),
        ("lib\t.js", "main.js", None),
    ],
)
def test_resolve_path(path, importer, expected):
    assert resolve_path(path, importer) == expected


@pytest.mark.parametrize("version, meta_version", [("3.0", "v3.0.x"), ("2.8.1", "v2.8.1")])
def test_bare_name_lookup_matches_the_reference_resolution_table(version, meta_version):
    expected = META["bare_name_resolution"][meta_version]
    table = cost_table(version)
    found = {name: {"resolvesTo": p.detail, "cost": p.cost} for name, p in table.prices.items()}
    assert found == expected


@pytest.mark.parametrize("version, meta_version", [("3.0", "v3.0.x"), ("2.8.1", "v2.8.1")])
def test_singularity_flag_matches_the_reference_scaled_keys(version, meta_version):
    scaled = {name.split(".")[-1] for name in META["sf4_scaled_keys"][meta_version]}
    table = cost_table(version)
    assert {name for name, p in table.prices.items() if p.singularity} == scaled


def test_version_aliases_share_one_cached_table():
    assert cost_table("2.8") is cost_table("2.8.1")
    with pytest.raises(ValueError, match="unknown game version"):
        cost_table("1.0")


@pytest.mark.parametrize(
    "bitnode, sf4, multiplier", [(1, 0, 16), (1, 1, 16), (1, 2, 4), (1, 3, 1), (2, 3, 1), (4, 0, 1), (4, 1, 1)]
)
def test_singularity_multiplier(bitnode, sf4, multiplier):
    assert singularity_multiplier(bitnode, sf4) == multiplier


@pytest.mark.parametrize(
    "x, expected",
    [(0.5, 1), (1.5, 2), (2.5, 3), (2.4999, 2), (0.49999999999999994, 0), (-0.5, 0), (-1.5, -1)],
)
def test_js_round_halves_go_up(x, expected):
    assert js_round(x) == expected


@pytest.mark.parametrize(
    "x, expected",
    [(1.625, 1.63), (2.555, 2.56), (1.005, 1.0), (9.650000000000004, 9.65), (1.7000000000000002, 1.7)],
)
def test_round_to_two(x, expected):
    # 1.005 * 100 is 100.49999999999999 in binary, so JavaScript's Math.round gives 100 as well.
    assert round_to_two(x) == expected


def collect(code, module="lib.js", resolve=lambda spec: spec):
    return DependencyCollector(module, resolve).collect(parse_script(code, module)).dependencies


def test_dependency_map_keys_are_global_then_each_function():
    deps = collect(
        "const a = () => { function deep() { grow; } };\n"
        "export function outer(ns) { function inner() { ns.hack(); } }\n"
        "export default function (ns) { weaken; }\n"
    )
    assert list(deps) == ["lib.js.__GLOBAL__", "lib.js.deep", "lib.js.outer", "lib.js.__SPECIAL_DEFAULT_EXPORT__"]
    assert list(deps["lib.js.outer"]) == ["lib.js.ns", "ns", "lib.js.hack", "hack"]
    assert "grow" in deps["lib.js.deep"] and "grow" not in deps["lib.js.__GLOBAL__"]


def test_imports_map_local_names_to_the_imported_module():
    deps = collect(
        "import { a as b } from 'x.js';\nimport * as all from 'y.js';\nimport def from 'z.js';\n"
        "export function f() { b(); }\n"
    )
    assert list(deps["lib.js.__GLOBAL__"]) == [
        "x.js.__GLOBAL__",
        "y.js.__GLOBAL__",
        "y.js.*",
        "z.js.__GLOBAL__",
        "z.js.*",
    ]
    assert list(deps["lib.js.f"]) == ["x.js.a", "lib.js.b", "b"]


def test_reexports_refer_to_the_raw_source():
    deps = collect("export { a as b } from './x.js';\nfunction c() {}\nexport { c as d };\n")
    assert list(deps["lib.js.b"]) == ["./x.js.a", "a"]
    assert list(deps["lib.js.d"]) == ["lib.js.c", "c"]


def test_loops_and_conditions_leave_zero_cost_markers():
    deps = collect("export function f() { if (a) {} while (b) {} do {} while (c); for (;;) {} }")
    refs = deps["lib.js.f"]
    for marker in ("__SPECIAL_referenceIf", "__SPECIAL_referenceWhile", "__SPECIAL_referenceFor"):
        assert marker in refs


def test_object_prototype_names_are_never_recorded():
    deps = collect("export function f(o) { o.toString(); constructor; o.__proto__; valueOf(); }")
    assert list(deps["lib.js.f"]) == ["lib.js.o", "o"]


def test_ram_override_key_holds_the_rounded_value():
    deps = collect("export async function main(ns) { ns.ramOverride(2.555); }", module="m.js")
    assert float(next(iter(deps["m.js.^SPECIAL_ramOverride"]))) == 2.56


def test_summing_a_hand_built_map_follows_star_references_and_charges_once():
    dependencies = {
        "m.js.__GLOBAL__": {"lib.js.*": None},
        "m.js.main": {"hack": None, "hack2": None},
        "lib.js.__GLOBAL__": {"grow": None, "hack": None},
        "lib.js.f": {"getServer": None},
        "other.js.g": {"scan": None},
    }
    cost, entries = price(dependencies, "m.js", cost_table("3.0"))
    assert [(e.name, e.cost) for e in entries] == [("baseCost", 1.6), ("hack", 0.1), ("grow", 0.15), ("getServer", 2)]
    assert cost == pytest.approx(3.85)


def test_override_of_another_module_is_ignored_when_summing():
    dependencies = {
        "m.js.main": {"lib.js.*": None, "hack": None},
        "lib.js.^SPECIAL_ramOverride": {"5": None},
    }
    cost, entries = price(dependencies, "m.js", cost_table("3.0"))
    assert [(e.name, e.cost) for e in entries] == [("baseCost", 1.6), ("hack", 0.1)]


def test_read_server_keys_files_by_root_relative_path(tmp_path):
    (tmp_path / "dir").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "main.js").write_text("a")
    (tmp_path / "dir" / "lib.script").write_text("b")
    (tmp_path / "dir" / "notes.txt").write_text("c")
    (tmp_path / "dir" / "image.png").write_bytes(b"\x89")
    (tmp_path / ".git" / "x.js").write_text("d")
    assert read_server(tmp_path) == {"dir/lib.script": "b", "dir/notes.txt": "c", "main.js": "a"}

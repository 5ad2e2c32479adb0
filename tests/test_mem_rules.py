"""Rules of the game's RAM calculator that the golden vectors do not cover.

Expected figures are sums of costs read from the game's tables (v3.0 unless stated): base 1.6, hack 0.1, grow 0.15,
weaken 0.15, scan 0.2, getServer 2, getPlayer 0.5, getHostname 0.05, singularity.connect 2 before the SF4 multiplier,
corporation.nextUpdate 1 in v2.8.1, document/window 25 each, the hacknet namespace 4 in v2.8.1.
"""

import pytest

from hwgw.mem import calculate_ram


def price(files, entry="main.js", **options):
    return calculate_ram(files, entry, **options)


def charged(result):
    return [(e.type, e.name, e.cost) for e in result.entries]


def main_calls(body):
    return {"main.js": f"export async function main(ns) {{ {body} }}\n"}


BASE = ("misc", "baseCost", 1.6)
HACK = ("fn", "hack", 0.1)
GROW = ("fn", "grow", 0.15)
WEAKEN = ("fn", "weaken", 0.15)
GET_SERVER = ("fn", "getServer", 2)


# What the walk charges and what it does not


@pytest.mark.parametrize(
    "body",
    [
        "hack: for (;;) { break hack; }",
        "grow: while (true) { continue grow; }",
        "const o = { hack: 1, grow() {} };",
        "class A { hack() {} static grow = 1; #weaken = 2; }",
        "let hack; hack = 5;",
        "for (const hack of []) {} for (const grow in {}) {}",
        "try {} catch (hack) {}",
        "function weaken(hack, { grow }) {}",
        "const [hack, ...grow] = [];",
        "const { hack, grow: weaken } = ns;",
        "ns.tprint(import.meta.url);",
        "const o = {}; o.toString(); o.hasOwnProperty('x'); o.valueOf();",
    ],
)
def test_names_in_binding_and_key_positions_are_free(body):
    result = price(main_calls(body))
    assert result.error is None
    assert charged(result) == [BASE]
    assert result.ram == 1.6


@pytest.mark.parametrize(
    "body, entries",
    [
        ("const o = { grow };", [BASE, GROW]),
        ("const o = { [weaken]: 1 };", [BASE, WEAKEN]),
        ("class A { [hack]() {} }", [BASE, HACK]),
        ("const o = {}; o.hack = 5;", [BASE, HACK]),
        ("const { [grow]: x } = ns;", [BASE, GROW]),
        ("function f(a = weaken) {}", [BASE, WEAKEN]),
        ("class A { x = grow; }", [BASE, GROW]),
        ("const s = `${hack}`;", [BASE, HACK]),
        ("ns.getPlayer().hack;", [BASE, ("fn", "getPlayer", 0.5), HACK]),
        ("const f = () => ns.grow('x');", [BASE, GROW]),
    ],
)
def test_names_in_expression_positions_are_charged(body, entries):
    result = price(main_calls(body))
    assert charged(result) == entries
    assert result.cost == pytest.approx(sum(cost for _, _, cost in entries))


def test_jsx_tag_and_attribute_names_are_free_but_embedded_expressions_cost():
    files = {"main.jsx": "export async function main(ns) { ns.printRaw(<hack weaken='1'>{ns.getHostname()}</hack>); }"}
    result = price(files, "main.jsx")
    assert charged(result) == [BASE, ("fn", "getHostname", 0.05)]
    assert result.ram == 1.65


def test_document_as_property_name_costs_the_dom_charge_once():
    result = price(main_calls("const o = {}; o.document = 1; o.document = 2; window; window;"))
    assert charged(result) == [BASE, ("dom", "document", 25), ("dom", "window", 25)]
    assert result.ram == 51.6


def test_local_helper_named_like_an_api_function_is_charged_as_that_function():
    result = price(main_calls("const connect = 1; ns.tprint(connect);"))
    assert charged(result) == [BASE, ("fn", "singularity.connect", 2 * 16)]
    assert result.ram == 33.6


def test_bare_name_shows_the_first_namespace_in_table_order():
    result = price(main_calls("ns.stock.nextUpdate();"), version="2.8.1")
    assert charged(result) == [BASE, ("fn", "corporation.nextUpdate", 1)]
    assert result.ram == 2.6


def test_hacknet_namespace_is_charged_by_name_once_in_2_8_1():
    result = price(main_calls("const hacknet = 1; ns.tprint(hacknet, hacknet);"), version="2.8.1")
    assert charged(result) == [BASE, ("ns", "hacknet", 4)]
    assert result.ram == 5.6
    assert charged(price(main_calls("const hacknet = 1; ns.tprint(hacknet);"))) == [BASE]


# Per-function keys and what imports charge


def test_nested_declarations_belong_to_the_outermost_function():
    files = {
        "lib.js": (
            "export function outer(ns) { function inner() { ns.grow('x'); } return inner; }\n"
            "export function other(ns) { ns.getServer(); }\n"
        ),
        "main.js": "import { outer } from 'lib.js';\nexport async function main(ns) { outer(ns); }\n",
    }
    result = price(files)
    assert charged(result) == [BASE, GROW]
    assert result.ram == 1.75


def test_declaration_inside_module_level_arrow_gets_its_own_key():
    files = {
        "lib.js": (
            "export const helper = () => { function deep(ns) { ns.getServer(); } };\n"
            "export function f(ns) { ns.hack('x'); }\n"
        ),
        "main.js": "import { f } from 'lib.js';\nexport async function main(ns) { f(ns); }\n",
    }
    assert charged(price(files)) == [BASE, HACK]


def test_imported_module_level_code_is_always_charged():
    files = {
        "lib.js": "const x = (ns) => ns.getServer();\nexport function f() {}\n",
        "main.js": "import { f } from 'lib.js';\nexport async function main(ns) { f(); }\n",
    }
    assert charged(price(files)) == [BASE, GET_SERVER]


def test_export_as_charges_only_the_exported_function():
    files = {
        "lib.js": "function a(ns) { ns.getServer(); }\nfunction c(ns) { ns.scan(); }\nexport { a as b };\n",
        "main.js": "import { b } from 'lib.js';\nexport async function main(ns) { b(ns); }\n",
    }
    result = price(files)
    assert charged(result) == [BASE, GET_SERVER]
    assert result.ram == 3.6


def test_default_import_charges_the_whole_module():
    files = {
        "lib.js": "export default function (ns) { ns.hack('x'); }\nexport function other(ns) { ns.getServer(); }\n",
        "main.js": "import lib from 'lib.js';\nexport async function main(ns) { lib(ns); }\n",
    }
    result = price(files)
    assert sorted(charged(result)) == sorted([BASE, HACK, GET_SERVER])
    assert result.ram == 3.7


def test_renamed_import_specifier_is_not_a_reference():
    files = {
        "lib.js": "export function hack() {}\n",
        "main.js": "import { hack as h } from 'lib.js';\nexport async function main(ns) { h(); }\n",
    }
    assert charged(price(files)) == [BASE]


def test_three_module_cycle_prices_each_function_once():
    files = {
        "a.js": "import { fb } from 'b.js';\nexport function fa(ns) { fb(ns); ns.hack('x'); }\n"
        "export async function main(ns) { fa(ns); }\n",
        "b.js": "import { fc } from 'c.js';\nexport function fb(ns) { fc(ns); ns.grow('x'); }\n",
        "c.js": "import { fa } from 'a.js';\nexport function fc(ns) { fa(ns); ns.weaken('x'); }\n",
    }
    result = price(files, "a.js")
    assert sorted(charged(result)) == sorted([BASE, HACK, GROW, WEAKEN])
    assert result.ram == 2.0


def test_reexport_from_a_url_is_skipped():
    files = {"main.js": "export { x } from 'https://example.com/x.js';\nexport async function main(ns) { ns.hack('x'); }\n"}
    assert charged(price(files)) == [BASE, HACK]


# Module resolution


@pytest.mark.parametrize(
    "scripts, specifier, charged_fn",
    [
        ({"lib.js": "hack", "lib.jsx": "grow"}, "lib", HACK),
        ({"lib.jsx": "grow", "lib.script": "weaken"}, "lib", GROW),
        ({"lib.script": "weaken"}, "lib", WEAKEN),
        ({"lib.js.jsx": "grow"}, "lib.js", GROW),
        ({"dir/lib.js": "hack", "dir/dir/lib.js": "grow"}, "dir/lib.js", HACK),
        ({"dir/lib.js": "hack", "dir/dir/lib.js": "grow"}, "./dir/lib.js", GROW),
        ({"lib.js": "hack", "dir/lib.js": "grow"}, "../lib.js", HACK),
        ({"lib.js": "hack"}, "/dir/../lib.js", HACK),
        ({"lib.js": "hack", "dir/sub/lib.js": "grow"}, "./sub/./lib.js", GROW),
    ],
)
def test_import_resolution(scripts, specifier, charged_fn):
    files = {path: f"export function f(ns) {{ ns.{fn}('x'); }}\n" for path, fn in scripts.items()}
    files["dir/main.js"] = f"import {{ f }} from '{specifier}';\nexport async function main(ns) {{ f(ns); }}\n"
    result = price(files, "dir/main.js")
    assert charged(result) == [BASE, charged_fn]


@pytest.mark.parametrize(
    "entry, specifier, existing",
    [
        ("main.js", "../lib.js", "lib.js"),
        ("dir/main.js", "../../lib.js", "lib.js"),
        ("main.js", "./my lib.js", "my lib.js"),
        ("main.js", "lib#1.js", "lib#1.js"),
        ("main.js", "lib~.js", "lib~.js"),
        ("main.js", "dir//lib.js", "dir/lib.js"),
        ("main.js", "http://example.com/lib.js", "lib.js"),
    ],
)
def test_invalid_import_paths_are_import_errors(entry, specifier, existing):
    files = {
        existing: "export function f() {}\n",
        entry: f"import {{ f }} from '{specifier}';\nexport async function main(ns) {{ f(); }}\n",
    }
    result = price(files, entry)
    assert result.error_code == -2
    assert result.error == f'Invalid module: "{specifier}". Base module: "{entry}".'
    assert result.ram is None


def test_bad_import_inside_an_imported_module_names_that_module():
    files = {
        "lib.js": "import { g } from './nope.js';\nexport function f() { g(); }\n",
        "main.js": "import { f } from 'lib.js';\nexport async function main(ns) { f(); }\n",
    }
    result = price(files)
    assert (result.error_code, result.error) == (-2, 'Invalid module: "./nope.js". Base module: "lib.js".')


def test_syntax_error_in_an_imported_module_is_an_import_error_with_its_position():
    files = {
        "lib.js": "export function f() {\n  return (;\n}\n",
        "main.js": "import { f } from 'lib.js';\nexport async function main(ns) { f(); }\n",
    }
    result = price(files)
    assert result.error_code == -2
    assert result.error.startswith("Cannot parse module: lib.js. Filename: main.js. Reason: Syntax error in lib.js")
    assert "Error location: Line 2, Column: 10." in result.error


def test_syntax_error_text_follows_the_game():
    result = price({"main.js": "export async function main(ns) {\n  ns.hack(;\n}\n"})
    assert result.error_code == -1
    assert result.error == (
        "Syntax error in main.js, server: home. Error location: Line 2, Column: 10. "
        "Error message: Unexpected token (2:10)."
    )


def test_server_name_appears_in_the_message():
    result = price({"x.js": "let = ;"}, "x.js", server="n00dles")
    assert result.error.startswith("Syntax error in x.js, server: n00dles.")


def test_unknown_extension_is_a_syntax_class_error():
    result = price({"notes.txt": "hello"}, "notes.txt")
    assert (result.error_code, result.error) == (-1, "Invalid extension: notes.txt")


@pytest.mark.parametrize("entry", ["main.ts", "main.tsx"])
def test_typescript_gets_a_clear_unsupported_extension_error(entry):
    result = price({entry: "export async function main(ns: NS) {}"}, entry)
    assert result.error_code == -1
    assert "Unsupported extension" in result.error and ".js" in result.error


# Singularity multiplier, cap, overrides


@pytest.mark.parametrize(
    "bitnode, sf4, connect",
    [(1, 0, 32), (1, 1, 32), (1, 2, 8), (1, 3, 2), (4, 0, 2), (4, 2, 2), (5, 2, 8)],
)
def test_singularity_multiplier(bitnode, sf4, connect):
    result = price(main_calls("ns.singularity.connect('home');"), bitnode=bitnode, sf4=sf4)
    assert charged(result) == [BASE, ("fn", "singularity.connect", connect)]
    assert result.cost == pytest.approx(1.6 + connect)


def test_cap_adds_the_max_ram_cap_entry():
    body = "ns.singularity.destroyW0r1dD43m0n(1); ns.singularity.b1tflum3(1); ns.singularity.goToLocation('x');"
    body += " document; window;"
    body += " ns.corporation.createCorporation(); ns.corporation.goPublic(); ns.corporation.bribe();"
    body += " ns.corporation.sellShares(); ns.corporation.issueDividends(); ns.singularity.connect('a');"
    result = price(main_calls(body))
    assert result.cost == 1024 and result.ram == 1024
    assert charged(result)[-1] == ("misc", "Max Ram Cap", 1024)


@pytest.mark.parametrize(
    "first_statement, ram",
    [
        ("ns.ramOverride(1.6);", 1.6),
        ("ns.ramOverride(1.625);", 1.63),
        ("ns.ramOverride(2000);", 2000),
        ("(ns.ramOverride)(3);", 3),
        ("ns?.ramOverride(3);", 3),
        ("ns.ramOverride?.(3);", 3),
        ("ramOverride(3);", 3),
        ("ns.a.b.ramOverride(3);", 3),
        ("ns.ramOverride(0x10);", 16),
    ],
)
def test_ram_override_honoured(first_statement, ram):
    result = price(main_calls(f"{first_statement} ns.getServer();"))
    assert charged(result) == [("misc", "override", ram)]
    assert result.cost == ram and result.ram == ram


@pytest.mark.parametrize(
    "first_statement",
    [
        "ns.ramOverride(1.59);",
        "ns.ramOverride(1.6 + 1);",
        "ns.ramOverride(-5);",
        "ns.ramOverride('3');",
        "ns.ramOverride(3, 4);",
        "ns['ramOverride'](3);",
        "const v = 3; ns.ramOverride(v);",
        "'use strict'; ns.ramOverride(3);",
    ],
)
def test_ram_override_ignored(first_statement):
    result = price(main_calls(f"{first_statement} ns.getServer();"))
    assert charged(result) == [BASE, GET_SERVER]
    assert result.ram == 3.6


def test_ram_override_in_arrow_main_is_ignored():
    files = {"main.js": "export const main = async (ns) => { ns.ramOverride(3); ns.getServer(); };\n"}
    assert price(files).ram == 3.6


def test_ram_override_is_honoured_in_an_unexported_main():
    files = {"main.js": "async function main(ns) { ns.ramOverride(4); ns.hack('x'); }\n"}
    assert charged(price(files)) == [("misc", "override", 4)]

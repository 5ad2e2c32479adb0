"""`hwgw push` against a fake game that speaks the Remote API as the protocol notes describe."""

import asyncio
import logging
import re

import click
import pytest

from fake_game import FakeGame
from hwgw.remote.cli import push_build, run_push
from hwgw.remote.link import REPLACED, CannotListen, GameDisconnected, GameLink

# A small build: a worker, the library it imports, and a data file.
HACK = 'import { log } from "/hwgw/lib/runtime.js";\nexport async function main(ns) { log(await ns.hack(ns.args[0])); }\n'
GROW = "export async function main(ns) { await ns.grow(ns.args[0]); }\n"
RUNTIME = "export function log(x) { return x; }\n"
BUILD = {
    "hwgw/workers/hack.js": HACK,
    "hwgw/workers/grow.js": GROW,
    "hwgw/lib/runtime.js": RUNTIME,
    "hwgw/targets.json": '["n00dles"]',
}
# What the game's calculator says for each script: base 1.6 GB plus hack 0.1 / grow 0.15; the library
# calls nothing. The figures differ per script, so a reply matched to the wrong request would show.
GAME_RAM = {"hwgw/workers/hack.js": 1.7, "hwgw/workers/grow.js": 1.75, "hwgw/lib/runtime.js": 1.6}


def game_ram(files, name):
    return GAME_RAM[name]


def price_like_game(files, entry):
    return GAME_RAM[entry]


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 5))


async def push_to(game, files=BUILD, server="home", price=price_like_game, reply_timeout=2.0):
    lines = []
    link = GameLink(reply_timeout=reply_timeout)
    async with link.listen("127.0.0.1", 0) as port:
        await game.connect(port)
        assert await link.wait_for_game(2)
        ok = await push_build(link, files, server, price, lines.append)
        await game.close()
    return ok, lines


def table_rows(lines):
    """script -> (hwgw, game, match) from the printed table."""
    rows = {}
    for line in lines:
        m = re.match(r"(\S+)\s+(\d+\.\d\d GB|invalid)\s+(\d+\.\d\d GB|invalid)\s+(yes|NO)$", line)
        if m:
            rows[m[1]] = (m[2], m[3], m[4])
    return rows


def test_push_puts_every_file_on_the_server_and_prints_matching_ram():
    game = FakeGame(game_ram)
    ok, lines = run(push_to(game))
    assert ok
    assert game.files["home"] == BUILD
    assert game.files["n00dles"] == {}
    assert table_rows(lines) == {
        "hwgw/lib/runtime.js": ("1.60 GB", "1.60 GB", "yes"),
        "hwgw/workers/grow.js": ("1.75 GB", "1.75 GB", "yes"),
        "hwgw/workers/hack.js": ("1.70 GB", "1.70 GB", "yes"),
    }
    assert lines[-1] == "pushed 4 of 4 files to home, checked 3 scripts: all RAM figures match the game"
    # Scripts are priced only after every file is on the server, since imports resolve there.
    methods = [r["method"] for r in game.requests]
    assert methods == ["pushFile"] * 4 + ["calculateRam"] * 3


def test_push_sends_json_rpc_requests_with_in_game_paths():
    game = FakeGame(game_ram)
    run(push_to(game))
    first = game.requests[0]
    assert first["jsonrpc"] == "2.0"
    assert first["method"] == "pushFile"
    assert first["params"] == {"filename": "hwgw/lib/runtime.js", "content": RUNTIME, "server": "home"}
    assert len({r["id"] for r in game.requests}) == len(game.requests)


def test_ram_mismatch_fails_the_push():
    # The game charges grow 0.15 GB; a calculator that charged it like hack (0.1 GB) is 0.05 GB short.
    def short_on_grow(files, entry):
        return 1.7 if entry == "hwgw/workers/grow.js" else GAME_RAM[entry]

    ok, lines = run(push_to(FakeGame(game_ram), price=short_on_grow))
    assert not ok
    assert table_rows(lines)["hwgw/workers/grow.js"] == ("1.70 GB", "1.75 GB", "NO")
    assert table_rows(lines)["hwgw/workers/hack.js"][2] == "yes"
    assert lines[-1].endswith(": 1 RAM mismatch")


def test_ram_differences_below_the_games_rounding_still_match():
    # 1.6 + 0.15 in floating point is 1.7500000000000002; the game shows and compares it as 1.75.
    ok, lines = run(push_to(FakeGame(game_ram), price=lambda files, entry: 1.6 + 0.15 if "grow" in entry
                            else GAME_RAM[entry]))
    assert ok
    assert table_rows(lines)["hwgw/workers/grow.js"] == ("1.75 GB", "1.75 GB", "yes")


def test_script_both_sides_refuse_to_price_matches_and_shows_the_games_reason():
    files = {"broken.js": "export async function main(ns) {"}
    ok, lines = run(push_to(FakeGame(lambda files, name: None), files=files, price=lambda f, e: None))
    assert ok
    assert table_rows(lines) == {"broken.js": ("invalid", "invalid", "yes")}
    assert (
        "  broken.js: the game says: Cannot calculate RAM usage of an invalid script. Filename: broken.js" in lines
    )


def test_script_only_the_game_refuses_is_a_mismatch():
    files = {"broken.js": "export async function main(ns) {"}
    ok, lines = run(push_to(FakeGame(lambda files, name: None), files=files, price=lambda f, e: 1.6))
    assert not ok
    assert table_rows(lines) == {"broken.js": ("1.60 GB", "invalid", "NO")}


def test_failed_pushes_are_reported_with_the_games_error_and_fail_the_push():
    files = {"hwgw/workers/hack.js": HACK, "notes.md": "# notes", "bad name.js": GROW}
    game = FakeGame(game_ram)
    ok, lines = run(push_to(game, files=files))
    assert not ok
    assert "push failed: notes.md: Invalid file extension. Filename: notes.md" in lines
    assert "push failed: bad name.js: Invalid file path: bad name.js" in lines
    assert game.files["home"] == {"hwgw/workers/hack.js": HACK}
    # Only the script that arrived is priced.
    assert list(table_rows(lines)) == ["hwgw/workers/hack.js"]
    assert lines[-1] == "pushed 1 of 3 files to home, checked 1 scripts: 2 failed"


def test_unknown_server_fails_every_push():
    game = FakeGame(game_ram)
    ok, lines = run(push_to(game, server="nowhere"))
    assert not ok
    assert "push failed: hwgw/workers/hack.js: Invalid hostname: nowhere" in lines
    assert table_rows(lines) == {}


def test_out_of_order_replies_are_matched_by_id():
    game = FakeGame(game_ram, reverse=True)
    ok, lines = run(push_to(game))
    assert ok
    ram_ids = [r["id"] for r in game.requests if r["method"] == "calculateRam"]
    assert [i for i in game.answered if i in ram_ids] == sorted(ram_ids, reverse=True)
    assert table_rows(lines)["hwgw/workers/hack.js"] == ("1.70 GB", "1.70 GB", "yes")
    assert table_rows(lines)["hwgw/workers/grow.js"] == ("1.75 GB", "1.75 GB", "yes")


JUNK = (
    "this is not json",
    b"\x00\x01binary",
    "[1, 2, 3]",
    '{"jsonrpc": "2.0", "result": "OK"}',
    '{"jsonrpc": "2.0", "id": "7", "result": "OK"}',
    '{"jsonrpc": "2.0", "id": 99999, "result": 1.6}',
    '{"jsonrpc": "2.0", "id": 1}',
    '{"jsonrpc": "2.0", "id": 5, "method": "pushFile", "params": {}}',
)


def test_malformed_and_unexpected_frames_are_logged_and_ignored(caplog):
    caplog.set_level(logging.WARNING, logger="hwgw.remote")
    ok, lines = run(push_to(FakeGame(game_ram, junk=JUNK)))
    assert ok
    assert table_rows(lines)["hwgw/workers/grow.js"] == ("1.75 GB", "1.75 GB", "yes")
    logged = caplog.text
    for expected in [
        "frame is not JSON: this is not json",
        "binary frame ignored",
        "frame is not a JSON object: [1, 2, 3]",
        'frame has no numeric id: {"jsonrpc": "2.0", "result": "OK"}',
        'frame has no numeric id: {"jsonrpc": "2.0", "id": "7"',
        "reply to no pending request",
        'reply has neither result nor error: {"jsonrpc": "2.0", "id": 1}',
        "the game sent a request, but it only answers requests",
    ]:
        assert expected in logged


def test_a_request_the_game_never_answers_is_a_failure_not_a_hang():
    game = FakeGame(game_ram, silent_methods=("calculateRam",))
    ok, lines = run(push_to(game, reply_timeout=0.2))
    assert not ok
    assert table_rows(lines)["hwgw/workers/hack.js"] == ("1.70 GB", "invalid", "NO")
    assert "  hwgw/workers/hack.js: the game says: the game did not answer calculateRam within 0.2 s" in lines


def test_disconnect_fails_pending_requests_and_a_reconnected_game_gets_the_push():
    async def scenario():
        link = GameLink(reply_timeout=3)
        async with link.listen("127.0.0.1", 0) as port:
            first = await FakeGame(game_ram, drop_after=2).connect(port)
            assert await link.wait_for_game(2)
            with pytest.raises(GameDisconnected):
                await push_build(link, BUILD, "home", price_like_game, lambda line: None)
            await first.task
            assert not link.connected
            second = await FakeGame(game_ram).connect(port)
            assert await link.wait_for_game(2)
            lines = []
            ok = await push_build(link, BUILD, "home", price_like_game, lines.append)
            await second.close()
            return ok, first, second

    ok, first, second = run(scenario())
    assert ok
    assert second.files["home"] == BUILD
    assert len(first.files["home"]) == 2


def test_a_new_game_connection_replaces_the_old_one():
    async def scenario():
        link = GameLink()
        async with link.listen("127.0.0.1", 0) as port:
            old = await FakeGame(game_ram).connect(port)
            assert await link.wait_for_game(2)
            new = await FakeGame(game_ram).connect(port)
            await old.task  # the tool closes the replaced connection
            ok = await push_build(link, BUILD, "home", price_like_game, lambda line: None)
            await new.close()
            return ok, old, new, link.generation

    ok, old, new, generation = run(scenario())
    assert ok
    assert old.close_code == REPLACED
    assert old.requests == []
    assert new.files["home"] == BUILD
    assert generation == 2


def test_no_game_within_the_timeout_explains_how_to_enable_the_remote_api():
    with pytest.raises(click.ClickException) as raised:
        run(run_push(BUILD, "127.0.0.1", 0, "home", 0.1, price_like_game, lambda line: None))
    message = raised.value.message
    port = re.search(r"ws://127\.0\.0\.1:(\d+) within 0\.1 s", message)[1]
    assert port != "0"
    assert "Options → Remote API" in message
    assert f"set Hostname to localhost and Port to {port}, then press Connect" in message


def test_busy_port_is_a_clear_error():
    async def scenario():
        async with GameLink().listen("127.0.0.1", 0) as port:
            await run_push(BUILD, "127.0.0.1", port, "home", 0.1, price_like_game, lambda line: None)

    with pytest.raises(CannotListen, match=r"cannot listen on 127\.0\.0\.1:\d+: .*pass --port"):
        run(scenario())

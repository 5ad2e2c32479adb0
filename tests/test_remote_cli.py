"""The `hwgw push` / `hwgw watch` command lines: binding rules, missing builds, the no-game message."""

import pytest
from click.testing import CliRunner

import hwgw.remote.cli as remote_cli
from hwgw.cli import main
from hwgw.remote.cli import is_loopback


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False)],
)
def test_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("command", ["push", "watch"])
def test_binding_beyond_loopback_needs_the_flag(command):
    result = CliRunner().invoke(main, [command, "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0 is not a loopback address" in result.output
    assert "--allow-remote" in result.output


def test_push_without_a_build_says_to_build_first(tmp_path):
    result = CliRunner().invoke(main, ["push", "--build", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "does not exist: run `hwgw build` first" in result.output


def test_push_with_no_game_exits_1_with_how_to_connect(tmp_path, monkeypatch):
    (tmp_path / "x.js").write_text("export async function main(ns) {}\n")
    monkeypatch.setattr(remote_cli, "read_build", lambda folder: {"x.js": (folder / "x.js").read_text()})
    result = CliRunner().invoke(main, ["push", "--build", str(tmp_path), "--port", "0", "--timeout", "0.1"])
    assert result.exit_code == 1
    assert "the game did not connect to ws://127.0.0.1:" in result.output
    assert "In the game, open Options → Remote API, set Hostname to localhost and Port to" in result.output
    assert "then press Connect" in result.output

"""`hwgw mem`: price scripts and folders as the game does, and check them against their budgets."""

import json
from pathlib import Path

import click

from hwgw.mem.budgets import BudgetError, Priced, budget_for, check_failures, load_budgets
from hwgw.mem.calculate import calculate_ram
from hwgw.mem.paths import MODULE_EXTENSIONS
from hwgw.mem.report import json_record, mem_lines, table_lines
from hwgw.mem.server import ServerFolder

GAME_VERSIONS = {"3.0": "3.0", "2.8": "2.8.1"}
IMPORT_ERROR = -2


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON record per script instead of text.")
@click.option("-t", "--threads", type=click.IntRange(min=1), default=1, show_default=True, help="Threads to price.")
@click.option(
    "--game-version", type=click.Choice(sorted(GAME_VERSIONS)), default="3.0", show_default=True,
    help="Cost table of this game version.",
)
@click.option("--bitnode", type=click.IntRange(min=1), default=1, show_default=True, help="Current BitNode.")
@click.option(
    "--sf4", type=click.IntRange(0, 3), default=0, show_default=True, help="Source-File 4 level (singularity costs)."
)
@click.option("--check", is_flag=True, help="Exit 1 if a script is over its budget or cannot be priced.")
def mem(paths, as_json, threads, game_version, bitnode, sf4, check):
    """Price each script PATH, or every script in a folder PATH, as the game's RAM calculator does.

    A folder is one game server: imports resolve within it. A script's server is the folder it sits in, or the
    nearest folder above it from which its imports resolve.
    Budgets come from [tool.hwgw.budgets] in the nearest pyproject.toml, with paths relative to the priced folder.
    Exit codes: 0 fine, 2 a script could not be priced, 1 with --check a script over budget or unpriced.
    """
    try:
        budgets = load_budgets(Path.cwd())
    except BudgetError as error:
        raise click.UsageError(str(error)) from None
    for path in paths:
        if path.is_file() and not path.name.endswith(MODULE_EXTENSIONS):
            raise click.BadParameter(
                f"{path} is not a script; give a {', '.join(MODULE_EXTENSIONS)} file or a folder", param_hint="PATH"
            )
    options = {"version": GAME_VERSIONS[game_version], "bitnode": bitnode, "sf4": sf4}
    groups = [(path, _price_path(path, budgets, options)) for path in paths]
    priced = [item for _, items in groups for item in items]
    if as_json:
        click.echo(json.dumps([json_record(item, threads) for item in priced], indent=2))
    else:
        blocks = [_text(path, items, threads, many=len(paths) > 1) for path, items in groups]
        click.echo("\n\n".join("\n".join(lines) for lines in blocks))
    if check:
        failures = check_failures(priced)
        for line in failures:
            click.echo(line, err=True)
        raise SystemExit(1 if failures else 0)
    raise SystemExit(2 if any(item.result.error is not None for item in priced) else 0)


def _price_path(path: Path, budgets: dict[str, float], options: dict) -> list[Priced]:
    if path.is_dir():
        server = ServerFolder(path)
        keys = [key for key in server if key.endswith(MODULE_EXTENSIONS)]
        return [_price(key, key, server, budgets, options) for key in keys]
    return [_price_file(path, budgets, options)]


def _price_file(path: Path, budgets: dict[str, float], options: dict) -> Priced:
    """A script's server is its own folder, unless its imports only resolve from a folder above it (as a built
    script's root-absolute `/hwgw/lib/runtime.js` does): then the nearest such folder is the server."""
    first = _price(str(path), path.name, ServerFolder(path.parent), budgets, options)
    if first.result.error_code != IMPORT_ERROR:
        return first
    for root in path.resolve().parents[1:]:
        key = path.resolve().relative_to(root).as_posix()
        priced = _price(str(path), key, ServerFolder(root), budgets, options)
        if priced.result.error_code != IMPORT_ERROR:
            return priced
    return first


def _price(script: str, key: str, server: ServerFolder, budgets: dict[str, float], options: dict) -> Priced:
    return Priced(script, key, calculate_ram(server, key, **options), budget_for(key, budgets))


def _text(path: Path, items: list[Priced], threads: int, many: bool) -> list[str]:
    if path.is_dir():
        return [f"{path}:", *table_lines(items, threads)] if many else table_lines(items, threads)
    (item,) = items
    lines = mem_lines(item.script, item.result, threads)
    return [f"{path}:", *lines] if many else lines

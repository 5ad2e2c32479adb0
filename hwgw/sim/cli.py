"""`hwgw sim`: run the built scripts against the emulated game on a virtual clock and report what they earned."""

import json
import sys
from pathlib import Path

import click

EXIT_SCRIPT_ERRORS = 1
EXIT_BAD_INPUT = 2


def parse_window(text):
    if text is None:
        return None
    try:
        start, end = (float(part) * 1000 for part in text.split(":"))
    except ValueError:
        raise click.BadParameter("use START:END in seconds of game time, e.g. 600:660", param_hint="--window")
    if end <= start:
        raise click.BadParameter("END must be after START", param_hint="--window")
    return start, end


@click.command()
@click.option("--scenario", "scenario_file",
              help="JSON scenario file, or a shipped scenario by name: growth, bitnode "
                   "(default: the built-in mid-game BitNode-1 world).")
@click.option("--save", "save_file", type=click.Path(dir_okay=False),
              help="A save exported from the game (.json or .json.gz): simulate its world; "
                   "--scenario keys are laid over it.")
@click.option("--hours", type=click.FloatRange(min=0, min_open=True), help="Game time to simulate (default: the scenario's, 1).")
@click.option("--baseline", is_flag=True, help="Run the early-hacking-template baseline instead of the system.")
@click.option("--seed", type=int, help="Seed for the world, hack chances and timer lateness (default: the scenario's).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the report.")
@click.option("--timeline", type=click.Path(dir_okay=False), help="Write an SVG of the jobs in a window of time.")
@click.option("--window", help="START:END seconds of game time for --timeline (default: the last 400 jobs).")
@click.option("--build", "build_dir", type=click.Path(file_okay=False),
              help="Use this built tree instead of building the shipped sources now.")
def sim(scenario_file, save_file, hours, baseline, seed, as_json, timeline, window, build_dir):
    """Simulate the built scripts in an emulated game and report income, batches, calls and RAM."""
    from ..build import BuildError
    from . import report
    from .engine import StartError
    from .link import HarnessError
    from .save import SaveError, describe
    from .save import load as load_save
    from .scenario import ScenarioError, find, load, merge
    from .system import SetupError, built_files, plan, simulate
    from .timeline import draw

    window = parse_window(window)
    try:
        found = load_save(save_file) if save_file else None
        base = found.scenario if found else {}
        scenario = load(find(scenario_file), base) if scenario_file else merge(base, save_file or "<scenario>")
        if hours is not None:
            scenario["hours"] = hours
        if seed is not None:
            scenario["seed"] = seed
        if build_dir is not None and not Path(build_dir).is_dir():
            raise SetupError(f"--build {build_dir}: no such folder; run `hwgw build --out {build_dir}` first")
        chosen = plan(scenario, built_files(build_dir, baseline), baseline)
    except (ScenarioError, SaveError, SetupError, BuildError) as error:
        click.echo(f"hwgw sim: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)

    try:
        em, summary = simulate(scenario, chosen)
    except (StartError, HarnessError) as error:
        click.echo(f"hwgw sim: {error}", err=True)
        sys.exit(EXIT_SCRIPT_ERRORS)
    if timeline:
        Path(timeline).write_text(draw(em.jobs, em.traces, window))
    if as_json:
        summary["errors"] = em.errors[:5]
        summary["events"] = em.world_events
        if found:
            summary["save"] = {"file": save_file, "bitnode": list(found.bitnode), "left_out": found.left_out,
                               "running": [vars(script) for script in found.running]}
        click.echo(json.dumps(summary, indent=2))
    else:
        if found:
            lines = [f"hwgw sim: the world of {save_file}"] + [f"  {line}" for line in describe(found, scenario)]
            click.echo("\n".join(lines))
        click.echo(report.render(summary, em.errors, em.terminal))
        for event in em.world_events:
            click.echo(f"  event at {event['at_s']:g} s: {event['note']}")
        if timeline:
            click.echo(f"  timeline        {timeline}")
    if em.errors:
        sys.exit(EXIT_SCRIPT_ERRORS)

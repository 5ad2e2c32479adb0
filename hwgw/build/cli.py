"""`hwgw build` on the command line."""

import sys
from pathlib import Path

import click

from . import BuildError, build as run_build, default_source


@click.command()
@click.option("--src", type=click.Path(path_type=Path), default=None,
              help="Folder of Python scripts (default: the shipped HWGW system).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Output folder; it receives the in-game tree.")
def build(src, out):
    """Transpile Python scripts to Netscript-safe JavaScript."""
    try:
        report = run_build(src, out)
    except BuildError as error:
        for finding in error.findings:
            click.echo(str(finding), err=True)
        click.echo(f"build failed; {out} is unchanged", err=True)
        sys.exit(2)
    click.echo(f"built {len(report.files)} files ({len(report.scripts)} scripts) from "
               f"{src or default_source()} into {out}")
    for script in report.scripts:
        click.echo(f"  {report.ram[script]:6.2f} GB  {script}")
    if report.runtime_bytes_before:
        click.echo(f"runtime: {report.runtime_bytes_before} bytes from Transcrypt, "
                   f"{report.runtime_bytes_after} bytes after pruning")

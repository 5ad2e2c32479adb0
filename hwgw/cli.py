"""The `hwgw` command. Each subcommand lives in its own module and is imported only when used."""

import importlib

import click

SUBCOMMANDS = {
    "build": "hwgw.build.cli:build",
    "mem": "hwgw.mem.cli:mem",
    "sim": "hwgw.sim.cli:sim",
    "push": "hwgw.remote.cli:push",
    "watch": "hwgw.remote.cli:watch",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx, name):
        target = SUBCOMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup)
@click.version_option(package_name="hwgw")
def main():
    """Bitburner scripts in Python: build, price, simulate and push them."""

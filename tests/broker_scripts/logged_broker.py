"""The broker, with its log lines copied to the terminal so that tests can read them."""

from hwgw.game.broker import main as broker_main
from hwgw.ns import NS


async def main(ns: NS) -> None:
    def to_terminal(text):
        ns.tprint(f"log {text}")

    ns.print = to_terminal
    await broker_main(ns)

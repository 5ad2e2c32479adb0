"""The game's static RAM calculator: what a Netscript script costs to run, to the hundredth of a GB."""

from hwgw.mem.calculate import calculate_ram
from hwgw.mem.result import RamEntry, RamResult
from hwgw.mem.server import read_server

__all__ = ["RamEntry", "RamResult", "calculate_ram", "read_server"]

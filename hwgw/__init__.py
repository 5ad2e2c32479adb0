"""hwgw: Bitburner scripts in Python, transpiled to Netscript JavaScript."""

__version__ = "0.1.0"

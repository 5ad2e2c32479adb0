"""Parsing a script file into an ESTree module, with the game's syntax-error text.

The game parses `.js` with acorn and the other script types with babel. hwgw uses esprima (same ESTree shapes); its
error positions are converted to acorn's (line 1-based, column 0-based), and its "unexpected ..." messages are
worded as acorn words them. Other messages keep esprima's wording.
"""

import re
from functools import lru_cache

import esprima  # type: ignore[import-untyped]

PARSED_EXTENSIONS = {".js": False, ".jsx": True, ".script": False}
UNSUPPORTED_EXTENSIONS = (".ts", ".tsx")

_UNEXPECTED = re.compile(r"Unexpected (token|identifier|number|string|end of input|quasi|template)\b")
_UNCLOSED = {'"': "Unterminated string constant", "'": "Unterminated string constant", "`": "Unterminated template"}


class ParseFailure(Exception):
    """A script the calculator cannot read. The message is the text the game shows."""


class ScriptSyntaxError(ParseFailure):
    pass


class UnsupportedExtension(ParseFailure):
    pass


def extension(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1]
    return name[name.rfind("."):] if "." in name else ""


def parse_script(code: str, filename: str, server: str = "home"):
    """The ESTree Program of `code`; raises ParseFailure with the game's message."""
    ext = extension(filename)
    if ext in UNSUPPORTED_EXTENSIONS:
        raise UnsupportedExtension(
            f"Unsupported extension: {filename}. hwgw mem prices .js, .jsx and .script files; "
            f"compile TypeScript to .js first."
        )
    if ext not in PARSED_EXTENSIONS:
        raise ParseFailure(f"Invalid extension: {filename}")
    try:
        return _parse(code, PARSED_EXTENSIONS[ext])
    except esprima.Error as error:
        line = error.lineNumber
        column = error.column - 1
        text = _acorn_wording(error.message.removeprefix(f"Line {line}: "), code, error.index)
        raise ScriptSyntaxError(
            f"Syntax error in {filename}, server: {server}. Error location: Line {line}, Column: {column}. "
            f"Error message: {text} ({line}:{column})."
        ) from None


@lru_cache(maxsize=128)
def _parse(code: str, jsx: bool):
    """Parse once per distinct source: a folder's scripts often import the same library."""
    return esprima.parseModule(code, {"jsx": jsx})


def _acorn_wording(message: str, code: str, index: int) -> str:
    if message == "Unexpected token ILLEGAL":
        char = code[index] if index < len(code) else ""
        return _UNCLOSED.get(char, f"Unexpected character '{char}'")
    if _UNEXPECTED.match(message):
        return "Unexpected token"
    return message

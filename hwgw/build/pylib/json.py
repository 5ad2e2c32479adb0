"""`json` for built scripts: JavaScript's JSON underneath, Python's text format and types on top.

Compiled by Transcrypt only. `loads` gives dicts and lists; `dumps` writes Python's separators and number forms, and
escapes non-ASCII unless ensure_ascii is False.
A float with no fractional part is written like an int, since JavaScript keeps no difference between them.
"""

# __pragma__ ("skip")
__pragma__ = Array = JSON = Number = Object = RegExp = __typeof__ = js_Infinity = js_NaN = None
# __pragma__ ("noskip")

from pybuiltins import sorted
from pyvalues import float_repr, int_text


def _plain_object(value):
    """A JavaScript object such as JSON.parse or a Netscript call gives, or a dict's copy that came through a port."""
    if value is None or __typeof__(value) != "object" or Array.isArray(value):
        return False
    prototype = Object.getPrototypeOf(value)
    return prototype is None or prototype is Object.prototype


def _to_python(value, marked):
    if Array.isArray(value):
        return [_to_python(item, marked) for item in value]
    if _plain_object(value):
        result = {}
        for key in Object.js_keys(value):
            result.__setitem__(key.slice(1) if marked else key, _to_python(value[key], marked))
        return result
    return value


class JSONDecodeError(ValueError):
    pass


# Outside strings, the constants Python's JSON has and JavaScript's lacks.
_CONSTANTS = RegExp('"(?:[^"\\\\]|\\\\.)*"|-?Infinity|NaN', "g")
_NON_FINITE = {"NaN": js_NaN, "Infinity": js_Infinity, "-Infinity": -js_Infinity}


def _parse(text):
    try:
        return JSON.parse(text)
    except:  # noqa: E722 - JavaScript's SyntaxError, which no Python except clause names
        pass
    marked = text.js_replace(_CONSTANTS, lambda found: found if found[0] == '"' else '"\\u0000' + found + '"')
    try:
        return JSON.parse(marked, lambda key, value: _NON_FINITE[value.slice(1)]
                          if __typeof__(value) == "string" and value[0] == "\0" else value)
    except:  # noqa: E722
        raise JSONDecodeError("Expecting value")


# JavaScript's objects put keys such as "10" first; marking every key keeps the text's order.
_KEY = RegExp('"(?:[^"\\\\]|\\\\.)*"(\\s*:)?', "g")


def loads(text):
    if not RegExp('"\\d+"\\s*:').test(text):
        return _to_python(_parse(text), False)
    marked = text.js_replace(_KEY, lambda found, colon: '"_' + found.slice(1) if colon else found)
    return _to_python(_parse(marked), True)


def _ascii(text):
    out = []
    for char in text:
        code = ord(char)
        if code < 128:
            out.append(char)
        else:
            out.append("\\u" + ("0000" + code.toString(16)).slice(-4))
    return "".join(out)


def _key(key):
    if key is None:
        return "null"
    if key is True:
        return "true"
    if key is False:
        return "false"
    if __typeof__(key) == "number":
        return _encode(key, "", "", False, None, 0, False)
    if __typeof__(key) != "string":
        raise TypeError("keys must be str, int, float, bool or None, not " + type(key).__name__)
    return key


def _quote(text, ascii_only):
    quoted = JSON.stringify(text)
    return _ascii(quoted) if ascii_only else quoted


def _encode(value, item_sep, key_sep, sort_keys, indent, depth, ascii_only):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if __typeof__(value) == "number":
        if value != value:
            return "NaN"
        if value == js_Infinity:
            return "Infinity"
        if value == -js_Infinity:
            return "-Infinity"
        return int_text(value) if Number.isInteger(value) else float_repr(value)
    if __typeof__(value) == "string":
        return _quote(value, ascii_only)
    if isinstance(value, list) or isinstance(value, tuple):
        parts = [_encode(item, item_sep, key_sep, sort_keys, indent, depth + 1, ascii_only) for item in value]
        return _wrap("[", parts, "]", item_sep, indent, depth)
    if isinstance(value, dict) or _plain_object(value):
        keys = list(value.keys()) if isinstance(value, dict) else Object.js_keys(value)
        if sort_keys:
            keys = sorted(keys)
        parts = [_quote(_key(k), ascii_only) + key_sep
                 + _encode(value[k], item_sep, key_sep, sort_keys, indent, depth + 1, ascii_only) for k in keys]
        return _wrap("{", parts, "}", item_sep, indent, depth)
    raise TypeError("Object of this type is not JSON serializable")


def _wrap(opening, parts, closing, item_sep, indent, depth):
    if not parts:
        return opening + closing
    if indent is None:
        return opening + item_sep.join(parts) + closing
    unit = indent if __typeof__(indent) == "string" else " " * indent
    inner = "\n" + unit * (depth + 1)
    outer = "\n" + unit * depth
    return opening + inner + (item_sep.rstrip() + inner).join(parts) + outer + closing


def dumps(obj, *positional, indent=None, separators=None, sort_keys=False, ensure_ascii=True):
    if positional.length:
        raise TypeError("dumps() takes 1 positional argument but " + str(1 + len(positional)) + " were given")
    if separators is not None:
        item_sep, key_sep = separators[0], separators[1]
    elif indent is not None:
        item_sep, key_sep = ",", ": "
    else:
        item_sep, key_sep = ", ", ": "
    return _encode(obj, item_sep, key_sep, sort_keys, indent, 0, ensure_ascii)

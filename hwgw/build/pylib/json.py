"""`json` for built scripts: JavaScript's JSON underneath, Python's text format and types on top.

Compiled by Transcrypt only. `loads` gives dicts and lists; `dumps` writes Python's separators and number forms, and
escapes non-ASCII unless ensure_ascii is False.
A float with no fractional part is written like an int, since JavaScript keeps no difference between them.
"""

# __pragma__ ("skip")
__pragma__ = Array = JSON = Number = Object = __typeof__ = js_Infinity = None
# __pragma__ ("noskip")

from pyvalues import float_repr, int_text


def _plain_object(value):
    return value is not None and __typeof__(value) == "object" and not Array.isArray(value)


def _to_python(value):
    if Array.isArray(value):
        return [_to_python(item) for item in value]
    if _plain_object(value):
        result = {}
        for key in Object.js_keys(value):
            result[key] = _to_python(value[key])
        return result
    return value


def loads(text):
    return _to_python(JSON.parse(text))


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
    return str(key)


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
    inner = "\n" + " " * (indent * (depth + 1))
    outer = "\n" + " " * (indent * depth)
    return opening + inner + (item_sep.rstrip() + inner).join(parts) + outer + closing


def dumps(obj, indent=None, separators=None, sort_keys=False, ensure_ascii=True):
    if separators is not None:
        item_sep, key_sep = separators[0], separators[1]
    elif indent is not None:
        item_sep, key_sep = ",", ": "
    else:
        item_sep, key_sep = ", ", ": "
    return _encode(obj, item_sep, key_sep, sort_keys, indent, 0, ensure_ascii)

"""str and list methods for built scripts, where Transcrypt 3.9.5's runtime lacks them or differs from Python.

Compiled by Transcrypt only, with operator overloading off. Each method is a plain function of its receiver,
installed on `String.prototype` or `Array.prototype` (lists, tuples and sets are arrays) as a non-enumerable
property. The linker keeps an installation only when a built script uses that method name. lower.py reads the
installed names from this file and makes a script that calls one of them (or prints) import `METHODS`, which keeps
this module in the build.
"""

from pyvalues import contains, equal, items, kind, repr_str, slice_bounds, slice_positions, sort_in_place

# __pragma__ ("skip")
__pragma__ = Array = Math = Object = String = __method__ = None
# __pragma__ ("noskip")

__pragma__("noopov")

__pragma__("js", "{}", """
function __method__ (fn) {
    return {value: function (...args) {return fn (this, ...args);}, writable: true, configurable: true};
}
""")

METHODS = True


def _bounds(text, start, end):
    size = text.length
    start = 0 if start == None else (max(size + start, 0) if start < 0 else min(start, size))  # noqa: E711
    end = size if end == None else (max(size + end, 0) if end < 0 else min(end, size))  # noqa: E711
    return start, end


def _count(text, sub, start=None, end=None):
    start, end = _bounds(text, start, end)
    if start > end:
        return 0
    if sub.length == 0:
        return end - start + 1
    found, at = 0, text.indexOf(sub, start)
    while 0 <= at and at + sub.length <= end:
        found += 1
        at = text.indexOf(sub, at + sub.length)
    return found


def _find(text, sub, start=None, end=None):
    start, end = _bounds(text, start, end)
    at = text.indexOf(sub, start)
    return at if 0 <= at and at + sub.length <= end and start <= end else -1


def _rfind(text, sub, start=None, end=None):
    start, end = _bounds(text, start, end)
    if end - sub.length < start:
        return -1
    at = text.lastIndexOf(sub, end - sub.length)
    return at if at >= start else -1


def _index(text, sub, start=None, end=None):
    at = _find(text, sub, start, end)
    if at < 0:
        raise ValueError("substring not found")
    return at


def _rindex(text, sub, start=None, end=None):
    at = _rfind(text, sub, start, end)
    if at < 0:
        raise ValueError("substring not found")
    return at


def _zfill(text, width):
    sign = text[0] if text.length and (text[0] == "-" or text[0] == "+") else ""
    digits = text.slice(sign.length)
    return sign + "0".repeat(max(width - text.length, 0)) + digits


def _center(text, width, fill=" "):
    missing = width - text.length
    if missing <= 0:
        return text
    left = Math.floor(missing / 2) + (missing & width & 1)
    return fill.repeat(left) + text + fill.repeat(missing - left)


def _ljust(text, width, fill=" "):
    return text + fill.repeat(max(width - text.length, 0))


def _rjust(text, width, fill=" "):
    return fill.repeat(max(width - text.length, 0)) + text


def _partition(text, sep):
    at = text.indexOf(sep)
    if at < 0:
        return tuple([text, "", ""])
    return tuple([text.slice(0, at), sep, text.slice(at + sep.length)])


def _rpartition(text, sep):
    at = text.lastIndexOf(sep)
    if at < 0:
        return tuple(["", "", text])
    return tuple([text.slice(0, at), sep, text.slice(at + sep.length)])


def _cased(char):
    return char.toLowerCase() != char.toUpperCase()


def _title(text):
    out, previous_cased = "", False
    for char in text:
        out += char.toLowerCase() if previous_cased else char.toUpperCase()
        previous_cased = _cased(char)
    return out


def _istitle(text):
    previous_cased, seen = False, False
    for char in text:
        if _cased(char):
            upper = char == char.toUpperCase()
            if upper == previous_cased:
                return False
            previous_cased, seen = True, True
        else:
            previous_cased = False
    return seen


def _swapcase(text):
    out = ""
    for char in text:
        out += char.toLowerCase() if char == char.toUpperCase() else char.toUpperCase()
    return out


def _capitalize(text):
    return text.slice(0, 1).toUpperCase() + text.slice(1).toLowerCase()


_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0"


def _is_stripped(char, chars):
    if chars == None:  # noqa: E711
        return _SPACE.indexOf(char) >= 0 or (char.trim() == "" and char != "")
    return chars.indexOf(char) >= 0


def _lstrip(text, chars=None):
    start = 0
    while start < text.length and _is_stripped(text[start], chars):
        start += 1
    return text.slice(start)


def _rstrip(text, chars=None):
    end = text.length
    while end > 0 and _is_stripped(text[end - 1], chars):
        end -= 1
    return text.slice(0, end)


def _strip(text, chars=None):
    return _rstrip(_lstrip(text, chars), chars)


def _split_space(text, maxsplit):
    parts, at = [], 0
    while True:
        while at < text.length and _is_stripped(text[at], None):
            at += 1
        if at >= text.length:
            return parts
        if maxsplit >= 0 and parts.length == maxsplit:
            parts.push(_rstrip(text.slice(at)))
            return parts
        end = at
        while end < text.length and not _is_stripped(text[end], None):
            end += 1
        parts.push(text.slice(at, end))
        at = end


def _split(text, sep=None, maxsplit=-1):
    if sep == None:  # noqa: E711
        return _split_space(text, maxsplit)
    if sep == "":
        raise ValueError("empty separator")
    parts = text.js_split(sep)
    if 0 <= maxsplit < parts.length - 1:
        return parts.slice(0, maxsplit).concat([parts.slice(maxsplit).join(sep)])
    return parts


def _rsplit(text, sep=None, maxsplit=-1):
    if sep == None:  # noqa: E711
        reversed_parts = _split_space(text.js_split("").reverse().join(""), maxsplit)
        return [part.js_split("").reverse().join("") for part in reversed_parts].reverse()
    if sep == "":
        raise ValueError("empty separator")
    parts = text.js_split(sep)
    if 0 <= maxsplit < parts.length - 1:
        cut = parts.length - maxsplit
        return [parts.slice(0, cut).join(sep)].concat(parts.slice(cut))
    return parts


def _removeprefix(text, prefix):
    return text.slice(prefix.length) if text.startsWith(prefix) else text


def _removesuffix(text, suffix):
    return text.slice(0, text.length - suffix.length) if suffix.length and text.endsWith(suffix) else text


def _list_count(array, value):
    found = 0
    for element in array:
        if equal(element, value):
            found += 1
    return found


def _list_index(array, value, start=None, end=None):
    start, end = _bounds(array, start, end)
    for position in range(start, end):
        if equal(array[position], value):
            return position
    raise ValueError(repr(value) + " is not in list")


def _list_remove(array, value):
    for position in range(array.length):
        if equal(array[position], value):
            array.splice(position, 1)
            return
    if kind(array) == "set":
        raise KeyError(value)
    raise ValueError("list.remove(x): x not in list")


def _list_extend(array, iterable):
    for element in items(iterable).slice():
        array.push(element)


def _list_add(array, other):
    if not Array.isArray(other):
        raise TypeError('can only concatenate list (not "' + kind(other) + '") to list')
    result = array.concat(other)
    if kind(array) == "tuple":
        result = tuple(result)
    return result


def _list_mul(array, times):
    result = []
    for _ in range(times):
        for element in array:
            result.push(element)
    if kind(array) == "tuple":
        result = tuple(result)
    return result


def _list_contains(array, value):
    return contains(array, value)


def _getslice(array, start, stop, step):
    result = [array[position] for position in slice_positions(array.length, start, stop, step)]
    return tuple(result) if kind(array) == "tuple" else result


def _setslice(array, start, stop, step, values):
    values = items(values).slice()
    if step == None or step == 1:  # noqa: E711
        start, stop, step = slice_bounds(array.length, start, stop, 1)
        array.splice(start, max(stop - start, 0), *values)
        return
    positions = slice_positions(array.length, start, stop, step)
    if positions.length != values.length:
        raise ValueError("attempt to assign sequence of size " + values.length + " to extended slice of size "
                         + positions.length)
    for index in range(positions.length):
        array[positions[index]] = values[index]


# print(int) and repr(list) show `<class 'int'>`, not the runtime function's source.
_TYPES = [int, float, str, list, dict, tuple, set, bool]
__pragma__("js", "{}", """
for (const type of _TYPES) {
    Object.defineProperty (type, '__repr__', {
        value: function () {return "<class '" + type.__name__ + "'>";}, writable: true, configurable: true
    });
}
""")

# `str.lower` and the like as plain functions of a string, e.g. for sorted(names, key=str.lower).
for _name in ["lower", "upper", "strip", "lstrip", "rstrip", "title", "capitalize", "swapcase",
              "py_split", "rsplit", "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "islower",
              "isupper", "count", "find", "index", "py_replace", "zfill", "center", "ljust", "rjust", "join"]:
    __pragma__("js", "{}", "str [_name] = __unbound__ (_name);")

__pragma__("js", "{}", """
Object.defineProperty (Function.prototype, '__name__', {
    get: function () {return this.name;},
    set: function (value) {
        Object.defineProperty (this, '__name__', {value: value, writable: true, enumerable: true, configurable: true});
    },
    configurable: true
});

function __unbound__ (name) {
    return function (text, ...args) {return text [name] (...args);};
}
""")


Object.defineProperty(String.prototype, "count", __method__(_count))
Object.defineProperty(String.prototype, "find", __method__(_find))
Object.defineProperty(String.prototype, "rfind", __method__(_rfind))
Object.defineProperty(String.prototype, "index", __method__(_index))
Object.defineProperty(String.prototype, "rindex", __method__(_rindex))
Object.defineProperty(String.prototype, "zfill", __method__(_zfill))
Object.defineProperty(String.prototype, "center", __method__(_center))
Object.defineProperty(String.prototype, "ljust", __method__(_ljust))
Object.defineProperty(String.prototype, "rjust", __method__(_rjust))
Object.defineProperty(String.prototype, "partition", __method__(_partition))
Object.defineProperty(String.prototype, "rpartition", __method__(_rpartition))
Object.defineProperty(String.prototype, "title", __method__(_title))
Object.defineProperty(String.prototype, "istitle", __method__(_istitle))
Object.defineProperty(String.prototype, "swapcase", __method__(_swapcase))
Object.defineProperty(String.prototype, "capitalize", __method__(_capitalize))
Object.defineProperty(String.prototype, "strip", __method__(_strip))
Object.defineProperty(String.prototype, "lstrip", __method__(_lstrip))
Object.defineProperty(String.prototype, "rstrip", __method__(_rstrip))
Object.defineProperty(String.prototype, "py_split", __method__(_split))
Object.defineProperty(String.prototype, "rsplit", __method__(_rsplit))
Object.defineProperty(String.prototype, "removeprefix", __method__(_removeprefix))
Object.defineProperty(String.prototype, "removesuffix", __method__(_removesuffix))
Object.defineProperty(String.prototype, "__repr__", __method__(repr_str))
Object.defineProperty(Array.prototype, "count", __method__(_list_count))
Object.defineProperty(Array.prototype, "index", __method__(_list_index))
Object.defineProperty(Array.prototype, "remove", __method__(_list_remove))
Object.defineProperty(Array.prototype, "extend", __method__(_list_extend))
Object.defineProperty(Array.prototype, "py_sort", __method__(sort_in_place))
Object.defineProperty(Array.prototype, "__add__", __method__(_list_add))
Object.defineProperty(Array.prototype, "__mul__", __method__(_list_mul))
Object.defineProperty(Array.prototype, "__rmul__", __method__(_list_mul))
Object.defineProperty(Array.prototype, "__contains__", __method__(_list_contains))
Object.defineProperty(Array.prototype, "__getslice__", __method__(_getslice))
Object.defineProperty(Array.prototype, "__setslice__", __method__(_setslice))


"""str and list methods for built scripts, where Transcrypt 3.9.5's runtime lacks them or differs from Python.

Compiled by Transcrypt only, with operator overloading off. Each method is a plain function of its receiver,
installed on `String.prototype` or `Array.prototype` (lists, tuples and sets are arrays) as a non-enumerable
property. The linker keeps an installation only when a built script uses that method name. lower.py reads the
installed names from this file and makes a script that calls one of them (or prints) import `METHODS`, which keeps
this module in the build.
"""

from pyvalues import (contains, equal, format_template, items, kind, repr_str, slice_bounds, slice_positions,
                      sort_in_place, type_name)

# __pragma__ ("skip")
__pragma__ = Array = Map = Math = Number = Object = String = __method__ = __new__ = py_hashable = py_key_name = None
# __pragma__ ("noskip")

__pragma__("noopov")
__pragma__("js", "{}", "import {py_hashable, py_key_name} from './org.transcrypt.__runtime__.js';")

__pragma__("js", "{}", """
function __method__ (fn) {
    return {value: function (...args) {return fn (this, ...args);}, writable: true, configurable: true};
}
""")

METHODS = True


def _bounds(text, start, end):
    """start and end as CPython adjusts them: like a slice's, except that a start past the end stays there."""
    size = text.length
    start = 0 if start == None else (max(size + start, 0) if start < 0 else start)  # noqa: E711
    end = size if end == None else (max(size + end, 0) if end < 0 else min(end, size))  # noqa: E711
    return start, end


def _count(text, sub, start=None, end=None):
    start, end = _bounds(text, start, end)
    if end - start < sub.length:
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
    if end - start < sub.length:
        return -1
    at = text.indexOf(sub, start)
    return at if 0 <= at and at + sub.length <= end else -1


def _rfind(text, sub, start=None, end=None):
    start, end = _bounds(text, start, end)
    if end - start < sub.length:
        return -1
    at = text.lastIndexOf(sub, end - sub.length)
    return at if at >= start else -1


def _affixes(method, affix):
    """The affixes startswith and endswith try: a str, or each str of a tuple."""
    if kind(affix) == "str":
        return [affix]
    if kind(affix) == "tuple":
        for each in affix:
            if kind(each) != "str":
                raise TypeError("tuple for " + method + " must only contain str, not " + type_name(each))
        return affix
    raise TypeError(method + " first arg must be str or a tuple of str, not " + type_name(affix))


def _startswith(text, prefix, start=None, end=None):
    start, end = _bounds(text, start, end)
    for each in _affixes("startswith", prefix):
        if end - each.length >= start and text.startsWith(each, start):
            return True
    return False


def _endswith(text, suffix, start=None, end=None):
    start, end = _bounds(text, start, end)
    for each in _affixes("endswith", suffix):
        if end - each.length >= start and text.slice(0, end).endsWith(each):
            return True
    return False


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


def _padding(width, fill):
    if kind(width) != "number" or not Number.isInteger(width):
        raise TypeError("'" + type_name(width) + "' object cannot be interpreted as an integer")
    if kind(fill) != "str" or Array.js_from(fill).length != 1:
        raise TypeError("The fill character must be exactly one character long")


def _center(text, width, fill=" "):
    _padding(width, fill)
    missing = width - text.length
    if missing <= 0:
        return text
    left = Math.floor(missing / 2) + (missing & width & 1)
    return fill.repeat(left) + text + fill.repeat(missing - left)


def _ljust(text, width, fill=" "):
    _padding(width, fill)
    return text + fill.repeat(max(width - text.length, 0))


def _rjust(text, width, fill=" "):
    _padding(width, fill)
    return fill.repeat(max(width - text.length, 0)) + text


def _separator(sep):
    if kind(sep) != "str":
        raise TypeError("must be str, not " + type_name(sep))
    if sep.length == 0:
        raise ValueError("empty separator")


def _partition(text, sep):
    _separator(sep)
    at = text.indexOf(sep)
    if at < 0:
        return tuple([text, "", ""])
    return tuple([text.slice(0, at), sep, text.slice(at + sep.length)])


def _rpartition(text, sep):
    _separator(sep)
    at = text.lastIndexOf(sep)
    if at < 0:
        return tuple(["", "", text])
    return tuple([text.slice(0, at), sep, text.slice(at + sep.length)])


# Python's character classes, as Unicode properties: Uppercase and Lowercase include letters of other categories
# (Ⓐ, ⅷ); the digits and numerics that are no Unicode number (², 一) are listed.
_UPPER = RegExp("\\p{Uppercase}", "u")
_UPPER_OR_TITLE = RegExp("[\\p{Uppercase}\\p{Lt}]", "u")
_LOWER = RegExp("\\p{Lowercase}", "u")
_TITLE = RegExp("\\p{Lt}", "u")
_CASED = RegExp("\\p{Cased}", "u")
_ALPHA = RegExp("^\\p{L}+$", "u")
_ALNUM = RegExp("^[\\p{L}\\p{N}]+$", "u")
_DECIMAL = RegExp("^\\p{Nd}+$", "u")
_DIGIT = RegExp(
    "^[\\p{Nd}\\u{b2}-\\u{b3}\\u{b9}\\u{1369}-\\u{1371}\\u{19da}\\u{2070}\\u{2074}-\\u{2079}"
    "\\u{2080}-\\u{2089}\\u{2460}-\\u{2468}\\u{2474}-\\u{247c}\\u{2488}-\\u{2490}\\u{24ea}"
    "\\u{24f5}-\\u{24fd}\\u{24ff}\\u{2776}-\\u{277e}\\u{2780}-\\u{2788}\\u{278a}-\\u{2792}"
    "\\u{10a40}-\\u{10a43}\\u{10e60}-\\u{10e68}\\u{11052}-\\u{1105a}\\u{1f100}-\\u{1f10a}]+$", "u")
_NUMERIC = RegExp(
    "^[\\p{N}\\u{3405}\\u{3483}\\u{382a}\\u{3b4d}\\u{4e00}\\u{4e03}\\u{4e07}\\u{4e09}\\u{4e5d}"
    "\\u{4e8c}\\u{4e94}\\u{4e96}\\u{4ebf}-\\u{4ec0}\\u{4edf}\\u{4ee8}\\u{4f0d}\\u{4f70}\\u{5104}"
    "\\u{5146}\\u{5169}\\u{516b}\\u{516d}\\u{5341}\\u{5343}-\\u{5345}\\u{534c}\\u{53c1}-\\u{53c4}"
    "\\u{56db}\\u{58f1}\\u{58f9}\\u{5e7a}\\u{5efe}-\\u{5eff}\\u{5f0c}-\\u{5f0e}\\u{5f10}\\u{62fe}"
    "\\u{634c}\\u{67d2}\\u{6f06}\\u{7396}\\u{767e}\\u{8086}\\u{842c}\\u{8cae}\\u{8cb3}\\u{8d30}"
    "\\u{9621}\\u{9646}\\u{964c}\\u{9678}\\u{96f6}\\u{f96b}\\u{f973}\\u{f978}\\u{f9b2}\\u{f9d1}"
    "\\u{f9d3}\\u{f9fd}\\u{20001}\\u{20064}\\u{200e2}\\u{20121}\\u{2092a}\\u{20983}\\u{2098c}"
    "\\u{2099c}\\u{20aea}\\u{20afd}\\u{20b19}\\u{22390}\\u{22998}\\u{23b1b}\\u{2626d}\\u{2f890}]+$", "u")
_SPACES = RegExp("^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$")
_IDENTIFIER = RegExp("^[\\p{XID_Start}_]\\p{XID_Continue}*$", "u")
_PRINTABLE = RegExp("^(?: |[^\\p{C}\\p{Z}])*$", "u")
_ASCII = RegExp("^[\\x00-\\x7f]*$")
# Where a character's title case is not its upper case: the digraphs, and what upper case makes two letters of.
_TITLES = {"\u01c4": "\u01c5", "\u01c5": "\u01c5", "\u01c6": "\u01c5", "\u01c7": "\u01c8", "\u01c8": "\u01c8",
           "\u01c9": "\u01c8", "\u01ca": "\u01cb", "\u01cb": "\u01cb", "\u01cc": "\u01cb", "\u01f1": "\u01f2",
           "\u01f2": "\u01f2", "\u01f3": "\u01f2"}


def _titlecase(char):
    if _TITLES.get(char):
        return _TITLES.get(char)
    upper = char.toUpperCase()
    return upper if Array.js_from(upper).length == 1 else upper[0] + upper.slice(1).toLowerCase()


def _title(text):
    out, previous_cased = "", False
    for char in Array.js_from(text):
        out += char.toLowerCase() if previous_cased else _titlecase(char)
        previous_cased = _CASED.test(char)
    return out


def _istitle(text):
    previous_cased, seen = False, False
    for char in Array.js_from(text):
        if _UPPER_OR_TITLE.test(char):
            if previous_cased:
                return False
            previous_cased, seen = True, True
        elif _LOWER.test(char):
            if not previous_cased:
                return False
            previous_cased, seen = True, True
        else:
            previous_cased = False
    return seen


def _islower(text):
    return not _UPPER_OR_TITLE.test(text) and _LOWER.test(text)


def _isupper(text):
    return not _LOWER.test(text) and not _TITLE.test(text) and _UPPER.test(text)


def _swapcase(text):
    out = ""
    for char in Array.js_from(text):
        if _UPPER.test(char):
            out += char.toLowerCase()
        elif _LOWER.test(char):
            out += char.toUpperCase()
        else:
            out += char
    return out


def _capitalize(text):
    chars = Array.js_from(text)
    return (_titlecase(chars[0]) + chars.slice(1).join("").toLowerCase()) if chars.length else ""


def _fold(char):
    if "\u13a0" <= char <= "\u13fd" or "\uab70" <= char <= "\uabbf":
        return char.toUpperCase()  # Cherokee folds to its capitals
    if char == "\u1e9e":
        return "ss"
    if char == "\u0130" or char == "\u0131":
        return char.toLowerCase()
    return char.toUpperCase().toLowerCase()


def _casefold(text):
    """Full case folding: lower case, except where upper case knows more (ß is ss, the micro sign μ, ς σ)."""
    out = ""
    for char in Array.js_from(text):
        out += _fold(char)
    return out


def _isalpha(text):
    return _ALPHA.test(text)


def _isalnum(text):
    return _ALNUM.test(text)


def _isdecimal(text):
    return _DECIMAL.test(text)


def _isdigit(text):
    return _DIGIT.test(text)


def _isnumeric(text):
    return _NUMERIC.test(text)


def _isspace(text):
    return _SPACES.test(text)


def _isidentifier(text):
    return _IDENTIFIER.test(text)


def _isprintable(text):
    return _PRINTABLE.test(text)


def _isascii(text):
    return _ASCII.test(text)


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
            parts.push(text.slice(at))
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


def _replace(text, old, new, count=-1):
    if count < 0:
        count = text.length + 1
    if old.length == 0:
        out, done = "", 0
        for char in Array.js_from(text):
            if done < count:
                out += new
                done += 1
            out += char
        return out + new if done < count else out
    out, at, done = "", 0, 0
    while done < count:
        found = text.indexOf(old, at)
        if found < 0:
            break
        out += text.slice(at, found) + new
        at = found + old.length
        done += 1
    return out + text.slice(at)


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _splitlines(text, keepends=False):
    lines, start, at = [], 0, 0
    while at < text.length:
        if _LINE_BREAKS.indexOf(text[at]) < 0:
            at += 1
            continue
        end = at + 2 if text[at] == "\r" and text[at + 1] == "\n" else at + 1
        lines.push(text.slice(start, end if keepends else at))
        start = at = end
    if start < text.length:
        lines.push(text.slice(start))
    return lines


def _expandtabs(text, tabsize=8):
    out, column = "", 0
    for char in text:
        if char == "\t":
            if tabsize > 0:
                spaces = tabsize - column % tabsize
                out += " ".repeat(spaces)
                column += spaces
        else:
            out += char
            column = 0 if char == "\n" or char == "\r" else column + 1
    return out


def _join(sep, iterable):
    elements = items(iterable)
    for index in range(elements.length):
        if kind(elements[index]) != "str":
            raise TypeError("sequence item " + index + ": expected str instance, " + type_name(elements[index])
                            + " found")
    return elements.join(sep)


def _maketrans(x, y=None, z=None):
    """`str.maketrans`: a dict from code points to code points, str or None, as `translate` takes it."""
    table = {}
    if y == None:  # noqa: E711
        if kind(x) != "dict":
            raise TypeError("if you give only one argument to maketrans it must be a dict")
        for key in x.py_keys():
            if kind(key) == "str":
                if Array.js_from(key).length != 1:
                    raise ValueError("string keys in translate table must be of length 1")
                table.__setitem__(key.codePointAt(0), x.__getitem__(key))
            elif kind(key) == "number":
                table.__setitem__(key, x.__getitem__(key))
            else:
                raise TypeError("keys in translate table must be strings or integers")
        return table
    sources, targets = Array.js_from(x), Array.js_from(y)
    if sources.length != targets.length:
        raise ValueError("the first two maketrans arguments must have equal length")
    for index in range(sources.length):
        table.__setitem__(sources[index].codePointAt(0), targets[index].codePointAt(0))
    for char in Array.js_from(z or ""):
        table.__setitem__(char.codePointAt(0), None)
    return table


def _translate(text, table):
    out = ""
    for char in Array.js_from(text):
        code = char.codePointAt(0)
        if not table.__contains__(code):
            out += char
            continue
        value = table.__getitem__(code)
        if kind(value) == "number":
            out += String.fromCodePoint(value)
        elif kind(value) == "str":
            out += value
        elif value != None:  # noqa: E711
            raise TypeError("character mapping must return integer, None or str")
    return out


def _format_map(text, mapping):
    return format_template(text, [], mapping)


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


def _list_pop(array, index=None):
    if kind(array) == "set":
        if array.length == 0:
            raise KeyError("pop from an empty set")
        return array.shift()
    if array.length == 0:
        raise IndexError("pop from empty list")
    position = array.length - 1 if index == None else Number(index)  # noqa: E711
    if position < 0:
        position += array.length
    if not (0 <= position < array.length):
        raise IndexError("pop index out of range")
    return array.splice(position, 1)[0]


def _list_copy(array):
    return _new_set(array) if kind(array) == "set" else array.slice()


def _new_set(elements):
    result = elements.slice()
    result.__class__ = set
    return result


def _names(iterable):
    """Each element of an iterable under its dict key name (the name equal elements share), the first one kept."""
    found = __new__(Map())
    for element in items(iterable):
        name = py_key_name(element)
        if not found.has(name):
            found.set(name, element)
    return found


def _refill(target, elements):
    target.splice(0, target.length, *elements)


def _set_add(target, element):
    py_hashable(element)
    if not contains(target, element):
        target.push(element)


def _set_discard(target, element):
    py_hashable(element)
    for position in range(target.length):
        if equal(target[position], element):
            target.splice(position, 1)
            return


def _union(target, *others):
    names, result = _names(target), target.slice()
    for other in others:
        for element in items(other):
            name = py_key_name(element)
            if not names.has(name):
                names.set(name, element)
                result.push(element)
    return _new_set(result)


def _kept(target, others, inside):
    """The elements of target that are (inside) or are not in every one of others."""
    found = [_names(other) for other in others]
    return [element for element in target
            if all([names.has(py_key_name(element)) == inside for names in found]) or not found]


def _intersection(target, *others):
    return _new_set(_kept(target, others, True))


def _difference(target, *others):
    return _new_set(_kept(target, others, False))


def _symmetric_difference(target, other):
    mine, theirs = _names(target), _names(other)
    result = [element for element in target if not theirs.has(py_key_name(element))]
    for pair in Array.js_from(theirs.entries()):
        if not mine.has(pair[0]):
            result.push(pair[1])
    return _new_set(result)


def _set_update(target, *others):
    _refill(target, _union(target, *others))


def _intersection_update(target, *others):
    _refill(target, _intersection(target, *others))


def _difference_update(target, *others):
    _refill(target, _difference(target, *others))


def _symmetric_difference_update(target, other):
    _refill(target, _symmetric_difference(target, other))


def _isdisjoint(target, other):
    names = _names(target)
    for element in items(other):
        if names.has(py_key_name(element)):
            return False
    return True


def _issubset(target, other):
    names = _names(other)
    for element in target:
        if not names.has(py_key_name(element)):
            return False
    return True


def _issuperset(target, other):
    names = _names(target)
    for element in items(other):
        if not names.has(py_key_name(element)):
            return False
    return True


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
__pragma__("js", "{}", "str.maketrans = _maketrans;")

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
Object.defineProperty(String.prototype, "startswith", __method__(_startswith))
Object.defineProperty(String.prototype, "endswith", __method__(_endswith))
Object.defineProperty(String.prototype, "py_replace", __method__(_replace))
Object.defineProperty(String.prototype, "splitlines", __method__(_splitlines))
Object.defineProperty(String.prototype, "expandtabs", __method__(_expandtabs))
Object.defineProperty(String.prototype, "join", __method__(_join))
Object.defineProperty(String.prototype, "translate", __method__(_translate))
Object.defineProperty(String.prototype, "format_map", __method__(_format_map))
Object.defineProperty(String.prototype, "casefold", __method__(_casefold))
Object.defineProperty(String.prototype, "islower", __method__(_islower))
Object.defineProperty(String.prototype, "isupper", __method__(_isupper))
Object.defineProperty(String.prototype, "isalpha", __method__(_isalpha))
Object.defineProperty(String.prototype, "isalnum", __method__(_isalnum))
Object.defineProperty(String.prototype, "isdecimal", __method__(_isdecimal))
Object.defineProperty(String.prototype, "isdigit", __method__(_isdigit))
Object.defineProperty(String.prototype, "isnumeric", __method__(_isnumeric))
Object.defineProperty(String.prototype, "isspace", __method__(_isspace))
Object.defineProperty(String.prototype, "isidentifier", __method__(_isidentifier))
Object.defineProperty(String.prototype, "isprintable", __method__(_isprintable))
Object.defineProperty(String.prototype, "isascii", __method__(_isascii))
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
Object.defineProperty(Array.prototype, "py_pop", __method__(_list_pop))
Object.defineProperty(Array.prototype, "py_copy", __method__(_list_copy))
Object.defineProperty(Array.prototype, "add", __method__(_set_add))
Object.defineProperty(Array.prototype, "discard", __method__(_set_discard))
Object.defineProperty(Array.prototype, "union", __method__(_union))
Object.defineProperty(Array.prototype, "intersection", __method__(_intersection))
Object.defineProperty(Array.prototype, "difference", __method__(_difference))
Object.defineProperty(Array.prototype, "symmetric_difference", __method__(_symmetric_difference))
Object.defineProperty(Array.prototype, "py_update", __method__(_set_update))
Object.defineProperty(Array.prototype, "intersection_update", __method__(_intersection_update))
Object.defineProperty(Array.prototype, "difference_update", __method__(_difference_update))
Object.defineProperty(Array.prototype, "symmetric_difference_update", __method__(_symmetric_difference_update))
Object.defineProperty(Array.prototype, "isdisjoint", __method__(_isdisjoint))
Object.defineProperty(Array.prototype, "issubset", __method__(_issubset))
Object.defineProperty(Array.prototype, "issuperset", __method__(_issuperset))
Object.defineProperty(Array.prototype, "__setslice__", __method__(_setslice))


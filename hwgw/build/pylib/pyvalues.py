"""Python's value semantics for built scripts: equality, ordering, iteration, string repr and the format language.

Compiled by Transcrypt only, with operator overloading off: `+`, `==` and `<` here are JavaScript's. Transcrypt
3.9.5's runtime compares lists by identity and orders them as strings, iterates dicts and generator expressions only
in some places, and implements part of the format mini-language; pybuiltins and pymethods give built scripts
Python's behaviour on top of these functions.

JavaScript has one number type, so a number with no fractional part is taken for an int.
"""

# __pragma__ ("skip")
__pragma__ = Array = BigInt = Math = Number = Object = RegExp = String = None
__typeof__ = isFinite = js_undefined = py_elements = py_hashable = py_key_name = None
# __pragma__ ("noskip")

__pragma__("noopov")
__pragma__("js", "{}", "import {py_elements, py_hashable, py_key_name} from './org.transcrypt.__runtime__.js';")


def _exception_args(error):
    return tuple([arg for arg in (error.__args__ or []) if arg is not js_undefined])


def _exception_str(error):
    args = _exception_args(error)
    if args.length == 0:
        return ""
    if args.length == 1:
        return repr(args[0]) if issubclass(error.__class__, KeyError) else str(args[0])
    return repr(args)


def _exception_repr(error):
    return error.__class__.__name__ + "(" + ", ".join([repr(arg) for arg in _exception_args(error)]) + ")"


# Python's `error.args`, str(error) and repr(error). The runtime keeps a missing message as undefined, which its
# str() cannot print. Classes copy their bases' enumerable attributes when they are made, so these go on every
# exception class the runtime has; the ones made later (pybuiltins', the script's) copy them from these.
_EXCEPTIONS = [BaseException, Exception, ValueError, KeyError, IndexError, AttributeError, TypeError,
               StopIteration, AssertionError, NotImplementedError, Warning]
__pragma__("js", "{}", """
for (const cls of _EXCEPTIONS) {
    Object.defineProperty (cls, 'args', {
        get: function () {return _exception_args (this);},
        set: function (value) {Object.defineProperty (this, 'args', {value: value, writable: true});},
        enumerable: true,
        configurable: true
    });
    for (const [name, method] of [['__str__', _exception_str], ['__repr__', _exception_repr]]) {
        Object.defineProperty (cls, name, {
            value: function () {return method (this);}, writable: true, enumerable: true, configurable: true
        });
    }
}
""")


# Built code calls the functions from here to the next pragma with positional arguments only (operators, len, the
# value helpers): without keyword arguments they skip the check of their last argument for them at each call.
__pragma__("nokwargs")


def kind(value):
    """The Python type family of a value: none, bool, number, str, list, tuple, set, dict or object."""
    if value == None:  # noqa: E711  (JavaScript ==: null and undefined)
        return "none"
    js_type = __typeof__(value)
    if js_type == "boolean":
        return "bool"
    if js_type == "number":
        return "number"
    if js_type == "string":
        return "str"
    if Array.isArray(value):
        if value.__class__ is tuple:
            return "tuple"
        if value.__class__ is set:
            return "set"
        return "list"
    if js_type == "object" and value.__class__ is dict:
        return "dict"
    return "object"


def type_name(value):
    family = kind(value)
    if family == "none":
        return "NoneType"
    if family == "number":
        return "int" if Number.isInteger(value) else "float"
    if family != "object":
        return family
    if __typeof__(value) == "function":
        return "function"
    if value.__class__ and value.__class__.__name__:
        return value.__class__.__name__
    return "object"


def items(iterable):
    """The elements of any iterable as a JavaScript array (the array itself for lists, tuples and sets)."""
    return py_elements(iterable)


def _plain_object(value):
    """A JavaScript object such as a Netscript call or JSON.parse returns: it acts as a dict of its keys."""
    if __typeof__(value) != "object" or value == None:  # noqa: E711
        return False
    prototype = Object.getPrototypeOf(value)
    return (prototype is None or prototype is Object.prototype) and value.__class__ is not dict


def equal(a, b):
    """Python's `a == b`."""
    if a is b:
        return a == a  # NaN is not equal to itself
    family_a = kind(a)  # not `x, y = ...`, which would make a tuple at each call
    family_b = kind(b)
    if family_a == "none" or family_b == "none":
        return family_a == family_b
    numeric_a = family_a == "number" or family_a == "bool"
    numeric_b = family_b == "number" or family_b == "bool"
    if numeric_a or numeric_b:
        return numeric_a and numeric_b and Number(a) == Number(b)
    if family_a == "str" or family_b == "str":
        return False
    if family_a == "list" or family_a == "tuple":
        if family_b != family_a or a.length != b.length:
            return False
        for index in range(a.length):
            if not equal(a[index], b[index]):
                return False
        return True
    if family_a == "set":
        if family_b != "set" or a.length != b.length:
            return False
        for element in a:
            if not contains(b, element):
                return False
        return True
    if family_a == "dict":
        if family_b != "dict":
            return False
        names = Object.js_keys(a)  # equal keys have one property name in every dict
        if names.length != Object.js_keys(b).length:
            return False
        for name in names:
            if not Object.prototype.hasOwnProperty.call(b, name) or not equal(a[name], b[name]):
                return False
        return True
    if hasattr(a, "__eq__"):
        return a.__eq__(b)
    if hasattr(b, "__eq__"):
        return b.__eq__(a)
    return False


def contains(container, element):
    """Python's `element in container`."""
    family = kind(container)
    if family == "str":
        if kind(element) != "str":
            raise TypeError("'in <string>' requires string as left operand, not " + type_name(element))
        return container.indexOf(element) >= 0
    if family == "dict":
        return container.__contains__(element)
    if family == "set":
        py_hashable(element)
    if family == "object" and hasattr(container, "__contains__"):
        return container.__contains__(element)
    if _plain_object(container):
        return Object.prototype.hasOwnProperty.call(container, element) \
            or Object.prototype.hasOwnProperty.call(container, py_key_name(element))
    for candidate in items(container):
        if equal(candidate, element):
            return True
    return False


def _unorderable(a, b, operator):
    return TypeError("'" + operator + "' not supported between instances of '" + type_name(a) + "' and '"
                     + type_name(b) + "'")


def compare(a, b, operator):
    """Python's `a < b`, `a <= b`, `a > b` or `a >= b`, with the operator given as text."""
    family_a = kind(a)
    family_b = kind(b)
    numeric_a = family_a == "number" or family_a == "bool"
    numeric_b = family_b == "number" or family_b == "bool"
    if (numeric_a and numeric_b) or (family_a == "str" and family_b == "str"):
        if operator == "<":
            return a < b
        if operator == "<=":
            return a <= b
        if operator == ">":
            return a > b
        return a >= b
    if (family_a == "list" or family_a == "tuple") and family_a == family_b:
        for index in range(Math.min(a.length, b.length)):
            if not equal(a[index], b[index]):
                return compare(a[index], b[index], operator)
        return compare(a.length, b.length, operator)
    if family_a == "set" and family_b == "set":
        if operator == ">" or operator == ">=":
            a, b = b, a
        subset = a.length <= b.length
        if subset:
            for element in a:
                if not contains(b, element):
                    subset = False
        return subset and (a.length < b.length if operator == "<" or operator == ">" else True)
    own = {"<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}[operator]
    mirrored = {"<": "__gt__", "<=": "__ge__", ">": "__lt__", ">=": "__le__"}[operator]
    if family_a == "object" and hasattr(a, own):
        return a[own](b)
    if family_b == "object" and hasattr(b, mirrored):
        return b[mirrored](a)
    raise _unorderable(a, b, operator)


def less(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a < b
    return compare(a, b, "<")


def _numbers(array):
    for index in range(array.length):
        if __typeof__(array[index]) != "number":
            return False
    return True


def _ascending(a, b):
    return -1 if a < b else (1 if b < a else 0)


def _descending(a, b):
    return -1 if b < a else (1 if a < b else 0)


__pragma__("kwargs")


def slice_bounds(length, start, stop, step):
    """Python's `slice(start, stop, step).indices(length)`."""
    step = 1 if step == None else step  # noqa: E711
    if step == 0:
        raise ValueError("slice step cannot be zero")
    lower, upper = (0, length) if step > 0 else (-1, length - 1)
    if start == None:  # noqa: E711
        start = lower if step > 0 else upper
    else:
        start = max(start + length, lower) if start < 0 else min(start, upper)
    if stop == None:  # noqa: E711
        stop = upper if step > 0 else lower
    else:
        stop = max(stop + length, lower) if stop < 0 else min(stop, upper)
    return start, stop, step


def slice_positions(length, start, stop, step):
    """The positions `sequence[start:stop:step]` takes from a sequence of `length`, in order."""
    start, stop, step = slice_bounds(length, start, stop, step)
    positions, position = [], start
    while (step > 0 and position < stop) or (step < 0 and position > stop):
        positions.push(position)
        position += step
    return positions


def sort_in_place(array, key=None, reverse=False):
    """Python's list.sort: stable, Python's `<` on the keys; with reverse, equal keys keep their order."""
    if not key and _numbers(array):  # JavaScript's sort is stable too, and `<` on numbers is Python's
        array.js_sort(_descending if reverse else _ascending)
        return
    keys = [key(value) for value in array] if key else array.slice()
    order = [position for position in range(array.length)]

    def before(left, right):
        if reverse:
            return -1 if less(keys[right], keys[left]) else (1 if less(keys[left], keys[right]) else 0)
        return -1 if less(keys[left], keys[right]) else (1 if less(keys[right], keys[left]) else 0)

    order.js_sort(before)
    sorted_values = [array[position] for position in order]
    for position in range(array.length):
        array[position] = sorted_values[position]


_UNPRINTABLE = RegExp("[\\p{C}\\p{Z}]", "u")


def repr_str(text):
    """Python's repr of a str: the quote it prefers, and its escapes of what is not printable."""
    quote = '"' if text.indexOf("'") >= 0 and text.indexOf('"') < 0 else "'"
    out = quote
    for char in Array.js_from(text):
        code = char.codePointAt(0)
        if char == "\\" or char == quote:
            out += "\\" + char
        elif char == "\n":
            out += "\\n"
        elif char == "\r":
            out += "\\r"
        elif char == "\t":
            out += "\\t"
        elif 32 <= code < 127 or not _UNPRINTABLE.test(char):
            out += char
        elif code < 256:
            out += "\\x" + ("0" + code.toString(16)).slice(-2)
        elif code < 65536:
            out += "\\u" + ("000" + code.toString(16)).slice(-4)
        else:
            out += "\\U" + ("0000000" + code.toString(16)).slice(-8)
    return out + quote


def int_text(number):
    """Every digit of a whole number, also beyond 1e21 where JavaScript switches to exponents."""
    return BigInt(number).toString()


def _tie(number, places):
    """True when `number` lies exactly halfway between two values with `places` decimals."""
    exact = number.toFixed(Math.min(places + 30, 100))
    digits = exact.slice(exact.length - Math.min(places + 30, 100) + places)
    return RegExp("^50*$").test(digits)


def fixed(number, places):
    """`number` (not negative) with `places` decimals, rounding half to even on exact ties as Python does."""
    if number >= 1e21:
        return int_text(number) + ("." + "0".repeat(places) if places > 0 else "")
    text = number.toFixed(places)
    if _tie(number, places):
        exact = number.toFixed(Math.min(places + 30, 100))
        down = exact.slice(0, exact.length - Math.min(places + 30, 100) + places)
        if places == 0:
            down = down.slice(0, -1)
        if int(down.slice(-1)) % 2 == 0:
            return down
    return text


def _python_exponent(text):
    """JavaScript's `1.5e+7` as Python's `1.5e+07`."""
    at = text.indexOf("e")
    mantissa, exponent = text.slice(0, at), text.slice(at + 1)
    sign = exponent[0]
    digits = exponent.slice(1)
    return mantissa + "e" + sign + ("0" + digits if digits.length < 2 else digits)


def exponent(number, places):
    return _python_exponent(number.toExponential(places))


def float_repr(number):
    """Python's repr of a float that has a fractional part (whole numbers print as ints here)."""
    size = Math.abs(number)
    if size != 0 and size < 1e-4:
        return _python_exponent(number.toExponential())
    text = String(number)
    return _python_exponent(text) if text.indexOf("e") >= 0 else text


def _strip_zeros(text):
    at = text.indexOf("e")
    mantissa, tail = (text, "") if at < 0 else (text.slice(0, at), text.slice(at))
    if mantissa.indexOf(".") >= 0:
        mantissa = mantissa.js_replace(RegExp("\\.?0+$"), "")
    return mantissa + tail


def general(number, precision, alternate, plain):
    """The 'g' presentation; `plain` is the presentation type '' with a precision, which keeps one decimal."""
    precision = 6 if precision == None else max(precision, 1)  # noqa: E711
    power = 0 if number == 0 else int(number.toExponential(precision - 1).js_split("e")[1])
    if -4 <= power < (precision - 1 if plain else precision):
        text = fixed(number, precision - 1 - power)
    else:
        text = exponent(number, precision - 1)
    if not alternate:
        text = _strip_zeros(text)
    if plain and text.indexOf(".") < 0 and text.indexOf("e") < 0 and text.indexOf("n") < 0:
        text += ".0"
    return text


def _group(digits, separator, size):
    head = digits.indexOf(".")
    if head < 0:
        head = digits.indexOf("e")
    if head < 0:
        head = digits.length
    whole, rest = digits.slice(0, head), digits.slice(head)
    groups = []
    while whole.length > size:
        groups.unshift(whole.slice(-size))
        whole = whole.slice(0, -size)
    groups.unshift(whole)
    return groups.join(separator) + rest


def pad(text, fill, align, width):
    missing = width - text.length
    if missing <= 0:
        return text
    if align == "<":
        return text + fill.repeat(missing)
    if align == "^":
        left = Math.floor(missing / 2)
        return fill.repeat(left) + text + fill.repeat(missing - left)
    return fill.repeat(missing) + text


_SPEC = RegExp("^(?:([\\s\\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?$")


def _number(number, fill, align, sign, alternate, width, grouping, precision, kind_code):
    whole = Number.isInteger(number)
    if "bcdoxXn".indexOf(kind_code) >= 0 and kind_code != "" and not whole:
        raise ValueError("Unknown format code '" + kind_code + "' for object of type 'float'")
    negative = number < 0 or (number == 0 and 1 / number < 0 and "eEfFgG%".indexOf(kind_code) >= 0
                              and kind_code != "")
    size = Math.abs(number)
    prefix = ""
    if not isFinite(size):
        body = "nan" if size != size else "inf"
        if "EFG".indexOf(kind_code) >= 0 and kind_code != "":
            body = body.toUpperCase()
    elif kind_code == "d" or kind_code == "n" or (kind_code == "" and whole and precision == None):  # noqa: E711
        body = int_text(size)
    elif kind_code == "b" or kind_code == "o" or kind_code == "x" or kind_code == "X":
        base = {"b": 2, "o": 8, "x": 16, "X": 16}[kind_code]
        body = BigInt(size).toString(base)
        if kind_code == "X":
            body = body.toUpperCase()
        if alternate:
            prefix = "0" + kind_code
    elif kind_code == "c":
        return pad(String.fromCharCode(number), fill, "<" if align == None else align, width)  # noqa: E711
    elif kind_code == "e" or kind_code == "E":
        body = exponent(size, 6 if precision == None else precision)  # noqa: E711
        if kind_code == "E":
            body = body.toUpperCase()
    elif kind_code == "f" or kind_code == "F":
        body = fixed(size, 6 if precision == None else precision)  # noqa: E711
    elif kind_code == "%":
        body = fixed(size * 100, 6 if precision == None else precision) + "%"  # noqa: E711
    elif kind_code == "g" or kind_code == "G":
        body = general(size, precision, alternate, False)
        if kind_code == "G":
            body = body.toUpperCase()
    elif precision != None:  # noqa: E711
        body = general(size, precision, alternate, True)
    else:
        body = float_repr(size)
    if grouping:
        body = _group(body, grouping, 4 if "boxX".indexOf(kind_code) >= 0 and kind_code != "" else 3)
    sign_text = "-" if negative else ("+" if sign == "+" else (" " if sign == " " else ""))
    if align == "=":
        return sign_text + prefix + pad(body, fill, ">", width - sign_text.length - prefix.length)
    return pad(sign_text + prefix + body, fill, ">" if align == None else align, width)  # noqa: E711


def format_value(value, spec):
    """Python's `format(value, spec)`."""
    family = kind(value)
    if family == "object" and hasattr(value, "__format__") and __typeof__(value.__format__) == "function":
        return value.__format__(spec)
    if spec == "":
        return value if family == "str" else str(value)
    match = spec.match(_SPEC)
    if match is None:
        raise ValueError("Invalid format specifier '" + spec + "' for object of type '" + type_name(value) + "'")
    fill, align, sign, alternate, zero = match[1], match[2], match[3], match[5], match[6]
    width = 0 if match[7] == None else int(match[7])  # noqa: E711
    precision = None if match[9] == None else int(match[9])  # noqa: E711
    kind_code = "" if match[10] == None else match[10]  # noqa: E711
    if zero and fill == None:  # noqa: E711
        fill = "0"
        if align == None:  # noqa: E711
            align = "="
    if fill == None:  # noqa: E711
        fill = " "
    if family == "number" or family == "bool":
        return _number(Number(value), fill, align, sign, alternate, width, match[8], precision, kind_code)
    if family != "str":
        raise TypeError("unsupported format string passed to " + type_name(value) + ".__format__")
    if kind_code != "" and kind_code != "s":
        raise ValueError("Unknown format code '" + kind_code + "' for object of type 'str'")
    if sign or align == "=":
        raise ValueError("Sign not allowed in string format specifier")
    text = value if precision == None else value.slice(0, precision)  # noqa: E711
    return pad(text, fill, "<" if align == None else align, width)  # noqa: E711


def _field_end(template, start):
    """Index just past the `}` that closes the replacement field opened at `start`."""
    depth, index = 1, start + 1
    while index < template.length:
        char = template[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise ValueError("expected '}' before end of string")


def _lookup(name, args, kwargs, counter):
    """The value a field name such as `0`, `host`, `0[name]` or `t.host` refers to."""
    at = 0
    while at < name.length and name[at] != "." and name[at] != "[":
        at += 1
    head = name.slice(0, at)
    if head == "":
        if counter[1]:
            raise ValueError("cannot switch from manual field specification to automatic field numbering")
        counter[0] += 1
        head = String(counter[0] - 1)
    elif RegExp("^\\d+$").test(head):
        counter[1] = True
    if RegExp("^\\d+$").test(head):
        position = int(head)
        if position >= args.length:
            raise IndexError("Replacement index " + head + " out of range for positional args tuple")
        value = args[position]
    elif kind(kwargs) == "dict":
        value = kwargs.__getitem__(head)  # str.format_map's mapping
    else:
        if not Object.prototype.hasOwnProperty.call(kwargs, head):
            raise KeyError(head)
        value = kwargs[head]
    while at < name.length:
        if name[at] == ".":
            end = at + 1
            while end < name.length and name[end] != "." and name[end] != "[":
                end += 1
            value = getattr(value, name.slice(at + 1, end))
        else:
            end = name.indexOf("]", at)
            key = name.slice(at + 1, end)
            key = int(key) if RegExp("^\\d+$").test(key) else key
            value = value.__getitem__(key) if kind(value) == "dict" else value[key]
            end += 1
        at = end
    return value


def _replace(field, args, kwargs, counter):
    at, depth = 0, 0
    while at < field.length:
        char = field[at]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0 and (char == "!" or char == ":"):
            break
        at += 1
    value = _lookup(field.slice(0, at), args, kwargs, counter)
    rest = field.slice(at)
    if rest.startsWith("!"):
        conversion = rest[1]
        rest = rest.slice(2)
        if conversion == "r" or conversion == "a":
            value = repr(value)
        elif conversion == "s":
            value = str(value)
        else:
            raise ValueError("Unknown conversion specifier " + conversion)
    spec = rest.slice(1) if rest.startsWith(":") else ""
    if spec.indexOf("{") >= 0:
        spec = _expand(spec, args, kwargs, counter)
    return format_value(value, spec)


def _expand(template, args, kwargs, counter):
    out, index, start = [], 0, 0
    while index < template.length:
        char = template[index]
        if char == "{" and template[index + 1] == "{":
            out.push(template.slice(start, index + 1))
            index += 2
            start = index
        elif char == "}" and template[index + 1] == "}":
            out.push(template.slice(start, index + 1))
            index += 2
            start = index
        elif char == "{":
            out.push(template.slice(start, index))
            end = _field_end(template, index)
            out.push(_replace(template.slice(index + 1, end - 1), args, kwargs, counter))
            index = end
            start = index
        elif char == "}":
            raise ValueError("Single '}' encountered in format string")
        else:
            index += 1
    out.push(template.slice(start))
    return out.join("")


def format_template(template, args, kwargs):
    """Python's `template.format(*args, **kwargs)`."""
    return _expand(template, args, kwargs, [0, False])


_PRINTF = RegExp("%(?:\\(([^)]*)\\))?([-+ #0]*)(\\*|\\d+)?(?:\\.(\\*|\\d+))?([diouxXeEfFgGcrsa%])", "g")


def printf(template, values):
    """Python's `template % values`."""
    mapping = values if kind(values) == "dict" else None
    queue = values if kind(values) == "tuple" else ([] if mapping else [values])
    state = [0]

    def take():
        if state[0] >= queue.length:
            raise TypeError("not enough arguments for format string")
        state[0] += 1
        return queue[state[0] - 1]

    def convert(match, key, flags, width, precision, code):
        if code == "%":
            return "%"
        if width == "*":
            width = String(take())
        if precision == "*":
            precision = String(take())
        value = mapping.__getitem__(key) if key != None else take()  # noqa: E711
        if code == "s":
            value, code = str(value), "s"
        elif code == "r" or code == "a":
            value, code = repr(value), "s"
        elif "diu".indexOf(code) >= 0:
            value, code = Math.trunc(value), "d"
        elif code == "c" and kind(value) == "str":
            code = "s"
        spec = ""
        if flags.indexOf("-") >= 0:
            spec += "<"
        elif flags.indexOf("0") >= 0 and code != "s" and code != "c":
            spec += "0="
        if flags.indexOf("+") >= 0:
            spec += "+"
        elif flags.indexOf(" ") >= 0:
            spec += " "
        if flags.indexOf("#") >= 0:
            spec += "#"
        if code == "s" and flags.indexOf("-") < 0:
            spec += ">"
        if width != None:  # noqa: E711
            spec += width
        if precision != None:  # noqa: E711
            spec += "." + precision
        return format_value(value, spec + ("" if code == "s" else code))

    result = template.js_replace(_PRINTF, convert)
    if state[0] < queue.length:
        raise TypeError("not all arguments converted during string formatting")
    return result

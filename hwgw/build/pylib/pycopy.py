"""`copy` for built scripts: copy and deepcopy that keep tuples, sets and dicts what they are.

Compiled by Transcrypt only, with operator overloading off. lower.py points a script's `import copy` here; the
`copy` Transcrypt ships stays for its runtime, which imports it, but its deepcopy turns tuples into lists and dicts
into plain objects without their methods.
"""

# __pragma__ ("skip")
__pragma__ = Array = Map = Object = __new__ = __typeof__ = None
# __pragma__ ("noskip")

__pragma__("noopov")


def _shell(value):
    """An empty container of the same kind as `value`, or None for a value copied as it is."""
    if Array.isArray(value):
        result = []
        if value.__class__ is tuple or value.__class__ is set:
            result.__class__ = value.__class__
        return result
    if __typeof__(value) == "object" and value != None:  # noqa: E711
        return dict() if value.__class__ is dict else Object.create(Object.getPrototypeOf(value))
    return None


def copy(value):
    result = _shell(value)
    if result is None:
        return value
    if Array.isArray(value):
        for element in value:
            result.push(element)
    elif result.__class__ is dict:
        result.py_update(value)
    else:
        for key in Object.js_keys(value):
            result[key] = value[key]
    return result


def deepcopy(value, memo=None):
    memo = __new__(Map()) if memo == None else memo  # noqa: E711
    result = _shell(value)
    if result is None:
        return value
    if memo.has(value):
        return memo.js_get(value)
    memo.set(value, result)
    if Array.isArray(value):
        for element in value:
            result.push(deepcopy(element, memo))
    elif result.__class__ is dict:
        for key in value.py_keys():
            result.__setitem__(deepcopy(key, memo), deepcopy(value.__getitem__(key), memo))
    else:
        for key in Object.js_keys(value):
            result[key] = deepcopy(value[key], memo)
    return result

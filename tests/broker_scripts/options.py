"""`key=value` script arguments of the broker test scripts, numbers where they parse as whole numbers."""


def options(args, defaults):
    found = dict(defaults)
    for arg in args:
        text = str(arg)
        cut = text.find("=")
        if cut < 0 or text[:cut] not in found:
            raise ValueError(f"unknown argument '{text}'; use key=value with a key of {', '.join(found.keys())}")
        value = text[cut + 1:]
        found[text[:cut]] = int(value) if value.lstrip("-").isdigit() else value
    return found

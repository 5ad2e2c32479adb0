"""int(), float(), str(), bool() conversions, int() with a base, chr/ord, hex/bin/oct."""

print(int("42"), int(" 7 "), int("-3"), int(3.99), int(-3.99), int(True), int("ff", 16), int("101", 2))
print(float("1.5"), float(" -2.25 "), float(2) / 4, float("1e-3"), float("1_000.25"), float("inf") > 10 ** 9)
print(str(42), str(-1.5), str(None), str(True), str([1, "a"]), str({"a": 1}), str((1,)))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(chr(65), ord("a"), chr(ord("a") + 1), hex(255), bin(5), oct(8))
print(int("0x1f", 16), int("0b11", 0), str(1234)[::-1], int(str(12) + "3"))
print(repr("s"), repr(1), repr(None), repr([None, True]))
money = 4.5e9
print(int(money), int("4500000000"), int(-money) // 7, int(2 ** 40 + 0.5), round(money / 7), hasattr("s", "upper"))

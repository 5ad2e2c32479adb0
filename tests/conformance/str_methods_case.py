"""str methods for case and padding: upper/lower/title/capitalize/swapcase/zfill/center/ljust/rjust/is*."""

name = "sigma-cosmetics"
print(name.upper(), name.upper().lower(), name.title(), name.capitalize(), "HeLLo".swapcase())
print("42".zfill(5), "-42".zfill(5), "12345".zfill(3))
print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]", "[" + "abc".center(6) + "]")
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, "0") + "]", "[" + "abcdef".ljust(3) + "]")
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace())
print("abc".islower(), "ABC".isupper(), "Abc".istitle())
print("x" * 3, 3 * "ab", "-" * 0, "=" * 10)
print(str(12) + "GB", "ram: " + str(3.5))
print("abc" < "abd", "Z" < "a", "abc" == "ab" + "c", "a" in "abc")
print(len("weaken"), "weaken"[::-1].upper())

"""Turkish-aware case folding, used for search and sorting everywhere.

Python's `str.lower()` turns `İ` into `i̇` (with a combining dot) and `I` into
`i`, where Turkish wants `i` and `ı`. Search must find "IŞIL" when a
coordinator types "ışıl" and "İzmir" for "izmir", so every search column and
every query goes through `fold()`.
"""

import unicodedata

_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})


def lower(text: str) -> str:
    return text.translate(_LOWER).lower()


def upper(text: str) -> str:
    return text.translate(_UPPER).upper()


def fold(text: str) -> str:
    """Lower-case the Turkish way and normalise spacing, for search keys."""
    return " ".join(unicodedata.normalize("NFC", lower(text)).split())


# The Turkish alphabet's order; letters outside it sort after, by code point.
_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def sort_key(text: str) -> tuple[int, ...]:
    """A key that sorts Turkish words the way a Turkish reader expects (Ç after C, ı before i)."""
    return tuple(_RANK.get(ch, 100 + ord(ch)) for ch in fold(text))

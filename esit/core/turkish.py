"""Turkish-aware case folding, used for search and sorting everywhere.

Python's `str.lower()` turns `İ` into `i̇` (with a combining dot) and `I` into
`i`, where Turkish wants `i` and `ı`. Search must find "IŞIL" when a
coordinator types "ışıl" and "İzmir" for "izmir", so every search column and
every query goes through `fold()`.
"""

import unicodedata

from django.utils import translation
from django.utils.functional import keep_lazy_text

_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})


def _composed(text: str) -> str:
    # Text typed on some systems arrives decomposed ("I" + combining dot for "İ"):
    # compose it first, or the Turkish mapping below would never see the letter.
    return unicodedata.normalize("NFC", text)


def lower(text: str) -> str:
    return _composed(text).translate(_LOWER).lower()


def upper(text: str) -> str:
    return _composed(text).translate(_UPPER).upper()


# Languages that write the dotted and the dotless i as two letters (i/İ, ı/I).
DOTTED_I_LANGUAGES = ("tr", "az")


@keep_lazy_text
def capfirst(text: str) -> str:
    """The first letter as a capital, the way the active language writes it.

    Django's `capfirst` gives "Ilçeler" for "ilçeler"; in Turkish it is "İlçeler". In
    English "items" stays "Items". Used by the `capfirst` template filter (a builtin of
    every template, the admin's too) and by the admin site.
    """
    text = str(text)
    if not text:
        return text
    language = translation.get_language() or ""
    first = upper(text[0]) if language.split("-")[0] in DOTTED_I_LANGUAGES else text[0].upper()
    return first + text[1:]


def fold(text: str) -> str:
    """Lower-case the Turkish way and normalise spacing, for search keys."""
    return " ".join(lower(text).split())


SEARCH_KEY_LENGTH = 420


def search_key(*parts: str) -> str:
    """The folded text a search column stores, e.g. search_key(first, last, email)."""
    return fold(" ".join(parts))[:SEARCH_KEY_LENGTH]


# The Turkish alphabet's order, with q, w and x where Turkish collation puts them.
_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_AFTER_LETTERS = len(_ALPHABET)


def _rank(ch: str) -> int:
    if ch in _RANK:
        return _RANK[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if base in _RANK:  # â, î, û (Kâzım, Şûra) sort with their plain letter
        return _RANK[base]
    if ch.isalpha():  # other scripts after the Turkish alphabet, by code point
        return _AFTER_LETTERS + ord(ch)
    return ord(ch) - 0x110000  # spaces, digits and punctuation before any letter


def sort_key(text: str) -> tuple[int, ...]:
    """A key that sorts Turkish words the way a Turkish reader expects (Ç after C, ı before i)."""
    return tuple(_rank(ch) for ch in fold(text))

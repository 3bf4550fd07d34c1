"""A nickname's folded key: how two nicknames are told to be the same name.

Folded the Turkish way (İ/I to i/ı first, then ç ğ ı ö ş ü to c g i o s u), without accents,
with dots, dashes and underscores read as spaces: "IŞIL  DENİZ" and "ışıl deniz" are one
name. The key is stored beside the nickname (`Member.nickname_key`) and is unique among the
members who chose one, so the database itself keeps two people from sharing a name.

Changing `fold` changes which names are one: the stored keys then need a data migration that
computes them again (community 0003 keeps its own copy of the rule it filled them with).
"""

import unicodedata

from esit.core.turkish import lower

_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")


def fold(value: str) -> str:
    text = unicodedata.normalize("NFKD", lower(value).translate(_ASCII))
    text = "".join(char for char in text if not unicodedata.combining(char))
    for mark in ".-_":
        text = text.replace(mark, " ")
    return " ".join(text.split())

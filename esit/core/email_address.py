"""One stored form for an e-mail address, used wherever addresses are stored or compared.

Applications, accounts (the User manager and allauth's sign-in), consent records and public
participants all pass what a person typed through `normalise_email()` before they store it or
look it up, so "İDİL@Example.org", "idil@example.org" and "ıdil@EXAMPLE.ORG" are one address and
the database's unique constraints (one open application per e-mail, one account per e-mail)
really hold.

The decision, part by part:

- Whole address: NFC-composed (a decomposed "I" + combining dot becomes "İ") and stripped.
- Domain: case-insensitive, as DNS is. Lower-cased, with the Turkish capital `İ` read as `i`
  (what a Turkish keyboard with caps lock on types for "i"), and IDNA-aware: a label written
  in Punycode (`xn--…`) is stored in its Unicode form, so both spellings of one domain match.
  The dotless `ı` is NOT folded in the domain: in an internationalised domain it is a letter
  of its own, `ışık.com.tr` and `isik.com.tr` can belong to different owners, and mail for
  one must never be sent to the other.
- Local part (before the `@`): lower-cased and the four Turkish i's (`İ`, `I`, `ı`, `i`, and
  the `i̇` that Python's `str.lower()` makes of `İ`) folded to `i`. RFC 5321 lets a mail
  server tell case apart, but practically no mailbox provider does, and practically none
  accepts a dotless `ı` in a local part; Turkish keyboards, phones' auto-capitalisation and
  caps lock produce `İ`, `I` and `ı` by accident. Folding them is what makes one person one
  address here; the price is that a mailbox whose name really differs only by `ı`/`i` or by
  case (which we have never seen) cannot be told apart from its twin.
"""

import unicodedata

_COMBINING_DOT_ABOVE = "\u0307"
# The local part: every Turkish i is the plain i once lower-cased.
_LOCAL_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})
# The domain: case-insensitive only; İ is the Turkish capital of i, ı stays a letter.
_DOMAIN_I = str.maketrans({"İ": "i"})


def _local_part(text: str) -> str:
    return text.translate(_LOCAL_I).lower().replace("i" + _COMBINING_DOT_ABOVE, "i")


def _label(label: str) -> str:
    """One domain label, lower-cased; a Punycode label in its Unicode form when it decodes."""
    label = label.translate(_DOMAIN_I).lower().replace("i" + _COMBINING_DOT_ABOVE, "i")
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna").lower()
        except UnicodeError:
            return label  # not valid Punycode: the address validator decides about it
    return label


def _domain(text: str) -> str:
    return ".".join(_label(label) for label in text.split("."))


def normalise_email(address: str) -> str:
    """The one form of `address` that is stored and compared (see the module docstring).

    Idempotent: normalising a normalised address returns it unchanged. Text without an
    `@` (half-typed input, a sign-in attempt) is folded like a local part, so it still
    compares the same way.
    """
    text = unicodedata.normalize("NFC", address or "").strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return _local_part(text)
    return f"{_local_part(local)}@{_domain(domain)}"

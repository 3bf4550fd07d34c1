"""Path converters for the private links printed in e-mails, on paper and in calendar apps.

A token or a code is made of URL-safe letters only (`secrets.token_urlsafe`,
`secrets.token_hex`), so an address with anything else in that place is not
a link we ever gave out: it is not found, before any view or database sees it.
That matters for bytes a database cannot even compare: PostgreSQL refuses a
string containing NUL with an error, which turned `/certificates/%00/` into a
500 instead of the 404 any unknown token gets.
"""

from django.urls import register_converter


class TokenConverter:
    """`<token:name>`: a secret or a code from `secrets.token_urlsafe` / `token_hex`."""

    regex = "[A-Za-z0-9_-]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SignedValueConverter(TokenConverter):
    """`<signed:name>`: a value from `django.core.signing.dumps` (URL-safe base64 parts
    joined by colons, with a leading dot when compressed)."""

    regex = "[A-Za-z0-9_.:-]+"


def register() -> None:
    """Called once from the root URLconf, before the apps' routes are read."""
    register_converter(TokenConverter, "token")
    register_converter(SignedValueConverter, "signed")

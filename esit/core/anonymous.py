"""What anonymised rows hold instead of a person's details, the same in every app."""

import datetime

ANONYMOUS_NAME = "Anonim"
ANONYMOUS_DOMAIN = "anonim.invalid"  # RFC 2606: can never receive mail


def anonymous_email(row_id) -> str:
    """A unique address per row (unique constraints hold) that reaches nobody."""
    return f"anonim-{row_id}@{ANONYMOUS_DOMAIN}"


def coarse_birth_date(birth_date: datetime.date | None) -> datetime.date | None:
    """The middle of the birth year: age bands in reports stay right (to within months)
    while the day that identifies a person is gone."""
    return birth_date.replace(month=7, day=1) if birth_date else None

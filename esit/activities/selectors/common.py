"""Small reading helpers every part of activities shares: search words and İzmir's midnight."""

import datetime

from django.utils import timezone

from esit.core.turkish import fold

SEARCH_MAX_WORDS = 6


def search_words(search: str) -> list[str]:
    """Fold a query the way search_text columns are folded (Activity, Volunteer), so İ/i
    and I/ı find each other; at most SEARCH_MAX_WORDS words."""
    return fold(search or "").split()[:SEARCH_MAX_WORDS]


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight of `day` in İzmir (the programme's zone), as an aware moment."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone()
    )

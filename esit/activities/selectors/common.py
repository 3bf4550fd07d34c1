"""Small reading helpers every part of activities shares: İzmir's midnight. (Search words
come from esit/core/search.py, like every list's.)"""

import datetime

from django.utils import timezone


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight of `day` in İzmir (the programme's zone), as an aware moment."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone()
    )

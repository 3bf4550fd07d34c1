"""Days in İzmir: the programme counts dates on Europe/Istanbul's calendar, whatever the
server's clock zone or a zone activated for a request."""

import datetime

from django.utils import timezone


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight of `day` in İzmir (the programme's zone), as an aware moment."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone()
    )

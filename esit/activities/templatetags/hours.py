"""`{% load hours %}`: hours of work written the way people say them on a certificate.

"0,33 saat" reads like a measurement error; "20 dakika" is what was done.
"""

import decimal

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours_and_minutes(hours) -> str:
    """2 → "2 saat", 0.33 → "20 dakika", 1.5 → "1 saat 30 dakika" (in the active language).

    Minutes are rounded to the nearest whole minute; work of less than half a
    minute still shows as a minute, never as nothing.
    """
    if hours in (None, ""):
        return ""
    minutes_total = int(
        (decimal.Decimal(hours) * 60).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)
    )
    if minutes_total <= 0 and decimal.Decimal(hours) > 0:
        minutes_total = 1
    whole_hours, minutes = divmod(minutes_total, 60)
    parts = []
    if whole_hours:
        parts.append(
            ngettext("%(count)d saat", "%(count)d saat", whole_hours) % {"count": whole_hours}
        )
    if minutes or not whole_hours:
        parts.append(ngettext("%(count)d dakika", "%(count)d dakika", minutes) % {"count": minutes})
    return " ".join(parts)

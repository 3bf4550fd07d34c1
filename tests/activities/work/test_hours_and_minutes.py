"""Hours written as people say them: "20 dakika", "2 saat", "1 saat 30 dakika"
(docs/activities.md)."""

import decimal

import pytest
from django.utils import translation

from esit.activities.templatetags.hours import hours_and_minutes


@pytest.mark.parametrize(
    ("hours", "turkish", "english"),
    [
        ("0.33", "20 dakika", "20 minutes"),
        ("2", "2 saat", "2 hours"),
        ("1.5", "1 saat 30 dakika", "1 hour 30 minutes"),
        ("1", "1 saat", "1 hour"),
        ("0.02", "1 dakika", "1 minute"),
        ("0.01", "1 dakika", "1 minute"),
        ("24", "24 saat", "24 hours"),
        ("7.99", "7 saat 59 dakika", "7 hours 59 minutes"),
        ("10.25", "10 saat 15 dakika", "10 hours 15 minutes"),
    ],
)
def test_hours_are_written_in_hours_and_minutes(hours, turkish, english):
    with translation.override("tr"):
        assert hours_and_minutes(decimal.Decimal(hours)) == turkish
    with translation.override("en"):
        assert hours_and_minutes(decimal.Decimal(hours)) == english


def test_a_string_from_the_certificates_record_is_read_as_a_number():
    assert hours_and_minutes("12.50") == "12 saat 30 dakika"

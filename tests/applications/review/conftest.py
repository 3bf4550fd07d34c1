"""Helpers for the staff review workspace tests."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories


def istanbul(year, month, day, hour=12, minute=0) -> datetime.datetime:
    """An aware moment on İzmir's clock."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def years_ago(years: int, *, days: int = 0) -> datetime.date:
    """A birth date `years` years before today in İzmir, shifted by `days`."""
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day + datetime.timedelta(days=days)


def listed_names(response) -> list[str]:
    """The names in the queue's table, in the order shown."""
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="/staff/applications/\d+/">([^<]*)</a></th>', html)


@pytest.fixture
def queue_url():
    return reverse("review:list")


@pytest.fixture
def make_application(db):
    return factories.ApplicationFactory


def detail_url(application) -> str:
    return reverse("review:detail", args=[application.pk])


def decide_url(application) -> str:
    return reverse("review:decide", args=[application.pk])

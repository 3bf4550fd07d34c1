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
    return reverse("staff:application_list")


@pytest.fixture
def make_application(db):
    return factories.ApplicationFactory


def detail_url(application) -> str:
    return reverse("staff:application_detail", args=[application.pk])


def decide_url(application) -> str:
    return reverse("staff:decide", args=[application.pk])


@pytest.fixture
def staff_without_two_factor(db):
    """A coordinator with no authenticator at all.

    Built here rather than with the shared `coordinator_without_two_factor`:
    factory_boy keeps `Params` away from `_create`, so StaffFactory(two_factor=False)
    still activates TOTP (reported; tests/factories.py is not ours to change).
    """
    from allauth.mfa.models import Authenticator

    user = factories.StaffFactory(role="coordinator")
    Authenticator.objects.filter(user=user).delete()
    return user


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows(django_db_setup):
    """The rows the migrations loaded (groups, districts, areas…), as Django serialized them.

    Django keeps them on the connection object for `serialized_rollback`, but
    once Playwright runs its event loop the ORM may hand the test another
    connection object without them, and a browser test after any other test
    then starts on an empty database. Taken here, before any browser starts.
    """
    from django.db import connections

    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture
def migrated_rows(_migrated_rows, transactional_db):
    """Make sure a transactional test starts with the rows the migrations loaded."""
    from django.contrib.auth.models import Group
    from django.db import connections

    connection = connections["default"]
    if _migrated_rows and not Group.objects.exists():
        connection.creation.deserialize_db_from_string(_migrated_rows)
    if _migrated_rows and not hasattr(connection, "_test_serialized_contents"):
        # So the flush after the test leaves the rows to the next restore, as Django intends.
        connection._test_serialized_contents = _migrated_rows

"""The migration that links each concern to the consent given with it (safety 0002)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests import migrating


def _with_safety_at(migration: str) -> list[tuple[str, str]]:
    """Every app at its latest, the safety app at `migration`."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [(app, name) for app, name in latest if app != "safety"] + [("safety", migration)]


BEFORE = "0001_concerns"
AFTER = "0002_concern_consent"


@pytest.fixture
def historical(live_db):
    yield from migrating.historical(_with_safety_at(BEFORE))


def test_each_concern_is_linked_to_the_safety_consent_of_its_very_instant(historical):
    User = historical.get_model("accounts", "User")
    Notice = historical.get_model("privacy", "PrivacyNotice")
    ConsentRecord = historical.get_model("privacy", "ConsentRecord")
    Concern = historical.get_model("safety", "Concern")
    notice = Notice.objects.create(kind="explicit_consent", version="1", title_tr="R", body_tr="R")
    her = User.objects.create(email="ayse@example.org")
    raised_at = timezone.now() - datetime.timedelta(days=3)

    def consent(at, purpose="safety"):
        return ConsentRecord.objects.create(
            notice=notice, information_notice=notice, email=her.email, user=her,
            given_at=at, ip_hash="x", purpose=purpose,
        )  # fmt: skip

    programme = consent(raised_at, purpose="programme")
    earlier = consent(raised_at - datetime.timedelta(hours=1))
    own = consent(raised_at)
    concern = Concern.objects.create(
        raised_by=her, what_happened="x", about="y", raised_at=raised_at, acknowledge_by=raised_at
    )
    orphan = Concern.objects.create(
        raised_by=her,
        what_happened="x",
        about="y",
        raised_at=raised_at - datetime.timedelta(days=1),
        acknowledge_by=raised_at,
    )

    Concern = migrating.migrate(_with_safety_at(AFTER)).get_model("safety", "Concern")

    assert Concern.objects.get(pk=concern.pk).consent_id == own.pk
    assert Concern.objects.get(pk=orphan.pk).consent_id is None
    assert {programme.pk, earlier.pk}.isdisjoint(
        Concern.objects.values_list("consent_id", flat=True)
    )

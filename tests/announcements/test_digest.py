"""The weekly digest: new activities matching her areas and district and announcements for
her, since her last digest; nothing when there is nothing new; she can turn it off."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from esit.announcements import digest
from esit.notifications import preferences
from esit.notifications.models import Delivery
from tests import factories

from .conftest import write_published

KIND = "announcements.digest"


@pytest.fixture
def translation_workshop(db):
    return factories.ActivityFactory(
        title_tr="Çeviri atölyesi", areas=[factories.area("translation")]
    )


def test_nothing_is_sent_when_there_is_nothing_new(translator, run_on_commit):
    with run_on_commit():
        assert digest.queue_digests() == 0
    assert not mail.outbox
    assert not Delivery.objects.filter(kind=KIND).exists()


def test_the_digest_lists_matching_activities_and_her_announcements(
    coordinator, translator, translation_workshop, run_on_commit
):
    factories.ActivityFactory(title_tr="Kampanya günü", areas=[factories.area("campaigns")])
    factories.ActivityFactory(
        title_tr="Bornova'da çeviri",
        areas=[factories.area("translation")],
        district=factories.district("bornova"),
    )
    write_published(
        coordinator,
        title_tr="Çevirmenlere not",
        audience="areas",
        areas=[factories.area("translation")],
    )
    write_published(
        coordinator,
        title_tr="Kampanyacılara not",
        audience="areas",
        areas=[factories.area("campaigns")],
    )
    with run_on_commit():
        assert digest.queue_digests() == 1
    (message,) = mail.outbox
    assert message.to == [translator.user.email]
    assert "Çeviri atölyesi" in message.body
    assert "Çevirmenlere not" in message.body
    assert "Kampanya günü" not in message.body
    assert "Bornova'da çeviri" not in message.body
    assert "Kampanyacılara not" not in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_a_second_run_in_the_same_week_sends_nothing_more(
    translator, translation_workshop, run_on_commit
):
    with run_on_commit():
        digest.queue_digests()
        digest.queue_digests()
    assert len(mail.outbox) == 1


def test_the_next_digest_only_has_what_is_new_since_the_last(
    translator, translation_workshop, run_on_commit
):
    with run_on_commit():
        digest.queue_digests()
    next_week = timezone.now() + datetime.timedelta(days=7)
    with run_on_commit():
        assert digest.queue_digests(now=next_week) == 0  # the workshop was in the last one
    assert len(mail.outbox) == 1


def test_a_volunteer_who_turned_the_digest_off_gets_none(
    translator, translation_workshop, run_on_commit
):
    preferences.set_preference(user=translator.user, kind_key=KIND, enabled=False)
    with run_on_commit():
        digest.queue_digests()
    assert not mail.outbox
    assert Delivery.objects.get(kind=KIND).status == Delivery.Status.SUPPRESSED


def test_the_weekly_command_queues_digests(translator, translation_workshop, run_on_commit, capsys):
    with run_on_commit():
        call_command("send_weekly_digest")
    assert "1 digest(s) queued." in capsys.readouterr().out
    assert len(mail.outbox) == 1

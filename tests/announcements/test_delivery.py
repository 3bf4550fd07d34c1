"""Publishing for volunteers e-mails the audience through the notifications app: in batches,
in each person's language, honouring the preference, with one-click unsubscribe, and each
recipient once, even when the fan-out crashes half way and runs again."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from esit.announcements import selectors, services
from esit.notifications import preferences
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from tests import factories

from .conftest import write, write_published

KIND = "announcements.announcement"


def test_a_volunteer_of_the_area_gets_the_email_and_one_of_another_area_does_not(
    coordinator, translator, campaigner, run_on_commit
):
    with run_on_commit():
        write_published(
            coordinator,
            title_tr="Çeviri ekibine duyuru",
            audience="areas",
            areas=[factories.area("translation")],
        )
    assert [message.to for message in mail.outbox] == [["cigdem@example.org"]]
    assert "Çeviri ekibine duyuru" in mail.outbox[0].subject


def test_a_public_announcement_sends_no_email(coordinator, translator, run_on_commit):
    with run_on_commit():
        write_published(coordinator)
    assert not mail.outbox
    assert not Delivery.objects.exists()


def test_each_volunteer_gets_it_in_her_language(coordinator, translator, run_on_commit):
    translator.user.preferred_language = "en"
    translator.user.save(update_fields=["preferred_language"])
    with run_on_commit():
        write_published(
            coordinator,
            audience="volunteers",
            title_tr="Türkçe başlık",
            title_en="English title",
            body_en="Hello **volunteers**.",
        )
    (message,) = mail.outbox
    assert message.subject.endswith("Announcement: English title")
    assert "Hello volunteers." in message.body
    assert "**" not in message.body


def test_the_email_carries_one_click_unsubscribe(coordinator, translator, run_on_commit):
    with run_on_commit():
        write_published(coordinator, audience="volunteers")
    (message,) = mail.outbox
    url = preferences.unsubscribe_url(translator.user, KIND)
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body


def test_the_one_click_post_turns_announcements_off(client, coordinator, translator, run_on_commit):
    url = preferences.unsubscribe_url(translator.user, KIND).removeprefix("http://testserver")
    assert client.get(url).status_code == 200  # a link scanner unsubscribes nobody
    assert preferences.wants(translator.user, KIND)
    client.post(url, {"List-Unsubscribe": "One-Click"})
    assert not preferences.wants(translator.user, KIND)
    with run_on_commit():
        announcement = write_published(coordinator, audience="volunteers")
    assert not mail.outbox
    assert selectors.delivery_progress(announcement).suppressed == 1


def test_the_announcements_preference_on_me_now_works(
    volunteer_client, volunteer, coordinator, run_on_commit
):
    page = volunteer_client.get(reverse("volunteers:notifications")).content.decode()
    assert "Duyurular" in page
    preferences.set_preference(user=volunteer.user, kind_key=KIND, enabled=False)
    with run_on_commit():
        write_published(coordinator, audience="volunteers")
    assert not mail.outbox


def test_an_announcement_archived_before_its_email_left_is_not_sent(
    coordinator, translator, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    announcement = write_published(coordinator, audience="volunteers")
    services.deliver_announcement(announcement.pk)
    services.archive(by=coordinator, announcement=announcement)
    delivery = Delivery.objects.get(kind=KIND)
    assert notifications.send_one(delivery.pk) == Delivery.Status.SUPPRESSED
    assert not mail.outbox


def test_the_fan_out_queues_in_batches_and_a_re_run_queues_nothing_new(
    coordinator, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(services, "FAN_OUT_BATCH", 2)
    for _number in range(5):
        factories.VolunteerFactory()
    announcement = write_published(coordinator, audience="volunteers")
    services.deliver_announcement(announcement.pk)
    assert Delivery.objects.filter(kind=KIND).count() == 5
    services.deliver_announcement(announcement.pk)
    assert Delivery.objects.filter(kind=KIND).count() == 5


class Crash(Exception):
    pass


def test_a_fan_out_that_crashes_half_way_and_runs_again_reaches_everyone_once(
    coordinator, settings, monkeypatch, run_on_commit
):
    """The worker dies after the first batch committed: the sweep's command finds the fan-out
    unfinished and runs it again; every volunteer ends with exactly one e-mail."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(services, "FAN_OUT_BATCH", 2)
    volunteers = [factories.VolunteerFactory() for _number in range(5)]
    announcement = write_published(coordinator, audience="volunteers")
    real_notify_many = notifications.notify_many
    calls = []

    def dies_on_the_second_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise Crash
        return real_notify_many(*args, **kwargs)

    monkeypatch.setattr(notifications, "notify_many", dies_on_the_second_batch)
    with pytest.raises(Crash):
        services.deliver_announcement(announcement.pk)
    assert Delivery.objects.filter(kind=KIND).count() == 2  # the first batch committed
    announcement.refresh_from_db()
    assert announcement.deliveries_queued_at is None

    monkeypatch.setattr(notifications, "notify_many", real_notify_many)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with run_on_commit():
        assert services.resume_fan_outs() == 1
    with run_on_commit():
        notifications.requeue_stale(now=announcement.published_at + notifications.STALE_AFTER * 2)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(volunteer.user.email for volunteer in volunteers)
    announcement.refresh_from_db()
    assert announcement.deliveries_queued_at is not None
    assert services.resume_fan_outs() == 0
    with run_on_commit():
        services.deliver_announcement(announcement.pk)
    assert len(mail.outbox) == 5


def test_delivery_progress_counts_each_status(coordinator, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _number in range(4):
        factories.VolunteerFactory()
    announcement = write_published(coordinator, audience="volunteers")
    services.deliver_announcement(announcement.pk)
    ids = list(Delivery.objects.filter(kind=KIND).order_by("pk").values_list("pk", flat=True))
    Delivery.objects.filter(pk=ids[0]).update(status="sent")
    Delivery.objects.filter(pk=ids[1]).update(status="failed")
    Delivery.objects.filter(pk=ids[2]).update(status="suppressed")
    progress = selectors.delivery_progress(announcement)
    assert (progress.queued, progress.sent, progress.failed, progress.suppressed) == (1, 1, 1, 1)
    assert progress.percent == 75
    assert not progress.finished


def test_a_draft_sends_nothing(coordinator, translator, run_on_commit):
    with run_on_commit(), transaction.atomic():
        write(coordinator, audience="volunteers")
    assert not mail.outbox

"""A worker killed half way through an announcement's e-mails loses nobody's message and
sends nobody two: the real thing, as tests/notifications/test_worker_crash.py does it.

An announcement for every volunteer (~200) is published with the database task backend;
`manage.py db_worker` in a process of its own runs the fan-out and starts sending, and is
killed (SIGKILL) between two messages. Then the periodic commands
(`publish_scheduled_announcements`, `send_queued_notifications`) and a worker again, until
the queue is empty: every volunteer has exactly one e-mail.
"""

import io

from django.core.management import call_command
from django.db import transaction

from esit.announcements import services
from esit.notifications.models import Delivery
from tests import factories
from tests.notifications.test_worker_crash import (
    kill_between_two_messages,
    messages_in,
    start_worker,
    sweep_as_if_later,
    wait_until,
)

PEOPLE = 200
KIND = "announcements.announcement"


def test_a_worker_killed_half_way_through_an_announcement_sends_each_volunteer_one_email(
    live_db, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    coordinator = factories.StaffFactory(role="coordinator", two_factor=False)
    with transaction.atomic():
        volunteers = [
            factories.VolunteerFactory(user__email=f"gonullu-{number:03d}@example.org")
            for number in range(PEOPLE)
        ]
    announcement = services.save_announcement(
        by=coordinator, title_tr="Herkese duyuru", body_tr="Metin", audience="volunteers"
    )
    services.publish(by=coordinator, announcement=announcement)  # the fan-out task is queued
    assert not Delivery.objects.exists()

    mail_folder = tmp_path / "mail"
    first = start_worker(mail_folder, batch=False)
    try:
        wait_until(
            lambda: len(messages_in(mail_folder)) >= 20 or first.poll() is not None,
            timeout=300,
            message="The worker wrote no e-mail in five minutes.",
        )
        assert first.poll() is None, first.stderr.read().decode()
        kill_between_two_messages(first)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=60)
        first.stderr.close()

    sent_before = Delivery.objects.filter(kind=KIND, status=Delivery.Status.SENT).count()
    assert 0 < sent_before < PEOPLE, "the kill must land half way through the e-mails"

    for _round in range(5):
        unfinished = Delivery.objects.filter(status=Delivery.Status.QUEUED).exists()
        if not unfinished and Delivery.objects.filter(kind=KIND).count() == PEOPLE:
            break
        call_command("publish_scheduled_announcements", stdout=io.StringIO())
        assert " 0 marked failed." in sweep_as_if_later()
        worker = start_worker(mail_folder, batch=True)
        _out, errors = worker.communicate(timeout=600)
        assert worker.returncode == 0, errors.decode()

    assert set(Delivery.objects.filter(kind=KIND).values_list("status", flat=True)) == {
        Delivery.Status.SENT
    }
    recipients = sorted(message["To"] for message in messages_in(mail_folder))
    assert recipients == sorted(volunteer.user.email for volunteer in volunteers)

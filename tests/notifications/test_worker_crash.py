"""A worker killed half way through a batch loses nobody's message and sends nobody two.

The real thing, end to end: the database task backend, a committing database, a real
kind (an activity cancelled, told to its ~300 public participants in one batch),
`manage.py db_worker` in a process of its own writing e-mail to files, SIGKILL, then the
periodic sweep (`send_queued_notifications`) and a worker again until the queue is empty.
"""

import datetime
import email
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from esit.activities.models import Participant
from esit.activities.services import planning
from esit.notifications.models import Delivery
from esit.privacy.services import record_consent
from tests import factories
from tests.platform.processes import CONFIGURATION, ROOT

PEOPLE = 300
KIND = "planning.participant_activity_cancelled"
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # how Django's file backend ends each message


def database_url() -> str:
    """The test database, as the worker process must find it (SQLite file or PostgreSQL)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(database['NAME']).resolve()}"
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "localhost"
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{database['NAME']}"


def start_worker(mail_folder: Path, *, batch: bool) -> subprocess.Popen:
    environment = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    environment.update(
        DJANGO_SETTINGS_MODULE="esit.settings",
        DATABASE_URL=database_url(),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_folder),
    )
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    command += ["--interval", "0.1", "--verbosity", "0"]
    if batch:
        command.append("--batch")
    return subprocess.Popen(  # noqa: S603 - this interpreter, our own manage.py
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def messages_in(mail_folder: Path) -> list[email.message.Message]:
    """Every message the file backend wrote, complete ones only."""
    found = []
    for path in sorted(mail_folder.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                found.append(email.message_from_bytes(chunk))
    return found


def body_of(message: email.message.Message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def wait_until(condition, *, timeout: float, message: str):
    """Poll `condition` (no fixed sleeps: a busy machine only makes this slower)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.01)
    pytest.fail(message)


def anything_sending() -> bool:
    return Delivery.objects.filter(status=Delivery.Status.SENDING).exists()


def kill_between_two_messages(worker: subprocess.Popen, sending=anything_sending) -> None:
    """SIGKILL the worker at a moment it holds no claimed delivery.

    A worker killed while a delivery is claimed ("sending") leaves a message nobody can say
    left or not; by design that one is never sent again by itself but marked failed for a
    person to check (test_delivery.py, the sweep's test). Here the kill lands between two
    messages: the worker is stopped, and killed only if nothing is "sending", otherwise it
    runs on for a moment and is stopped again. Anything it had half done in a transaction
    is rolled back by the database when the process dies.
    """
    for _attempt in range(2000):
        os.kill(worker.pid, signal.SIGSTOP)
        time.sleep(0.05)  # a statement the database was still running when it stopped ends
        if not sending():
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=60)
            return
        os.kill(worker.pid, signal.SIGCONT)
        time.sleep(0.001)
    worker.kill()
    pytest.fail("The worker was always in the middle of sending a message.")


def sweep_as_if_later() -> str:
    """The periodic sweep, run as it would be once the queued rows are old enough."""
    stale = timezone.now() - datetime.timedelta(hours=1)
    Delivery.objects.filter(status=Delivery.Status.QUEUED).update(enqueued_at=stale)
    out = io.StringIO()
    call_command("send_queued_notifications", stdout=out)
    return out.getvalue()


@pytest.fixture
def cancelled_workshop(live_db, settings, coordinator):
    """A workshop with PEOPLE public participants, cancelled: one batch of deliveries queued
    in the database task backend, nothing sent yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    activity = factories.ActivityFactory(public_registration=True, public_capacity=PEOPLE)
    now = timezone.now()
    with transaction.atomic():
        for number in range(PEOPLE):
            address = f"katilimci-{number:03d}@example.org"
            Participant.objects.create(
                activity=activity,
                name=f"Katılımcı {number}",
                email=address,
                status=Participant.Status.CONFIRMED,
                consent=record_consent(email=address, ip="127.0.0.1", at=now),
                registered_at=now,
            )
    planning.cancel_activity(activity=activity, by=coordinator, message="Salon su bastı.")
    assert Delivery.objects.filter(kind=KIND, status=Delivery.Status.QUEUED).count() == PEOPLE
    return activity


def test_a_worker_killed_half_way_through_a_batch_leaves_every_recipient_one_message(
    cancelled_workshop, tmp_path
):
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
    assert 0 < sent_before < PEOPLE, "the kill must land half way through the batch"
    assert len(messages_in(mail_folder)) == sent_before

    for _round in range(5):  # "until the queue is empty"; one round is what it takes
        if not Delivery.objects.filter(status=Delivery.Status.QUEUED).exists():
            break
        assert " 0 marked failed." in sweep_as_if_later()  # nothing was left "sending"
        worker = start_worker(mail_folder, batch=True)
        _out, errors = worker.communicate(timeout=600)
        assert worker.returncode == 0, errors.decode()

    statuses = set(Delivery.objects.filter(kind=KIND).values_list("status", flat=True))
    assert statuses == {Delivery.Status.SENT}
    recipients = [message["To"] for message in messages_in(mail_folder)]
    expected = sorted(Participant.objects.values_list("email", flat=True))
    assert sorted(recipients) == expected  # every one of them, each exactly once
    notes = {"Salon su bastı." in body_of(message) for message in messages_in(mail_folder)}
    assert notes == {True}  # the coordinator's note survived the crash with each delivery

"""The task worker is killed half way through a batch of e-mails and started again: every
recipient gets exactly one message. The same scenario as tests/announcements/test_worker_crash.py,
here on the test's own cluster with every part in a production process of its own: the
announcement is published by one, the worker that sends is another, killed with SIGKILL, and
the periodic commands and a new worker finish the queue.
"""

import datetime
import subprocess
import sys

import pytest

from tests.notifications.test_worker_crash import kill_between_two_messages, messages_in
from tests.platform.processes import ROOT
from tests.resilience.stack import environment, manage, wait_until

pytestmark = [pytest.mark.resilience, pytest.mark.alone]

PEOPLE = 150

PUBLISH = f"""
from django.db import transaction
from esit.announcements import services
from tests import factories

coordinator = factories.StaffFactory(role="coordinator", two_factor=False)
with transaction.atomic():
    for number in range({PEOPLE}):
        factories.VolunteerFactory(user__email=f"gonullu-{{number:03d}}@example.org")
announcement = services.save_announcement(
    by=coordinator, title_tr="Herkese duyuru", body_tr="Metin", audience="volunteers"
)
services.publish(by=coordinator, announcement=announcement)
"""


def test_a_killed_worker_started_again_sends_everyone_exactly_one_email(cluster, database, mail):
    env = environment(cluster.url(database), mail)
    manage("shell", "-c", PUBLISH, env=env)

    def sending() -> bool:
        return bool(cluster.count(database, QUEUE_COUNT, "sending"))

    first = start_worker(env)
    try:
        wait_until(
            lambda: len(messages_in(mail)) >= 15 or first.poll() is not None,
            timeout=300,
            message="The worker wrote no e-mail in five minutes.",
        )
        assert first.poll() is None, "the worker stopped by itself"
        kill_between_two_messages(first, sending)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=60)
    sent_before = len(messages_in(mail))
    assert 0 < sent_before < PEOPLE, "the kill must land half way through the e-mails"

    for _round in range(5):
        if cluster.count(database, DELIVERIES) == PEOPLE and not cluster.count(
            database, QUEUE_COUNT, "queued"
        ):
            break
        manage("publish_scheduled_announcements", env=env)
        # The sweep takes what waited long enough: as if an hour had passed.
        an_hour_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
        with cluster.connect(database) as connection:
            connection.execute(
                "UPDATE notifications_delivery SET enqueued_at = %s WHERE status = 'queued'",
                (an_hour_ago,),
            )
        assert " 0 marked failed." in manage("send_queued_notifications", env=env)
        batch = start_worker(env, batch=True)
        assert batch.wait(timeout=600) == 0

    statuses = cluster.rows(database, "SELECT DISTINCT status FROM notifications_delivery")
    assert statuses == [("sent",)]
    recipients = sorted(message["To"] for message in messages_in(mail))
    assert recipients == [f"gonullu-{number:03d}@example.org" for number in range(PEOPLE)]


QUEUE_COUNT = "SELECT count(*) FROM notifications_delivery WHERE status = %s"
DELIVERIES = "SELECT count(*) FROM notifications_delivery"


def start_worker(env, *, batch=False):
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
               "--interval", "0.1", "--verbosity", "0"]  # fmt: skip
    if batch:
        command.append("--batch")
    return subprocess.Popen(  # noqa: S603 - this interpreter, our own manage.py
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

"""Many people at once for the last places of a workshop: never more confirmed than its places."""

import threading

import pytest
from django.db import connections

from esit.activities.models import Participant
from esit.activities.services import participants as services
from esit.activities.services.errors import ActivityError
from tests import factories

pytestmark = pytest.mark.usefixtures("live_db")


def register_concurrently(count, make_kwargs):
    barrier = threading.Barrier(count)
    outcomes, errors = [], []

    def worker(index):
        try:
            barrier.wait()
            outcomes.append(services.register_participant(**make_kwargs(index)))
        except ActivityError as refused:
            outcomes.append(refused)
        except Exception as error:  # any other error fails the test below
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, errors


def kwargs_for(activity, email):
    return {
        "activity": activity, "name": "Aynı Anda", "email": email, "phone": "",
        "language": "tr", "ip": "203.0.113.7",
    }  # fmt: skip


def test_many_people_for_the_last_places_never_overbook_the_workshop():
    workshop = factories.ActivityFactory(public_registration=True, public_capacity=5)
    for n in range(3):
        services.register_participant(**kwargs_for(workshop, f"erken{n}@example.org"))
    _outcomes, errors = register_concurrently(
        8, lambda i: kwargs_for(workshop, f"son{i}@example.org")
    )
    assert errors == []
    assert Participant.objects.filter(activity=workshop, status="confirmed").count() == 5
    assert Participant.objects.filter(activity=workshop, status="waitlisted").count() == 6


def test_one_email_sent_many_times_at_once_registers_once():
    workshop = factories.ActivityFactory(public_registration=True, public_capacity=5)
    outcomes, errors = register_concurrently(4, lambda _i: kwargs_for(workshop, "ayni@example.org"))
    assert errors == []
    assert Participant.objects.filter(activity=workshop).count() == 1
    assert sum(isinstance(o, ActivityError) for o in outcomes) == 3

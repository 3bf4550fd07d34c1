"""A double click sends the same form twice at once: the database keeps exactly one application."""

import threading
import uuid

import pytest
from django.db import close_old_connections

from esit.applications import services
from esit.applications.models import Application
from tests import factories

pytestmark = pytest.mark.usefixtures("live_db")


def fields(email="cift@example.org", phone="+905321112233"):
    return {
        "first_name": "Gülşah", "last_name": "Öztürk", "email": email, "phone": phone,
        "birth_date": "1991-04-23", "district": factories.district(), "availability": 1,
        "experience": "", "motivation": "Birlikte güçlüyüz.", "heard_from": "",
        "gender": "", "gender_self_description": "",
    }  # fmt: skip


def submit_concurrently(count, make_kwargs):
    barrier = threading.Barrier(count)
    outcomes, errors = [], []

    def worker(index):
        try:
            barrier.wait()
            outcomes.append(services.submit_application(**make_kwargs(index)))
        except services.DuplicateApplication as duplicate:
            outcomes.append(duplicate)
        except Exception as error:  # any other error fails the test below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, errors


def test_the_same_form_sent_twice_at_once_creates_one_application():
    key = uuid.uuid4()
    kwargs = {
        "fields": fields(), "areas": [factories.area()], "languages": [], "consent": True,
        "submission_key": key, "language": "tr", "ip": "10.0.0.1",
    }  # fmt: skip
    outcomes, errors = submit_concurrently(4, lambda _i: kwargs)
    assert errors == []
    assert Application.objects.count() == 1
    assert sum(1 for o in outcomes if getattr(o, "created", False)) == 1


def test_two_forms_with_one_email_at_once_leave_one_open_application():
    outcomes, errors = submit_concurrently(
        4,
        lambda i: {
            "fields": fields(phone=f"+90532111223{i}"), "areas": [factories.area()],
            "languages": [], "consent": True, "submission_key": uuid.uuid4(), "language": "tr",
            "ip": "10.0.0.1",
        },
    )  # fmt: skip
    assert errors == []
    assert Application.objects.open().filter(email="cift@example.org").count() == 1
    assert sum(isinstance(o, services.DuplicateApplication) for o in outcomes) == 3

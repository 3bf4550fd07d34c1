"""A double click sends the same form twice at once: the database keeps exactly one application,
and both requests land on the same thank-you page. Threads against a really
committing database, on SQLite and on PostgreSQL."""

import threading
import uuid

import pytest
from django.db import connections

from esit.applications import services
from esit.applications.models import Application
from tests import factories

pytestmark = pytest.mark.usefixtures("live_db")

WAIT_SECONDS = 20


def fields(email="cift@example.org", phone="+905321112233"):
    return {
        "first_name": "Gülşah", "last_name": "Öztürk", "email": email, "phone": phone,
        "birth_date": "1991-04-23", "district": factories.district(), "availability": 1,
        "experience": "", "motivation": "Birlikte güçlüyüz.", "heard_from": "",
        "gender": "", "gender_self_description": "",
    }  # fmt: skip


def submission(key, **changes):
    return {
        "fields": fields(**changes), "areas": [factories.area()], "languages": [],
        "consent": True, "submission_key": key, "language": "tr", "ip": "10.0.0.1",
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
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, errors


def test_the_same_form_sent_twice_at_once_creates_one_application():
    kwargs = submission(uuid.uuid4())
    outcomes, errors = submit_concurrently(4, lambda _i: kwargs)
    assert errors == []
    assert Application.objects.count() == 1
    assert sum(1 for o in outcomes if getattr(o, "created", False)) == 1


def test_two_forms_with_one_email_at_once_leave_one_open_application():
    outcomes, errors = submit_concurrently(
        4, lambda i: submission(uuid.uuid4(), phone=f"+90532111223{i}")
    )
    assert errors == []
    assert Application.objects.open().filter(email="cift@example.org").count() == 1
    assert sum(isinstance(o, services.DuplicateApplication) for o in outcomes) == 3


def test_every_double_submit_lands_on_the_same_thank_you():
    """Forty double clicks: each pair gets one application, both requests its thank-you."""
    for round_ in range(40):
        kwargs = submission(
            uuid.uuid4(), email=f"cift{round_}@example.org", phone=f"+9053211{round_:05d}"
        )
        outcomes, errors = submit_concurrently(2, lambda _i, kwargs=kwargs: kwargs)
        assert errors == [], round_
        assert all(isinstance(o, services.Submission) for o in outcomes), (round_, outcomes)
        assert outcomes[0].application.pk == outcomes[1].application.pk, round_
    assert Application.objects.count() == 40


def _submit_late(kwargs, *, paused_in: str, monkeypatch):
    """Submit in a second request that pauses, the first time it calls `paused_in`, until the
    first request has committed the very same form. `_same_submission` pauses after reading
    (it found nothing yet), `find_open_duplicate` before (it will find the first request's row)."""
    reached, twin_committed = threading.Event(), threading.Event()
    real = getattr(services, paused_in)

    def pause_in_the_late_request(*args, **kw):
        if threading.current_thread().name != "late" or reached.is_set():
            return real(*args, **kw)
        result = real(*args, **kw) if paused_in == "_same_submission" else None
        reached.set()
        assert twin_committed.wait(WAIT_SECONDS)
        return result if paused_in == "_same_submission" else real(*args, **kw)

    monkeypatch.setattr(services, paused_in, pause_in_the_late_request)
    outcome = {}

    def late():
        try:
            outcome["late"] = services.submit_application(**kwargs)
        except services.ApplicationError as error:
            outcome["late"] = error
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=late, name="late")
    thread.start()
    assert reached.wait(WAIT_SECONDS)
    first = services.submit_application(**kwargs)  # the other click, committed at once
    twin_committed.set()
    thread.join()
    return first, outcome["late"]


def test_a_double_submit_whose_twin_committed_before_the_duplicate_check_is_the_same(
    monkeypatch,
):
    first, late = _submit_late(
        submission(uuid.uuid4()), paused_in="find_open_duplicate", monkeypatch=monkeypatch
    )
    assert first.created
    assert isinstance(late, services.Submission), late
    assert (late.application.pk, late.created) == (first.application.pk, False)
    assert Application.objects.count() == 1


def test_a_double_submit_whose_twin_committed_after_the_key_check_is_the_same(monkeypatch):
    first, late = _submit_late(
        submission(uuid.uuid4()), paused_in="_same_submission", monkeypatch=monkeypatch
    )
    assert first.created
    assert isinstance(late, services.Submission), late
    assert (late.application.pk, late.created) == (first.application.pk, False)
    assert Application.objects.count() == 1

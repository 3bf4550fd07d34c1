"""`volunteer_left` (esit/volunteers/signals.py): how the apps above learn that a volunteer
left, without volunteers importing them."""

import ast
import logging
from pathlib import Path

import pytest
from django.db import transaction

import esit.volunteers.services
from esit.volunteers import services
from esit.volunteers.signals import volunteer_left


@pytest.fixture
def heard():
    """A receiver that writes down what it heard, connected for one test."""
    calls = []

    def receiver(sender, *, volunteer_id, **kwargs):
        calls.append((sender.__name__, volunteer_id))

    volunteer_left.connect(receiver, dispatch_uid="tests.heard")
    yield calls
    volunteer_left.disconnect(dispatch_uid="tests.heard")


def test_it_is_sent_once_the_leaving_commits_with_the_volunteer_s_id(
    volunteer, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.withdraw_from_programme(volunteer=volunteer)
    assert heard == []  # not while the change could still roll back

    for callback in callbacks:
        callback()

    assert heard == [("Volunteer", volunteer.pk)]


def test_nothing_is_sent_for_a_leaving_that_rolled_back(volunteer, heard, run_on_commit):
    class Abandoned(Exception):
        pass

    def leave_then_fail():
        with transaction.atomic():
            services.withdraw_from_programme(volunteer=volunteer)
            raise Abandoned

    with run_on_commit(), pytest.raises(Abandoned):
        leave_then_fail()

    assert heard == []


def test_a_failing_receiver_neither_stops_the_others_nor_the_leaving(
    volunteer, heard, run_on_commit, caplog
):
    def broken(sender, **kwargs):
        raise RuntimeError("receiver broke")

    volunteer_left.connect(broken, dispatch_uid="tests.broken")
    try:
        with run_on_commit():
            left = services.withdraw_from_programme(volunteer=volunteer)
    finally:
        volunteer_left.disconnect(dispatch_uid="tests.broken")

    assert not left.is_active
    assert heard == [("Volunteer", volunteer.pk)]
    failures = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert ["receiver broke" in record.getMessage() for record in failures] == [True]
    caplog.clear()  # the one error this test expects, not one the suite should fail on


def test_the_volunteers_services_import_nothing_of_the_apps_above():
    source = Path(esit.volunteers.services.__file__).read_text()
    modules = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert sorted(module for module in modules if module.startswith("esit.activities")) == []

"""Three people report the same content at the same moment: it is hidden exactly once.
Threads against a really committing database (PostgreSQL in .ci/run, SQLite here too)."""

import threading

import pytest
from django.db import connections

from esit.audit.models import AuditEvent
from esit.moderation.models import Report
from esit.moderation.services import report_content
from tests import factories

pytestmark = pytest.mark.usefixtures("live_db")


def test_three_reports_at_once_hide_the_content_exactly_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    guide = factories.resource(title="Aynı anda bildirilen")
    reporters = [factories.VolunteerFactory().user for _n in range(3)]
    barrier = threading.Barrier(len(reporters))
    errors = []

    def worker(reporter):
        try:
            barrier.wait()
            report_content(
                reporter=reporter, content=type(guide).objects.get(pk=guide.pk), reason="spam"
            )
        except Exception as error:  # any error fails the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(reporter,)) for reporter in reporters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    guide.refresh_from_db()
    assert guide.is_hidden
    assert Report.objects.count() == 3
    assert AuditEvent.objects.filter(action="moderation.auto_hidden").count() == 1

"""TASKS_BACKEND=rq moves the queue to Redis: a task enqueued by one process is run by an RQ
worker, another process, which stops by itself once the queue is empty (`--burst`).

Needs a real Redis: it runs where REDIS_URL is set (the PostgreSQL pass of .ci/run)."""

import os

import pytest

from .processes import run_python, setting

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="needs Redis (REDIS_URL), as in .ci/run")

ENQUEUE = """
import django, sys
django.setup()
from tests.platform.rq_tasks import write_marker
print(write_marker.enqueue(sys.argv[1], "Eşit İzmir: görev çalıştı").id)
"""
RESULT = """
import django, sys
django.setup()
from tests.platform.rq_tasks import write_marker
print(write_marker.get_result(sys.argv[1]).status)
"""


def on_rq(*arguments):
    result = run_python(*arguments, timeout=60, TASKS_BACKEND="rq", REDIS_URL=REDIS_URL)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_database_queue_is_the_default():
    assert setting("TASKS['default']['BACKEND']") == "django_tasks_db.DatabaseBackend"


def test_rq_without_redis_refuses_to_start():
    result = run_python("-c", "import django; django.setup()", TASKS_BACKEND="rq")
    assert result.returncode != 0
    assert "set REDIS_URL" in result.stderr


@needs_redis
def test_a_task_enqueued_on_rq_is_run_by_an_rq_worker(tmp_path):
    marker = tmp_path / "ran.txt"
    result_id = on_rq("-c", ENQUEUE, str(marker)).split()[-1]
    assert not marker.exists()  # queued in Redis, not run inline

    on_rq("manage.py", "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job")

    assert marker.read_text(encoding="utf-8") == "Eşit İzmir: görev çalıştı"
    assert on_rq("-c", RESULT, result_id) == "SUCCESSFUL"

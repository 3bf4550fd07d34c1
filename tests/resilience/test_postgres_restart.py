"""PostgreSQL restarts while people are applying: gunicorn recovers by itself and no
application the site confirmed is lost.

Applicants keep sending the form from several threads, each from an address of its own (the
proxy's X-Forwarded-For), against gunicorn in production mode on the test's own cluster. Half
way through, the cluster restarts (`pg_ctl restart -m fast`: every connection is cut, as in a
failover or an upgrade). While it is down the site answers 503 with the form carried back
(esit.core.outage), never 500; once it is back, applications are confirmed again without
anyone restarting gunicorn; and every application that was answered with the thank-you page
is in the database, once.
"""

import threading
from urllib.parse import urlsplit

import pytest
import requests

from tests.platform.processes import script
from tests.resilience.stack import environment, wait_until

pytestmark = [pytest.mark.resilience, pytest.mark.alone]

smoke = script("smoke")
APPLICANTS = 4


class Applicants:
    """Threads applying in a loop until stopped; every answer is kept."""

    def __init__(self, base: str):
        self.base = base
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.confirmed: list[str] = []
        self.answers: list[tuple[str, int]] = []
        self.errors: list[str] = []
        self.threads = [
            threading.Thread(target=self._apply, args=(number,)) for number in range(APPLICANTS)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exception):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def summary(self) -> str:
        with self.lock:
            return f"answers {self.answers[:20]}, errors {self.errors[:3]}"

    def count(self) -> int:
        with self.lock:
            return len(self.confirmed)

    def _apply(self, number: int):
        attempt = 0
        while not self.stop.is_set():
            attempt += 1
            applicant = f"yuk-{number}-{attempt}@esitizmir.example"
            visitor = smoke.Browser(self.base, address=f"198.51.100.{number + 1}")
            try:
                form = visitor.request("GET", "/apply/")
                self._keep("GET", form.status_code)
                if form.status_code != 200:
                    continue
                answer = visitor.post(
                    "/apply/",
                    smoke.application(form.text, applicant, phone=f"0532 {number}{attempt:06d}"),
                    expect=None,
                )
                self._keep("POST", answer.status_code)
                if answer.status_code == 302 and (
                    urlsplit(answer.headers["Location"]).path == "/apply/thanks/"
                ):
                    with self.lock:
                        self.confirmed.append(applicant)
            except requests.RequestException as error:  # a connection refused is no answer
                with self.lock:
                    self.errors.append(repr(error))

    def _keep(self, method: str, status: int):
        with self.lock:
            self.answers.append((method, status))


def test_the_site_recovers_from_a_database_restart_and_loses_no_confirmed_application(
    cluster, database, mail, serve
):
    web = serve(environment(cluster.url(database), mail, APPLY_RATE_LIMIT="100000/h"))

    with Applicants(web.url) as applicants:
        wait_until(
            lambda: applicants.count() >= 10 or len(applicants.answers) >= 100,
            timeout=300,
            message="No application went through.",
        )
        assert applicants.count() >= 10, applicants.summary()
        cluster.restart()
        after_restart = applicants.count()
        wait_until(
            lambda: applicants.count() >= after_restart + 10,
            timeout=300,
            message=f"gunicorn did not recover after the restart: {web.errors()[-3000:]}",
        )

    stored = [
        row[0] for row in cluster.rows(database, "SELECT email FROM applications_application")
    ]
    assert sorted(stored) == sorted(set(stored)), "an application was stored twice"
    missing = set(applicants.confirmed) - set(stored)
    assert not missing, f"confirmed but not stored: {sorted(missing)}"
    statuses = {status for _method, status in applicants.answers}
    assert statuses <= {200, 302, 503}, f"unexpected answers: {statuses}"
    assert not applicants.errors, applicants.errors[:3]

"""The load run's visitors (scripts/load starts gunicorn and runs Locust with this file).

Each simulated person reads the public pages the way the public does (the home page, the
activities and one of them, the announcements) and some apply: the form is opened and sent
with a fresh e-mail address and phone, as a person would, so every confirmed application is
a new row. The confirmed ones are counted; scripts/load compares that count with the rows
in the database afterwards: no application may be lost.

The stack runs with DJANGO_ENV=production: like scripts/smoke.py, the client stands in for the
TLS proxy (X-Forwarded-Proto, X-Forwarded-For: each simulated person has an address of its
own, so the per-address rate limits see many people, as in a city) and sends the cookies that
production marks Secure over loopback's plain HTTP.
"""

import itertools
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import smoke  # scripts/ is on the path: Locust adds the locustfile's folder
from locust import HttpUser, between, events, task

CONFIRMED = Path(os.environ.get("LOAD_CONFIRMED_FILE", "load-confirmed.txt"))
_people = itertools.count(1)
_confirmed: list[str] = []
ACTIVITY = re.compile(r'href="(/activities/\d+/)"')


class Visitor(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.number = next(_people)
        self.address = (
            f"10.{self.number // 65536 % 256}.{self.number // 256 % 256}.{self.number % 256}"
        )
        self.applications = itertools.count(1)
        self.activities: list[str] = []

    def request(self, method: str, path: str, *, name: str | None = None, **kwargs):
        origin = "https://" + urlsplit(self.host).netloc
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Referer": origin + path,
            "Accept-Language": "tr",
        }
        for cookie in self.client.cookies:
            cookie.secure = False
        return self.client.request(
            method, path, headers=headers, allow_redirects=False, name=name or path, **kwargs
        )

    @task(4)
    def home(self):
        self.request("GET", "/")

    @task(4)
    def activities(self):
        page = self.request("GET", "/activities/")
        self.activities = ACTIVITY.findall(page.text)[:20] or self.activities

    @task(3)
    def one_activity(self):
        if self.activities:
            self.request(
                "GET", self.activities[self.number % len(self.activities)], name="one activity"
            )

    @task(2)
    def announcements(self):
        self.request("GET", "/announcements/")

    @task(1)
    def apply(self):
        number = next(self.applications)
        applicant = f"yuk-{self.number}-{number}@esitizmir.example"
        form = self.request("GET", "/apply/")
        if form.status_code != 200:
            return
        data = smoke.application(form.text, applicant, phone=f"0533 {self.number:03d} {number:04d}")
        data["csrfmiddlewaretoken"] = self.client.cookies.get("csrftoken", "")
        with self.request("POST", "/apply/", data=data, catch_response=True) as answer:
            if answer.status_code == 302 and answer.headers["Location"].endswith("/apply/thanks/"):
                _confirmed.append(applicant)
                answer.success()
            else:
                answer.failure(f"the application was not confirmed: {answer.status_code}")


@events.test_stop.add_listener
def write_confirmed(**_kwargs):
    CONFIRMED.write_text("".join(f"{applicant}\n" for applicant in _confirmed))

"""What `bench` measures, and how (docs/performance.md, "How to read the table").

Every operation is a request through Django's test client in this one process: the whole
middleware stack, URL resolution, the view, its queries and its template, without a network
or a web server in between. The floor is the same stack answering one primary-key query
(`bench/urls.py`), measured in the same run, so each ratio compares the page with the
cheapest thing the stack can do on this machine at this moment, whatever its speed.

Writes (an application, a sign-up) run inside a transaction rolled back after each try, so
the dataset keeps its size and the same write can be repeated; what happens after a commit
(the confirmation e-mail's task) is left out of their time.
"""

import statistics
import time
import tracemalloc
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import import_module
from typing import Any

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATED_USER_KEY,
)
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve
from django.utils import timezone

from esit.activities.models import Activity, Shift, SignUp
from esit.applications.models import Application
from esit.reference.models import District, VolunteerArea
from esit.volunteers.models import Volunteer

from .sizes import BIG_ACTIVITY_TITLE, BUSY_VOLUNTEER_EMAIL, STAFF_EMAIL

KB = 1024
MB = 1024 * KB
LIST_PAGE_LIMIT = 200 * KB
MIN_RUNS = 3
EXPORT_LIMIT = 100 * MB

# The goals, as a multiple of the floor's median, by kind of operation.
GOALS = {"public": 5, "feed": 10, "staff": 10, "volunteer": 10, "matching": 10, "write": 5}


@dataclass
class Operation:
    name: str
    kind: str  # a key of GOALS, or "export"
    path: str | None  # None: the capability is not built yet
    who: str = "anonymous"  # anonymous, staff, volunteer, busy
    method: str = "get"
    data: Callable[[], dict] | None = None
    expect: tuple[int, ...] = (200,)
    list_page: bool = False


@dataclass
class Result:
    name: str
    kind: str
    built: bool
    median_ms: float = 0.0
    p95_ms: float = 0.0
    queries: int = 0
    size: int = 0
    ratio: float = 0.0
    peak: int = 0
    runs: int = 0
    status: int = 0
    conditional: str = ""  # for feeds: "304", or what was missing
    problems: list[str] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.built and not self.problems

    def as_json(self) -> dict:
        return {**asdict(self), "met": self.met}


def sign_in(client: Client, user) -> None:
    """A finished sign-in, second factor included, the way allauth records one in the session
    (the staff gate reads those records); the bench measures pages, not the sign-in form."""
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session[AUTHENTICATED_USER_KEY] = str(user.pk)
    session.save()


class Fixtures:
    """The rows the operations are about, found once before anything is timed."""

    def __init__(self):
        User = get_user_model()
        now = timezone.now()
        self.staff = User.objects.get(email=STAFF_EMAIL)
        self.busy = Volunteer.objects.select_related("user").get(user__email=BUSY_VOLUNTEER_EMAIL)
        self.big = Activity.objects.get(title_tr=BIG_ACTIVITY_TITLE)
        self.activity = (
            Activity.objects.filter(status=Activity.Status.PUBLISHED, starts_at__gt=now)
            .exclude(pk=self.big.pk)
            .order_by("starts_at")
            .first()
        )
        self.application = Application.objects.open().order_by("-submitted_at").first()
        self.district = District.objects.get(slug="konak")
        self.area = VolunteerArea.objects.order_by("pk").first()
        self.shift = Shift.objects.filter(activity=self.activity).order_by("starts_at").first()
        self.volunteer = (
            Volunteer.objects.filter(status=Volunteer.Status.ACTIVE)
            .exclude(signups__shift=self.shift)
            .exclude(pk=self.busy.pk)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        self.floor_pk = self.staff.pk


def operations(f: Fixtures) -> list[Operation]:
    def application_post():
        return {
            "first_name": "Ayşe",
            "last_name": "Işıkoğlu",
            "email": "ayse.isikoglu.bench@bench.esit.invalid",
            "phone": "0532 999 45 67",
            "birth_date": "1990-05-17",
            "district": str(f.district.pk),
            "areas": [str(f.area.pk)],
            "language_tr": "native",
            "availability": ["mon_morning", "sat_evening"],
            "motivation": "Eşitlik için somut adımlar atmak istiyorum.",
            "heard_from": "friend",
            "consent": "on",
            "website": "",
            "submission_key": str(uuid.uuid4()),
        }

    # A name every scale has (a filter that finds nobody at 0.01 would skip the prefetches and
    # look like fewer queries): status and a Turkish search, "şahin" for "Şahin".
    staff_queue = "/staff/applications/?status=submitted&q=%C5%9Fahin"
    return [
        Operation("/", "public", "/"),
        Operation("/activities/", "public", "/activities/", list_page=True),
        Operation(
            "/activities/ filtered",
            "public",
            f"/activities/?district={f.district.pk}&area={f.area.pk}",
            list_page=True,
        ),
        Operation("one activity", "public", f"/activities/{f.activity.pk}/"),
        Operation("/activities/calendar.ics", "feed", "/activities/calendar.ics"),
        Operation(
            "a volunteer's private feed",
            "feed",
            f"/me/calendar/{f.busy.calendar_token}.ics",
        ),
        Operation("/announcements/", "public", _built("/announcements/"), list_page=True),
        Operation("/announcements/ feed", "feed", _built("/announcements/feed.atom")),
        # The solidarity network is for signed-in volunteers (DESIGN): anonymous gets a 302.
        Operation("/ideas/", "volunteer", _built("/ideas/"), who="volunteer", list_page=True),
        Operation(
            "staff application queue (filtered, Turkish search)",
            "staff",
            staff_queue,
            who="staff",
            list_page=True,
        ),
        Operation(
            "one application", "staff", f"/staff/applications/{f.application.pk}/", who="staff"
        ),
        Operation(
            "/staff/volunteers/ (filtered, searched)",
            "staff",
            _built("/staff/volunteers/?status=active&q=%C5%9Fahin"),
            who="staff",
            list_page=True,
        ),
        Operation(
            "roster of an activity (200 sign-ups)",
            "staff",
            f"/staff/activities/{f.activity.pk}/roster/",
            who="staff",
            list_page=True,
        ),
        Operation(
            "roster of the large activity "
            f"({SignUp.objects.filter(shift__activity=f.big).count():,} sign-ups)",
            "staff",
            f"/staff/activities/{f.big.pk}/roster/",
            who="staff",
            list_page=True,
        ),
        Operation("hours queue", "staff", "/staff/hours/", who="staff", list_page=True),
        Operation(
            f"/me/ of a busy volunteer ({f.busy.signups.count()} sign-ups)",
            "volunteer",
            "/me/",
            who="busy",
        ),
        Operation(
            "matching for one shift",
            "matching",
            _built(f"/staff/shifts/{f.shift.pk}/matches/"),
            who="staff",
        ),
        Operation("/staff/reports/", "staff", _built("/staff/reports/"), who="staff"),
        Operation(
            "open-data statistics (a table of 12 months)",
            "public",
            _built("/api/v1/statistics/volunteers-by-district/"),
        ),
        Operation(
            "one application submission",
            "write",
            "/apply/",
            method="post",
            data=application_post,
            expect=(302,),
        ),
        Operation(
            "one shift sign-up",
            "write",
            f"/activities/shifts/{f.shift.pk}/sign-up/",
            who="volunteer",
            method="post",
            data=dict,
            expect=(302,),
        ),
        Operation(
            "export of all volunteers (peak memory)",
            "export",
            _built("/staff/volunteers/export.csv"),
            who="staff",
        ),
        Operation(
            "export of the application queue, XLSX (peak memory)",
            "export",
            _built("/staff/applications/export.xlsx"),
            who="staff",
        ),
    ]


def _forget_session_begun_in(client: Client, before: Any) -> None:
    """A session the rolled-back request began is gone from the database but not from the
    session cache (cached_db), where the next request would find it and fail to save it:
    the client starts again as a new visitor, as the next applicant would."""
    after = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if after is None or (before is not None and after.value == before.value):
        return
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=after.value).delete()
    del client.cookies[settings.SESSION_COOKIE_NAME]


def _built(path: str) -> str | None:
    """The path when the site answers it, None when no view is there yet."""
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return None
    return path


class Runner:
    def __init__(self, fixtures: Fixtures, *, repeat: int, warmup: int, budget: float = 30):
        self.f = fixtures
        self.repeat = repeat
        self.warmup = warmup
        # Seconds of timed requests per operation: a page that takes many seconds stops after
        # MIN_RUNS instead of holding the machine for `repeat` of them.
        self.budget = budget
        self.clients: dict[str, Client] = {}

    def client(self, who: str) -> Client:
        if who not in self.clients:
            client = Client()
            user = {
                "staff": self.f.staff,
                "busy": self.f.busy.user,
                "volunteer": self.f.volunteer.user,
            }.get(who)
            if user is not None:
                sign_in(client, user)
            self.clients[who] = client
        return self.clients[who]

    def request(self, op: Operation):
        client = self.client(op.who)
        assert op.path is not None  # noqa: S101 - time() measures built operations only
        if op.method == "get":
            response = client.get(op.path)
            body = _body(response)
            return response, body
        before = client.cookies.get(settings.SESSION_COOKIE_NAME)
        with transaction.atomic():
            response = getattr(client, op.method)(op.path, op.data() if op.data else {})
            body = _body(response)
            transaction.set_rollback(True)
        _forget_session_begun_in(client, before)
        return response, body

    def time(self, op: Operation) -> Result:
        result = Result(op.name, op.kind, built=op.path is not None)
        if not result.built:
            result.problems.append("not built yet")
            return result
        self.client(op.who)  # signed in before counting: the sign-in is no part of the page
        with CaptureQueriesContext(connection) as queries:
            response, body = self.request(op)
        result.queries = len(queries)
        result.status = response.status_code
        result.size = len(body)
        if response.status_code not in op.expect:
            result.problems.append(f"answered {response.status_code}")
            return result
        for _ in range(self.warmup - 1):
            self.request(op)
        times: list[float] = []
        while len(times) < self.repeat:
            began = time.perf_counter()
            self.request(op)
            times.append((time.perf_counter() - began) * 1000)
            if len(times) >= MIN_RUNS and sum(times) > self.budget * 1000:
                break
        result.runs = len(times)
        result.median_ms = statistics.median(times)
        result.p95_ms = _percentile(times, 95)
        if op.kind == "feed":
            result.conditional = self.conditional(op, response)
        if op.kind == "export":
            tracemalloc.start()
            try:
                self.request(op)
                result.peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        return result

    def conditional(self, op: Operation, response) -> str:
        """A calendar app asks again with what it was given: nothing changed, 304."""
        headers = {}
        if response.has_header("ETag"):
            headers["if_none_match"] = response["ETag"]
        if response.has_header("Last-Modified"):
            headers["if_modified_since"] = response["Last-Modified"]
        if not headers:
            return "no ETag or Last-Modified"
        assert op.path is not None  # noqa: S101 - only built feeds are asked again
        again = self.client(op.who).get(op.path, headers=headers)
        return "304" if again.status_code == 304 else f"{again.status_code} to a conditional GET"


def judge(result: Result, floor_ms: float) -> None:
    """Each goal the operation has, met or not (docs/performance.md, "Goals")."""
    if not result.built or result.problems:
        return
    result.ratio = result.median_ms / floor_ms if floor_ms else 0.0
    if result.kind == "export":
        if result.peak >= EXPORT_LIMIT:
            result.problems.append(f"peak {result.peak / MB:.0f} MB ≥ 100 MB")
        return
    goal = GOALS[result.kind]
    if result.ratio > goal:
        result.problems.append(f"{result.ratio:.1f}× > {goal}×")
    if result.kind == "feed" and result.conditional != "304":
        result.problems.append(result.conditional)


def judge_size(result: Result, op: Operation) -> None:
    if op.list_page and result.built and result.size > LIST_PAGE_LIMIT:
        result.problems.append(f"{result.size / KB:.0f} KB > 200 KB")


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def floor_operation(f: Fixtures) -> Operation:
    return Operation("floor: one primary-key query", "floor", f"/bench/floor/{f.floor_pk}/")

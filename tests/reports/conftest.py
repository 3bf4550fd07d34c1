"""A small programme whose every figure was counted by hand (the comments give the sums)."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from esit.activities.models import Participant
from esit.applications.models import Decision
from esit.privacy.services import record_consent
from esit.reference.models import PlanGoal
from esit.volunteers.models import VolunteerLanguage
from tests import factories


def istanbul(year, month, day, hour=12) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime(year, month, day, hour), timezone.get_default_timezone()
    )


def born_years_ago(years: int) -> datetime.date:
    """A birth date well inside an age band whatever day the suite runs."""
    return timezone.localdate() - datetime.timedelta(days=365 * years + 120)


def volunteer(*, gender="woman", district="konak", age=30, status="active", language="en"):
    person = factories.VolunteerFactory(
        gender=gender,
        district=factories.district(district),
        birth_date=born_years_ago(age),
        status=status,
    )
    VolunteerLanguage.objects.create(
        volunteer=person, language=factories.language(language), level="fluent"
    )
    return person


def participant(activity, n: int) -> Participant:
    email = f"katilimci{activity.pk}-{n}@example.org"
    return Participant.objects.create(
        activity=activity,
        name="Elif Şahin",
        email=email,
        status=Participant.Status.CONFIRMED,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )


def application(*, submitted: datetime.datetime, gender="woman", decision=None, wait_days=0):
    status = {"approve": "approved", "reject": "rejected", None: "submitted"}[decision]
    app = factories.ApplicationFactory(submitted_at=submitted, gender=gender, status=status)
    if decision:
        Decision.objects.create(
            application=app,
            kind=decision,
            decided_at=submitted + datetime.timedelta(days=wait_days),
        )
    return app


@dataclass
class Programme:
    women: list
    man: object
    konak_activity: object
    buca_activity: object


@pytest.fixture
def programme(db) -> Programme:
    return build_programme()


def build_programme() -> Programme:
    # Volunteers: six women in Konak aged ~30 speaking English, one man in Buca aged ~50
    # speaking Arabic, one woman who left (never counted).
    women = [volunteer() for _ in range(6)]
    man = volunteer(gender="man", district="buca", age=50, language="ar")
    volunteer(status="withdrawn")

    # Applications, week of Monday 7 September 2026: five women, decided after 2, 4, 10,
    # 40 and 50 days (median 10 days; 3 of 5 within 30 days); approved three, rejected two.
    # One more in the week of 14 September, gender not given, not decided yet.
    for wait, decision in [(2, "approve"), (4, "approve"), (10, "approve"), (40, "reject")]:
        application(submitted=istanbul(2026, 9, 8), decision=decision, wait_days=wait)
    application(submitted=istanbul(2026, 9, 9), decision="reject", wait_days=50)
    application(submitted=istanbul(2026, 9, 15), gender="")

    # Activities: one published in Konak in September tagged "prevention", one completed in
    # Buca in October tagged "prevention" and "equality education"; a draft and a cancelled
    # one that no figure counts.
    prevention = PlanGoal.objects.get(slug="violence-prevention")
    education = PlanGoal.objects.get(slug="education-equality-education")
    konak = factories.ActivityFactory(
        starts_at=istanbul(2026, 9, 10, 10), ends_at=istanbul(2026, 9, 10, 18)
    )
    konak.plan_goals.set([prevention])
    buca = factories.ActivityFactory(
        district=factories.district("buca"),
        status="completed",
        starts_at=istanbul(2026, 10, 5, 10),
        ends_at=istanbul(2026, 10, 5, 18),
    )
    buca.plan_goals.set([prevention, education])
    factories.ActivityFactory(
        status="draft", starts_at=istanbul(2026, 9, 20, 10), ends_at=istanbul(2026, 9, 20, 18)
    )
    factories.ActivityFactory(
        status="cancelled", starts_at=istanbul(2026, 9, 21, 10), ends_at=istanbul(2026, 9, 21, 18)
    )

    # Shifts: Konak, 8 places, the six women confirmed, the first five attended.
    # Buca, 6 places: the first five women came back, and the man attended his first shift.
    konak_shift = factories.ShiftFactory(activity=konak, capacity=8)
    for index, woman in enumerate(women):
        factories.SignUpFactory(
            shift=konak_shift,
            volunteer=woman,
            attendance="attended" if index < 5 else "unknown",
        )
    buca_shift = factories.ShiftFactory(activity=buca, capacity=6)
    for person in [*women[:5], man]:
        factories.SignUpFactory(shift=buca_shift, volunteer=person, attendance="attended")

    # Public participants: five in Konak, two in Buca.
    for n in range(5):
        participant(konak, n)
    for n in range(2):
        participant(buca, n)

    # Hours: in September five women worked 3 approved hours each in Translation (15 h);
    # in October two women 2 h each in Translation and the man 4 h in Workshops (8 h by
    # three people: suppressed). A pending entry never counts.
    translation, workshops = factories.area("translation"), factories.area("workshops")
    for woman in women[:5]:
        factories.HoursEntryFactory(
            volunteer=woman,
            area=translation,
            status="approved",
            hours=3,
            date=datetime.date(2026, 9, 10),
        )
    for woman in women[:2]:
        factories.HoursEntryFactory(
            volunteer=woman,
            area=translation,
            status="approved",
            hours=2,
            date=datetime.date(2026, 10, 5),
        )
    factories.HoursEntryFactory(
        volunteer=man, area=workshops, status="approved", hours=4, date=datetime.date(2026, 10, 5)
    )
    factories.HoursEntryFactory(
        volunteer=women[5],
        area=translation,
        status="pending",
        hours=5,
        date=datetime.date(2026, 9, 11),
    )
    return Programme(women=women, man=man, konak_activity=konak, buca_activity=buca)


def rows_of(figure) -> dict:
    return {row.label: row.cells for row in figure.rows}


def column(figure, name: str) -> int:
    return figure.columns.index(name)


@dataclass
class Ideas:
    konak: object
    buca: object
    fresh: object
    declined: object


def idea(*, title, status, created, district="konak", area="workshops", goals=(), activity=None):
    from esit.community.models import Idea

    found = Idea.objects.create(
        author=factories.VolunteerFactory().user,
        title=title,
        body="Mahallede buluşup **deneyimlerimizi** paylaşalım.",
        area=factories.area(area),
        district=factories.district(district) if district else None,
        status=status,
        activity=activity,
        created_at=created,
    )
    found.plan_goals.set(PlanGoal.objects.filter(slug__in=goals))
    return found


@pytest.fixture
def ideas(programme) -> Ideas:
    return build_ideas(programme)


def build_ideas(programme: Programme) -> Ideas:
    """Ideas counted by hand: in Konak, posted 1 September, in progress, became the Konak
    activity (prevention); in Buca, posted 20 August, done, became the Buca activity
    (prevention, equality education); in Konak, posted 15 September, new, untagged; without
    a district, posted 1 October, declined, in Translation (equality education); and a
    hidden one, never counted."""
    prevention, education = "violence-prevention", "education-equality-education"
    konak = idea(
        title="Şiddeti önleme atölyesi",
        status="in_progress",
        created=istanbul(2026, 9, 1),
        goals=[prevention],
        activity=programme.konak_activity,
    )
    buca = idea(
        title="Gündelik hayatta eşitlik söyleşisi",
        status="done",
        created=istanbul(2026, 8, 20),
        district="buca",
        goals=[prevention, education],
        activity=programme.buca_activity,
    )
    fresh = idea(title="Çocuk bakım köşesi", status="new", created=istanbul(2026, 9, 15))
    declined = idea(
        title="Çeviri kulübü",
        status="declined",
        created=istanbul(2026, 10, 1),
        district=None,
        area="translation",
        goals=[education],
    )
    hidden = idea(title="Reklam", status="new", created=istanbul(2026, 9, 2))
    hidden.hidden_at = timezone.now()
    hidden.save(update_fields=["hidden_at"])
    return Ideas(konak=konak, buca=buca, fresh=fresh, declined=declined)

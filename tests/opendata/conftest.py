"""A small city whose every published cell was counted by hand (the comments give the sums).

March 2026:
- seven women of Konak (born 1990: 36 in 2026, "35-44") worked 2 h each in Translation,
  in the Konak workshop (tagged with the plan's "violence" area): 7 people, 14 h;
- six men of Bornova (born 1990) worked 3 h each in Workshops, in the Bornova talk (no plan
  goal): 6 people, 18 h;
- two people of Konak who gave no gender (born 2000: 26, "25-34") worked 1 h each in
  Translation with no activity: 2 people, 2 h.
  March: 15 volunteers, 34 h.
April 2026:
- the same seven women worked 1 h each in Translation, no activity (Konak): 7 people, 7 h;
- two of the men worked 1 h each in Workshops, no activity (Bornova): 2 people, 2 h.
  April: 9 volunteers, 9 h.
Pending and rejected hours, and hours of February, never count in March–April.

Ideas: the talk's idea is done (completed activity); the workshop's is in progress (no shift
over yet, so not done).

Activities: the Konak workshop (published, 10 March) with 6 confirmed public participants
and one cancelled; the Bornova talk (completed, 20 March) with 1 participant; a draft and a
cancelled activity in April that nothing counts.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from esit.activities.models import Participant
from esit.community.models import Idea
from esit.privacy.services import record_consent
from esit.reference.models import PlanGoal
from tests import factories


def istanbul(year, month, day, hour=12) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime(year, month, day, hour), timezone.get_default_timezone()
    )


def participant(activity, n: int, *, status="confirmed") -> Participant:
    email = f"katilimci{activity.pk}-{n}@example.org"
    return Participant.objects.create(
        activity=activity,
        name=f"Katılımcı Şükran {activity.pk}-{n}",
        email=email,
        phone=f"+90532{activity.pk:03d}{n:04d}",
        status=status,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )


def person(*, gender, district, born):
    return factories.VolunteerFactory(
        gender=gender, district=factories.district(district), birth_date=datetime.date(born, 5, 1)
    )


def hours(volunteer, *, day, amount, area, activity=None, status="approved"):
    return factories.HoursEntryFactory(
        volunteer=volunteer,
        date=day,
        hours=amount,
        area=factories.area(area),
        activity=activity,
        status=status,
        source="attendance" if activity else "self_reported",
    )


@dataclass
class City:
    women: list
    men: list
    unstated: list
    workshop: object
    talk: object


@pytest.fixture
def city(db) -> City:
    return build_city()


def build_city() -> City:
    women = [person(gender="woman", district="konak", born=1990) for _ in range(7)]
    men = [person(gender="man", district="bornova", born=1990) for _ in range(6)]
    unstated = [person(gender="", district="konak", born=2000) for _ in range(2)]

    workshop = factories.ActivityFactory(
        starts_at=istanbul(2026, 3, 10, 10), ends_at=istanbul(2026, 3, 10, 18)
    )
    workshop.plan_goals.set([PlanGoal.objects.filter(area__slug="violence").first()])
    talk = factories.ActivityFactory(
        district=factories.district("bornova"),
        status="completed",
        starts_at=istanbul(2026, 3, 20, 10),
        ends_at=istanbul(2026, 3, 20, 18),
    )
    factories.ActivityFactory(
        status="draft", starts_at=istanbul(2026, 4, 2, 10), ends_at=istanbul(2026, 4, 2, 18)
    )
    factories.ActivityFactory(
        status="cancelled", starts_at=istanbul(2026, 4, 3, 10), ends_at=istanbul(2026, 4, 3, 18)
    )
    for n in range(6):
        participant(workshop, n)
    participant(workshop, 6, status="cancelled")
    participant(talk, 0)

    march, april = datetime.date(2026, 3, 12), datetime.date(2026, 4, 8)
    for woman in women:
        hours(woman, day=march, amount=2, area="translation", activity=workshop)
        hours(woman, day=april, amount=1, area="translation")
    for man in men:
        hours(man, day=march, amount=3, area="workshops", activity=talk)
    for man in men[:2]:
        hours(man, day=april, amount=1, area="workshops")
    for someone in unstated:
        hours(someone, day=march, amount=1, area="translation")
    # Never counted: pending, rejected, and outside the months asked for.
    hours(women[0], day=march, amount=5, area="translation", status="pending")
    hours(men[0], day=april, amount=5, area="workshops", status="rejected")
    hours(women[1], day=datetime.date(2026, 2, 27), amount=4, area="translation")
    # The idea behind the talk (completed: an idea done, 18 h by six men shown); the idea
    # behind the workshop (published, no shift over: not done yet).
    ideas = [(talk, "Babalar için eşitlik söyleşisi"), (workshop, "Şiddet atölyesi")]
    for activity, title in ideas:
        idea = Idea.objects.create(
            author=women[0].user,
            title=title,
            body="Mahallede buluşalım.",
            area=factories.area("workshops"),
            district=activity.district,
            status="done" if activity == talk else "in_progress",
            activity=activity,
        )
        idea.plan_goals.set(activity.plan_goals.all())
    return City(women=women, men=men, unstated=unstated, workshop=workshop, talk=talk)


def table(client, key, start="2026-03", end="2026-04") -> dict:
    response = client.get(f"/api/v1/statistics/{key}/", {"start": start, "end": end})
    assert response.status_code == 200, response.content
    return response.json()


def row(data: dict, month: str) -> dict:
    """{"total": value, category code: value} of one month; None where suppressed."""
    found = next(row for row in data["rows"] if row["month"] == month)
    values = {"total": found["total"]["value"]}
    for cell in found["cells"]:
        assert cell["suppressed"] == (cell["value"] is None)
        values[cell["category"]] = cell["value"]
    return values

"""The open statistics: fixed tables of month × one dimension, safe to publish (docs/opendata.md).

Words:
- a **measure** is what is counted: `volunteers` (people who worked approved hours in the
  month), `hours` (the approved hours of the month), `activities` (public activities,
  published or completed, starting in the month) and `participants` (members of the public
  registered and confirmed for an activity starting in the month);
- a **dimension** is how a month is split: district, volunteer area, age group, gender, plan
  area; a **statistic** is one measure by one dimension, a table with one row per month, the
  month's total and one cell per category;
- a **cell** is a value and whether it is suppressed.

Why the tables are fixed: a person must not be found by combining answers. Every cell is a
(month, category) pair of the one table, counted the same way whoever asks and whatever
range is asked: a query for a range of whole months returns a subset of the same cells, so
the difference of two answers is only cells that are published anyway, never a new number
(no arbitrary days, no free filters, no totals over a range). Inside a row, the cells of
people go through `esit.reports.selectors.suppress_row`: under 5 hidden, and when one is
hidden the next smallest are hidden too until the hidden cells hold at least 9 people (and a
shown cell as large as the last one hidden goes with it), so the month's total minus the
cells shown cannot give a hidden one back; when every cell is hidden and they hold fewer
than 9, the total goes too; a month whose total is under 5 hides every part. Hours are hidden by the
number of volunteers who worked them. Counts of activities are not about people and are
shown as they are.

Everything is counted by the database (GROUP BY month and category); nothing loads a row per
person.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from esit.activities.models import Activity, HoursEntry, Participant
from esit.announcements.models import Announcement
from esit.applications.selectors import AgeGroup
from esit.community.models import Idea
from esit.community.selectors import done_ideas
from esit.reference.models import District, PlanArea, VolunteerArea, sorted_by_name
from esit.reports.selectors import suppress_row
from esit.volunteers.models import Gender

# How many months one answer may hold: three years, so a request stays a few queries.
MAX_MONTHS = 36
DEFAULT_MONTHS = 12
NOT_GIVEN = "not-given"

Number = int | Decimal


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        """`2026-03` → Month(2026, 3); ValueError for anything else (a day is not a month)."""
        year, dash, month = text.partition("-")
        if not (dash and len(year) == 4 and len(month) == 2 and year.isdigit()):
            raise ValueError(text)
        if not month.isdigit() or not 1 <= int(month) <= 12 or not 2000 <= int(year) <= 2100:
            raise ValueError(text)
        return cls(int(year), int(month))

    @classmethod
    def of(cls, day: datetime.date) -> "Month":
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def minus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 - months
        return Month(index // 12, index % 12 + 1)


def months_between(first: Month, last: Month) -> list[Month]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = month.next()
    return months


def default_period(*, today: datetime.date | None = None) -> tuple[Month, Month]:
    """The last twelve months, this one included."""
    last = Month.of(today or timezone.localdate())
    return last.minus(DEFAULT_MONTHS - 1), last


@dataclass(frozen=True)
class Category:
    code: str
    label_tr: str
    label_en: str


@dataclass(frozen=True)
class Cell:
    value: Number | None
    suppressed: bool


@dataclass(frozen=True)
class StatisticRow:
    month: str
    total: Cell
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Statistic:
    measure: str
    dimension: str
    unit: str
    categories: tuple[Category, ...]
    rows: tuple[StatisticRow, ...]
    computed_at: datetime.datetime


# Categories ----------------------------------------------------------------------------------


def _bilingual(code: str, label: Any) -> Category:
    with override("tr"):
        label_tr = str(label)
    with override("en"):
        label_en = str(label)
    return Category(code=code, label_tr=label_tr, label_en=label_en)


def _named(rows: Any) -> list[tuple[Any, Category]]:
    return [
        (row.pk, Category(code=row.slug, label_tr=row.name_tr, label_en=row.name_en or row.name_tr))
        for row in rows
    ]


def _not_given() -> Category:
    return _bilingual(NOT_GIVEN, _("Belirtilmedi"))


def _district_categories() -> list[tuple[Any, Category]]:
    return _named(sorted_by_name(District.objects.all()))


def _area_categories() -> list[tuple[Any, Category]]:
    return [*_named(sorted_by_name(VolunteerArea.objects.all())), (None, _not_given())]


def _plan_area_categories() -> list[tuple[Any, Category]]:
    areas = _named(PlanArea.objects.order_by("position", "pk"))
    return [*areas, (None, _bilingual("not-tagged", _("Etiketlenmemiş")))]


def _gender_categories() -> list[tuple[Any, Category]]:
    return [(value, _bilingual(value, label)) for value, label in Gender.choices] + [
        ("", _not_given())
    ]


def _age_categories() -> list[tuple[Any, Category]]:
    return [(key, _bilingual(key, label)) for key, label in AgeGroup.choices()] + [
        (NOT_GIVEN, _not_given())
    ]


# What is counted -----------------------------------------------------------------------------


def _hours(first: Month, last: Month) -> QuerySet[HoursEntry]:
    return HoursEntry.objects.filter(
        status=HoursEntry.Status.APPROVED,
        date__gte=first.first_day(),
        date__lt=last.next().first_day(),
    ).annotate(month=TruncMonth("date"))


def _moment(month: Month) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(month.first_day(), datetime.time()),
        timezone.get_default_timezone(),
    )


def _activities(first: Month, last: Month) -> QuerySet[Activity]:
    public: QuerySet[Activity] = Activity.objects.visible_to_public()
    return public.filter(
        starts_at__gte=_moment(first), starts_at__lt=_moment(last.next())
    ).annotate(month=TruncMonth("starts_at", tzinfo=timezone.get_default_timezone()))


def _participants(first: Month, last: Month) -> QuerySet[Participant]:
    return Participant.objects.filter(
        status=Participant.Status.CONFIRMED,
        activity__in=Activity.objects.visible_to_public().values("pk"),
        activity__starts_at__gte=_moment(first),
        activity__starts_at__lt=_moment(last.next()),
    ).annotate(month=TruncMonth("activity__starts_at", tzinfo=timezone.get_default_timezone()))


def _age_group() -> Case:
    """The age band of `age_reached`: the age reached in the year of the work (birth dates
    are encrypted; the clear birth year is what the database can band, as the staff reports
    do)."""
    whens = []
    for key, (low, high) in AgeGroup.BANDS.items():
        reached = Q(age_reached__gte=low)
        if high is not None:
            reached &= Q(age_reached__lte=high)
        whens.append(When(reached, then=Value(key)))
    return Case(*whens, default=Value(NOT_GIVEN), output_field=CharField())


@dataclass(frozen=True)
class Measure:
    """How one measure is counted: its rows, the value and the people behind it."""

    key: str
    unit: str
    of_hours: bool  # counted from hours entries (where district and age need an annotation)
    rows: Callable[[Month, Month], QuerySet[Any]]
    value: Callable[[], Any]
    people: Callable[[], Any] | None  # None: not about people (never suppressed)
    dimensions: dict[str, str]  # dimension → the path of its category on the rows


def _count_distinct(path: str) -> Callable[[], Any]:
    return lambda: Count(path, distinct=True)


# The volunteers and their hours are both counted from approved hours entries, split alike.
HOURS_DIMENSIONS = {
    "district": "district_key",
    "area": "area_id",
    "age-group": "age_group",
    "gender": "volunteer__gender",
    "plan-area": "activity__plan_goals__area_id",
}

MEASURES: dict[str, Measure] = {
    "volunteers": Measure(
        key="volunteers",
        unit="people",
        of_hours=True,
        rows=_hours,
        value=_count_distinct("volunteer"),
        people=_count_distinct("volunteer"),
        dimensions=HOURS_DIMENSIONS,
    ),
    "hours": Measure(
        key="hours",
        unit="hours",
        of_hours=True,
        rows=_hours,
        value=lambda: Sum("hours"),
        people=_count_distinct("volunteer"),
        dimensions=HOURS_DIMENSIONS,
    ),
    "activities": Measure(
        key="activities",
        unit="activities",
        of_hours=False,
        rows=_activities,
        value=_count_distinct("pk"),
        people=None,
        dimensions={
            "district": "district_id",
            "area": "areas",
            "plan-area": "plan_goals__area_id",
        },
    ),
    "participants": Measure(
        key="participants",
        unit="people",
        of_hours=False,
        rows=_participants,
        value=_count_distinct("pk"),
        people=_count_distinct("pk"),
        dimensions={
            "district": "activity__district_id",
            "area": "activity__areas",
            "plan-area": "activity__plan_goals__area_id",
        },
    ),
}

CATEGORIES: dict[str, Callable[[], list[tuple[Any, Category]]]] = {
    "district": _district_categories,
    "area": _area_categories,
    "age-group": _age_categories,
    "gender": _gender_categories,
    "plan-area": _plan_area_categories,
}

# Every published table, in the order the page lists them.
DATASETS: tuple[tuple[str, str], ...] = tuple(
    (measure, dimension)
    for measure, spec in MEASURES.items()
    for dimension in CATEGORIES
    if dimension in spec.dimensions
)


def dataset_key(measure: str, dimension: str) -> str:
    return f"{measure}-by-{dimension}"


def _with_keys(queryset: QuerySet[Any], measure: Measure, dimension: str) -> QuerySet[Any]:
    if measure.of_hours and dimension == "district":
        # Where the work was done: the activity's district, else the volunteer's own.
        by_district: QuerySet[Any] = queryset.annotate(
            district_key=Coalesce("activity__district_id", "volunteer__district_id")
        )
        return by_district
    if measure.of_hours and dimension == "age-group":
        by_age: QuerySet[Any] = queryset.annotate(
            age_reached=ExpressionWrapper(
                ExtractYear("date") - F("volunteer__birth_year"), output_field=IntegerField()
            )
        ).annotate(age_group=_age_group())
        return by_age
    return queryset


Counted = dict[tuple[datetime.date, Any], tuple[Number, int]]


def _month_key(moment: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    return moment.replace(day=1)


def _aggregates(measure: Measure) -> dict[str, Any]:
    aggregates = {"value": measure.value()}
    if measure.people is not None:
        aggregates["people"] = measure.people()
    return aggregates


def _counted(rows: Any, key: str | None) -> Counted:
    counted: Counted = {}
    for row in rows:
        category = row[key] if key else None
        counted[(_month_key(row["month"]), category)] = (
            row["value"] or 0,
            row.get("people", 0) or 0,
        )
    return counted


def _hours_by_plan_area(
    queryset: QuerySet[Any], areas: list[tuple[Any, Category]], measure: Measure
) -> Counted:
    """A sum over a many-to-many would count an entry once per goal: one query per plan area
    (an Exists, never a repeated row) and one for the untagged hours."""
    goals = Activity.plan_goals.through.objects
    counted: Counted = {}
    for pk, _category in areas:
        tagged = Exists(goals.filter(activity_id=OuterRef("activity_id"), plangoal__area_id=pk))
        if pk is None:
            tagged = Exists(goals.filter(activity_id=OuterRef("activity_id")))
            rows = queryset.exclude(tagged)
        else:
            rows = queryset.filter(tagged)
        grouped = rows.order_by().values("month").annotate(**_aggregates(measure))
        for month_key, value in _counted(grouped, None).items():
            counted[(month_key[0], pk)] = value
    return counted


def _cell(value: Number, shown: object) -> Cell:
    """`shown` is what `suppress_row` made of the people behind the value (None: hidden)."""
    if shown is None:
        return Cell(value=None, suppressed=True)
    return Cell(value=value, suppressed=False)


def statistic(*, measure: str, dimension: str, first: Month, last: Month) -> Statistic:
    """One published table: per month of `first`..`last`, the month's total and one cell per
    category, people cells suppressed as the module docstring says.

    KeyError for a measure or dimension that is not published (the API offers only those).
    """
    spec = MEASURES[measure]
    path = spec.dimensions[dimension]
    categories = CATEGORIES[dimension]()
    base = _with_keys(spec.rows(first, last), spec, dimension)
    aggregates = _aggregates(spec)
    totals = _counted(
        spec.rows(first, last).order_by().values("month").annotate(**aggregates), None
    )
    if measure == "hours" and dimension == "plan-area":
        counted = _hours_by_plan_area(spec.rows(first, last), categories, spec)
    else:
        counted = _counted(base.order_by().values("month", path).annotate(**aggregates), path)
    table = []
    for month in months_between(first, last):
        day = month.first_day()
        total_value, total_people = totals.get((day, None), (0, 0))
        values = [counted.get((day, pk), (0, 0)) for pk, _category in categories]
        if spec.people is None:
            total = Cell(value=total_value, suppressed=False)
            cells = tuple(Cell(value=value, suppressed=False) for value, _people in values)
        else:
            shown = suppress_row(total_people, [people for _value, people in values])
            total = _cell(total_value, shown[0])
            cells = tuple(
                _cell(value, hidden)
                for (value, _people), hidden in zip(values, shown[1:], strict=True)
            )
        table.append(StatisticRow(month=str(month), total=total, cells=cells))
    return Statistic(
        measure=measure,
        dimension=dimension,
        unit=spec.unit,
        categories=tuple(category for _pk, category in categories),
        rows=tuple(table),
        computed_at=timezone.now(),
    )


# Lists -----------------------------------------------------------------------------------


def public_activities(
    *, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Activity]:
    """Activities the public sees on the site (published or completed), soonest first, with
    what the API shows of them read in a fixed number of queries. `start`/`end` keep those
    starting on those days or between them (an activity is not a person: any day will do)."""
    activities: QuerySet[Activity] = Activity.objects.visible_to_public()
    if start:
        activities = activities.filter(starts_at__gte=_day_start(start))
    if end:
        activities = activities.filter(starts_at__lt=_day_start(end + datetime.timedelta(days=1)))
    return (
        activities.select_related("kind", "district")
        .prefetch_related("areas", "plan_goals__area", "shifts")
        .order_by("starts_at", "pk")
    )


def public_ideas_done(
    *, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Idea]:
    """The ideas that became activities which happened: the community app's public record
    (`community.selectors.done_ideas`, the rule of /ideas/done/, not a second copy), the latest
    first; `start`/`end` keep those whose activity starts on those days or between them.
    Each carries `workers`, the volunteers behind its approved hours, so the API hides hours
    worked by fewer than 5 (the statistics' rule; one subquery, no query per idea)."""
    workers = (
        HoursEntry.objects.filter(activity=OuterRef("activity"), status=HoursEntry.Status.APPROVED)
        .order_by()
        .values("activity")
        .annotate(n=Count("volunteer", distinct=True))
        .values("n")
    )
    ideas = done_ideas()
    if start:
        ideas = ideas.filter(activity__starts_at__gte=_day_start(start))
    if end:
        ideas = ideas.filter(activity__starts_at__lt=_day_start(end + datetime.timedelta(days=1)))
    return (
        ideas.annotate(workers=Coalesce(Subquery(workers, output_field=IntegerField()), 0))
        .select_related("activity__district", "area")
        .prefetch_related("plan_goals__area")
    )


def public_announcements(
    *, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Announcement]:
    """Published announcements whose audience is the public, newest first; `start`/`end` keep
    those published on those days or between them."""
    announcements = Announcement.objects.public()
    if start:
        announcements = announcements.filter(published_at__gte=_day_start(start))
    if end:
        announcements = announcements.filter(
            published_at__lt=_day_start(end + datetime.timedelta(days=1))
        )
    return announcements.order_by("-published_at", "-pk")


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time()), timezone.get_default_timezone()
    )

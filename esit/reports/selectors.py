"""The impact figures of /staff/reports/, each counted by the database (docs/reports.md).

Every figure is one or two GROUP BY queries (`values(...).annotate(Count/Sum)`, weeks and
months by `TruncWeek`/`TruncMonth` on İzmir's calendar); no row of a person is loaded into
Python, so the page costs the same number of queries at any size of the programme. Each
figure starts from the reader's scope (the other apps' `visible_*` selectors), so a scoped
coordinator's report counts only her areas and districts, as her lists do.

Words:
- a **figure** is one table: rows (a week, a district, a gender…) and value columns; the page
  draws it as a chart, shows it as a table and offers it as a CSV;
- **people cells** (counts of applicants, volunteers, participants) pass through
  `suppression.suppressed`, also when they are split by gender; hours are suppressed by the
  number of volunteers who worked them;
- **by gender** means as the person gave it (the question is optional): "not given" is a
  group of its own, never guessed.

Which filter applies to what: the date range to the moment each figure is about (an
application's submission, an activity's or shift's start, an hours entry's day, a
volunteer's first attended shift); area and district to every figure; the plan area to the
figures about activities and the work inside them (applications and volunteers have no plan
area). Figures about volunteers (age, language, district, active now) describe the programme
as it is today, so the date range does not narrow them.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Participant, Shift, SignUp
from esit.activities.selectors.scope import visible_activities, visible_hours, within
from esit.applications.models import Application, Decision
from esit.applications.selectors import AgeGroup, birth_year_range
from esit.applications.selectors import visible_to as visible_applications
from esit.community.models import Idea
from esit.community.selectors import done_ideas, managed_ideas
from esit.core.dates import start_of_day
from esit.reference.models import District, Language, PlanArea, VolunteerArea, sorted_by_name
from esit.volunteers.models import Gender, Volunteer, VolunteerLanguage
from esit.volunteers.selectors import visible_to as visible_volunteers

from .suppression import MIN_CELL, suppressed

DECIDED_WITHIN = datetime.timedelta(days=30)
# The staff decisions that end the wait for an answer (a correction or withdrawal does not).
STAFF_DECISIONS = (Decision.Kind.APPROVE, Decision.Kind.WAITLIST, Decision.Kind.REJECT)
NOT_GIVEN = ""

Cell = int | Decimal | None  # None: suppressed (fewer than 5 people)


@dataclass(frozen=True)
class ReportFilters:
    start: datetime.date | None = None
    end: datetime.date | None = None
    area_id: int | None = None
    district_id: int | None = None
    plan_area_id: int | None = None

    def key(self) -> str:
        """The filters as part of a cache key."""
        return "|".join(
            str(value or "")
            for value in (self.start, self.end, self.area_id, self.district_id, self.plan_area_id)
        )


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Figure:
    """One table of the report, drawn as `chart` ("bar": ranked horizontal bars, "columns":
    one column per week or month, "" none) from the value column `chart_column`."""

    key: str
    title: str
    label_heading: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    chart: str = "bar"
    chart_column: int = 0
    unit: str = ""
    note: str = ""


@dataclass(frozen=True)
class Report:
    figures: tuple[Figure, ...]
    computed_at: datetime.datetime
    headline: dict[str, Cell] = field(default_factory=dict)

    def figure(self, key: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.key == key), None)


# Gender ------------------------------------------------------------------------------------


def _genders() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in Gender.choices] + [
        (NOT_GIVEN, _("Belirtilmedi"))
    ]


def _gender_columns() -> tuple[str, ...]:
    return (_("Toplam"), *(label for _value, label in _genders()))


# The people the hidden cells of a row must hold together: MIN_CELL more than the largest
# cell that can be hidden for being small (MIN_CELL - 1), i.e. 9 (docs/reports.md).
HIDDEN_SUM = MIN_CELL + (MIN_CELL - 1)


def suppress_row(total: int, cells: Sequence[int]) -> tuple[Cell, ...]:
    """A total and its parts (by gender, age group…), each suppressed under 5, with a
    secondary suppression so that the parts shown and the total never give a hidden part back.

    The reader knows every cell shown, the total when it is shown, and this rule; so she
    knows the hidden parts' sum (total minus the parts shown). Two hidden parts summing to
    2 are both 1, two summing to 8 are both 4, so hiding "one more" is not enough. The rule,
    when any part is hidden:
    1. at least one more part is hidden (the smallest non-zero one shown), and then the next
       smallest, one by one, until the hidden parts hold at least HIDDEN_SUM (9) people:
       whatever small part is taken out, the others still hold MIN_CELL or more;
    2. a shown part as large as the last one hidden goes too: it would say that hidden part
       is no larger than it (5, 5, 4 shown as 5 and two hidden summing to 9 gives 4 and 5);
    3. when every non-zero part is hidden and there are no more people than hidden parts,
       the total is hidden as well (five parts of 1 under a total of 5 would be given back).
    A total under 5 is hidden and so is every non-zero part. Zero stays zero: it names
    nobody. tests/reports/test_suppression.py tries every row of up to 4 parts of 0..14 as
    the reader would, and none with its total shown gives a hidden part back. Known limit:
    a hidden total beside four non-zero parts says each is 1 (the zeros are shown).
    """
    shown: list[Cell] = [suppressed(cell) for cell in cells]
    total_cell: Cell = suppressed(total)
    if any(cell is None for cell in shown):
        candidates = sorted(
            (cells[i], i) for i, cell in enumerate(shown) if cell is not None and cells[i]
        )
        hidden_sum = sum(cells[i] for i, cell in enumerate(shown) if cell is None)
        last = 0
        for value, index in candidates:
            if last and hidden_sum >= HIDDEN_SUM and value > last:
                break
            shown[index] = None
            hidden_sum += value
            last = value
        hidden_parts = sum(1 for cell in shown if cell is None)
        if hidden_sum <= hidden_parts:
            total_cell = None
    if total_cell is None:
        shown = [None if cell else cell for cell in shown]
    return (total_cell, *shown)


def _pivot_by_gender(
    rows: Iterable[Any], *, key: str = "language_id", value: str = "n"
) -> dict[Any, dict[str, int]]:
    """{row key: {gender: value}} from rows of `values(key, "gender").annotate(value)`."""
    pivot: dict[Any, dict[str, int]] = defaultdict(dict)
    for row in rows:
        pivot[row[key]][row["gender"] or NOT_GIVEN] = row[value]
    return pivot


def _gender_row(label: str, counts: dict[str, int]) -> Row:
    parts = [counts.get(value, 0) for value, _label in _genders()]
    return Row(label=label, cells=suppress_row(sum(parts), parts))


# Filters -----------------------------------------------------------------------------------


def _moment_range(filters: ReportFilters, path: str) -> Q:
    condition = Q()
    if filters.start:
        condition &= Q(**{f"{path}__gte": start_of_day(filters.start)})
    if filters.end:
        condition &= Q(**{f"{path}__lt": start_of_day(filters.end + datetime.timedelta(days=1))})
    return condition


def _day_range(filters: ReportFilters, path: str) -> Q:
    condition = Q()
    if filters.start:
        condition &= Q(**{f"{path}__gte": filters.start})
    if filters.end:
        condition &= Q(**{f"{path}__lte": filters.end})
    return condition


def _activity_condition(filters: ReportFilters) -> Q:
    """Activities of the chosen area, district and plan area (Exists: never a repeated row)."""
    condition = Q()
    if filters.area_id:
        condition &= Q(
            Exists(
                Activity.areas.through.objects.filter(
                    activity_id=OuterRef("pk"), volunteerarea_id=filters.area_id
                )
            )
        )
    if filters.district_id:
        condition &= Q(district_id=filters.district_id)
    if filters.plan_area_id:
        condition &= Q(
            Exists(
                Activity.plan_goals.through.objects.filter(
                    activity_id=OuterRef("pk"), plangoal__area_id=filters.plan_area_id
                )
            )
        )
    return condition


def _of_activities(filters: ReportFilters, path: str) -> Q:
    """Rows whose activity (by `path`) is among the filtered activities."""
    if not (filters.area_id or filters.district_id or filters.plan_area_id):
        return Q()
    chosen = Activity.objects.filter(_activity_condition(filters)).order_by().values("pk")
    return Q(**{f"{path}__in": chosen})


def _applications(user: User, filters: ReportFilters) -> QuerySet[Application]:
    queryset = visible_applications(user).filter(_moment_range(filters, "submitted_at"))
    if filters.area_id:
        queryset = queryset.filter(areas=filters.area_id)  # an area at most once: no repeat
    if filters.district_id:
        queryset = queryset.filter(district_id=filters.district_id)
    return queryset


def _volunteers(user: User, filters: ReportFilters) -> QuerySet[Volunteer]:
    """Volunteers in the programme (active or paused) of the scope and filters."""
    queryset = visible_volunteers(user).exclude(status=Volunteer.Status.WITHDRAWN)
    if filters.area_id:
        queryset = queryset.filter(areas=filters.area_id)
    if filters.district_id:
        queryset = queryset.filter(district_id=filters.district_id)
    return queryset


def _activities(user: User, filters: ReportFilters) -> QuerySet[Activity]:
    """Activities that took place or are planned for the public (published or completed)."""
    return (
        visible_activities(user)
        .filter(status__in=[Activity.Status.PUBLISHED, Activity.Status.COMPLETED])
        .filter(_activity_condition(filters), _moment_range(filters, "starts_at"))
    )


def _approved_hours(user: User, filters: ReportFilters) -> QuerySet[HoursEntry]:
    queryset = visible_hours(user).filter(
        _day_range(filters, "date"), status=HoursEntry.Status.APPROVED
    )
    if filters.area_id:
        queryset = queryset.filter(area_id=filters.area_id)
    if filters.district_id:
        queryset = queryset.filter(
            Q(activity__district_id=filters.district_id)
            | Q(activity__isnull=True, volunteer__district_id=filters.district_id)
        )
    if filters.plan_area_id:
        queryset = queryset.filter(
            _of_activities(ReportFilters(plan_area_id=filters.plan_area_id), "activity")
        )
    return queryset


def _shifts(user: User, filters: ReportFilters) -> QuerySet[Shift]:
    return within(
        user,
        Shift.objects.exclude(activity__status=Activity.Status.CANCELLED).filter(
            _of_activities(filters, "activity"), _moment_range(filters, "starts_at")
        ),
        activity="activity",
    )


# Figures -----------------------------------------------------------------------------------


def _week_label(moment: datetime.datetime | datetime.date) -> str:
    day = moment.date() if isinstance(moment, datetime.datetime) else moment
    return day.isoformat()


def _month_label(moment: datetime.datetime | datetime.date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def applications_by_week(user: User, filters: ReportFilters) -> Figure:
    """Applications per week of submission (Monday first), by where they stand now."""
    statuses = list(Application.Status.choices)
    rows = (
        _applications(user, filters)
        .annotate(week=TruncWeek("submitted_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("week", "status")
        .annotate(n=Count("pk"))
        .order_by("week")
    )
    weeks: dict[Any, dict[str, int]] = defaultdict(dict)
    for row in rows:
        weeks[row["week"]][row["status"]] = row["n"]
    table = []
    for week in sorted(weeks):
        parts = [weeks[week].get(value, 0) for value, _label in statuses]
        table.append(Row(label=_week_label(week), cells=suppress_row(sum(parts), parts)))
    return Figure(
        key="applications-by-week",
        title=_("Haftalık başvurular ve sonuçları"),
        label_heading=_("Hafta (pazartesi)"),
        columns=(_("Toplam"), *(str(label) for _value, label in statuses)),
        rows=tuple(table),
        chart="columns",
    )


def applications_by_gender(user: User, filters: ReportFilters) -> Figure:
    statuses = list(Application.Status.choices)
    rows = (
        _applications(user, filters).order_by().values("gender", "status").annotate(n=Count("pk"))
    )
    by_gender: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        by_gender[row["gender"] or NOT_GIVEN][row["status"]] = row["n"]
    table = []
    for value, label in _genders():
        counts = by_gender.get(value, {})
        parts = [counts.get(status, 0) for status, _label in statuses]
        table.append(Row(label=label, cells=suppress_row(sum(parts), parts)))
    return Figure(
        key="applications-by-gender",
        title=_("Başvurular, cinsiyete göre"),
        label_heading=_("Cinsiyet"),
        columns=(_("Toplam"), *(str(label) for _value, label in statuses)),
        rows=tuple(table),
    )


class Median(Aggregate):
    """PostgreSQL's exact median (`percentile_cont`), on intervals as on numbers."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _waits(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Applications that had a staff decision, with `wait`: submission to the first one."""
    first = (
        Decision.objects.filter(application=OuterRef("pk"), kind__in=STAFF_DECISIONS)
        .order_by("decided_at")
        .values("decided_at")[:1]
    )
    return (
        queryset.annotate(first_decision=Subquery(first))
        .filter(first_decision__isnull=False)
        .annotate(
            wait=ExpressionWrapper(
                F("first_decision") - F("submitted_at"), output_field=DurationField()
            )
        )
    )


def _median_wait(queryset: QuerySet[Application], count: int) -> datetime.timedelta | None:
    """The median wait of `queryset` (with `wait`), read by the database.

    PostgreSQL computes it (`percentile_cont`); SQLite has no such aggregate, so the rows are
    ordered by the wait and only the one or two in the middle are read (OFFSET), never all.
    """
    if count == 0:
        return None
    if connection.vendor == "postgresql":
        value: datetime.timedelta | None = queryset.aggregate(median=Median("wait"))["median"]
        return value
    middle = list(
        queryset.order_by(F("wait").asc(), "pk").values_list(F("wait"), flat=True)[
            (count - 1) // 2 : count // 2 + 1
        ]
    )
    return sum(middle, datetime.timedelta()) / len(middle)


def _days(wait: datetime.timedelta | None) -> Decimal | None:
    if wait is None:
        return None
    return (Decimal(wait.total_seconds()) / Decimal(86400)).quantize(Decimal("0.1"))


def time_to_decision(user: User, filters: ReportFilters) -> Figure:
    """How long applicants wait for the first decision: the median in days and the share
    decided within 30 days, for applications submitted in the period, overall and by gender
    (a group under 5 decided applications shows neither)."""
    waits = _waits(_applications(user, filters))
    counts = {
        row["gender"] or NOT_GIVEN: row
        for row in waits.order_by()
        .values("gender")
        .annotate(n=Count("pk"), quick=Count("pk", filter=Q(wait__lte=DECIDED_WITHIN)))
    }
    genders = _genders()
    ns = [counts[value]["n"] if value in counts else 0 for value, _label in genders]
    shown = suppress_row(sum(ns), ns)  # the groups' sizes, hidden under 5 and by difference

    def row_of(label: str, queryset: QuerySet[Application], n: Cell, within_30: int) -> Row:
        if n is None or n == 0:
            return Row(label=label, cells=(n, None, None))
        share = _percent(within_30, int(n))
        return Row(label=label, cells=(n, _days(_median_wait(queryset, int(n))), share))

    quick = sum(row["quick"] for row in counts.values())
    table = [row_of(_("Tümü"), waits, shown[0], quick)]
    for (value, label), n in zip(genders, shown[1:], strict=True):
        within_30 = counts[value]["quick"] if value in counts else 0
        table.append(row_of(label, waits.filter(gender=value), n, within_30))
    return Figure(
        key="time-to-decision",
        title=_("Karar süresi"),
        label_heading=_("Başvuranlar"),
        columns=(
            _("Karar verilen başvuru"),
            _("Ortanca süre (gün)"),
            _("30 gün içinde karar (%)"),
        ),
        rows=tuple(table),
        chart="",
        note=_("İlk personel kararına (onay, bekleme listesi ya da ret) kadar geçen süre."),
    )


def active_volunteers(user: User, filters: ReportFilters) -> Figure:
    """Volunteers active today, and those who worked in the period (an approved or pending
    hours entry dated in it), by gender."""
    today = (
        _volunteers(user, filters)
        .filter(status=Volunteer.Status.ACTIVE)
        .order_by()
        .values("gender")
        .annotate(n=Count("pk"))
    )
    hours = (
        visible_hours(user)
        .filter(_day_range(filters, "date"))
        .exclude(status=HoursEntry.Status.REJECTED)
    )
    if filters.area_id:
        hours = hours.filter(area_id=filters.area_id)
    if filters.district_id:
        hours = hours.filter(volunteer__district_id=filters.district_id)
    if filters.plan_area_id:
        hours = hours.filter(
            _of_activities(ReportFilters(plan_area_id=filters.plan_area_id), "activity")
        )
    worked = (
        hours.order_by().values("volunteer__gender").annotate(n=Count("volunteer", distinct=True))
    )
    now = {row["gender"] or NOT_GIVEN: row["n"] for row in today}
    period = {row["volunteer__gender"] or NOT_GIVEN: row["n"] for row in worked}
    return Figure(
        key="active-volunteers",
        title=_("Etkin gönüllüler"),
        label_heading=_("Gönüllüler"),
        columns=_gender_columns(),
        rows=(
            _gender_row(_("Bugün etkin"), now),
            _gender_row(_("Dönemde çalışan"), period),
        ),
        chart="",
    )


def hours_by_month_and_area(user: User, filters: ReportFilters) -> Figure:
    """Approved hours per month and volunteer area; a cell worked by fewer than 5 volunteers
    is suppressed (it would tell what one person did)."""
    rows = (
        _approved_hours(user, filters)
        .annotate(month=TruncMonth("date"))
        .order_by()
        .values("month", "area_id")
        .annotate(hours=Sum("hours"), people=Count("volunteer", distinct=True))
    )
    totals = (
        _approved_hours(user, filters)
        .annotate(month=TruncMonth("date"))
        .order_by()
        .values("month")
        .annotate(hours=Sum("hours"), people=Count("volunteer", distinct=True))
    )
    areas = sorted_by_name(VolunteerArea.objects.all())
    cells: dict[Any, dict[Any, Cell]] = defaultdict(dict)
    for row in rows:
        cells[row["month"]][row["area_id"]] = suppressed(row["hours"], people=row["people"])
    by_month = {row["month"]: suppressed(row["hours"], people=row["people"]) for row in totals}
    used = {area for month in cells.values() for area in month}
    shown_areas = [area for area in areas if area.pk in used]
    other = None in used
    table = []
    for month in sorted(by_month):
        values: list[Cell] = [by_month[month]]
        values += [cells[month].get(area.pk, 0) for area in shown_areas]
        if other:
            values.append(cells[month].get(None, 0))
        table.append(Row(label=_month_label(month), cells=tuple(values)))
    columns = [_("Toplam"), *(area.name for area in shown_areas)]
    if other:
        columns.append(_("Alan belirtilmemiş"))
    return Figure(
        key="hours-by-month",
        title=_("Onaylı gönüllülük saatleri, aya ve alana göre"),
        label_heading=_("Ay"),
        columns=tuple(columns),
        rows=tuple(table),
        chart="columns",
        unit=_("saat"),
    )


def hours_by_gender(user: User, filters: ReportFilters) -> Figure:
    rows = (
        _approved_hours(user, filters)
        .order_by()
        .values("volunteer__gender")
        .annotate(hours=Sum("hours"), people=Count("volunteer", distinct=True))
    )
    found = {row["volunteer__gender"] or NOT_GIVEN: row for row in rows}
    table = []
    for value, label in _genders():
        row = found.get(value)
        if row is None:
            table.append(Row(label=label, cells=(Decimal(0), 0)))
            continue
        table.append(
            Row(
                label=label,
                cells=(
                    suppressed(row["hours"], people=row["people"]),
                    suppressed(row["people"]),
                ),
            )
        )
    return Figure(
        key="hours-by-gender",
        title=_("Onaylı saatler, cinsiyete göre"),
        label_heading=_("Cinsiyet"),
        columns=(_("Saat"), _("Gönüllü")),
        rows=tuple(table),
        unit=_("saat"),
    )


def activities_by_month(user: User, filters: ReportFilters) -> Figure:
    rows = (
        _activities(user, filters)
        .annotate(month=TruncMonth("starts_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("month", "status")
        .annotate(n=Count("pk"))
    )
    months: dict[Any, dict[str, int]] = defaultdict(dict)
    for row in rows:
        months[row["month"]][row["status"]] = row["n"]
    table = [
        Row(
            label=_month_label(month),
            cells=(
                sum(months[month].values()),
                months[month].get(Activity.Status.PUBLISHED, 0),
                months[month].get(Activity.Status.COMPLETED, 0),
            ),
        )
        for month in sorted(months)
    ]
    return Figure(
        key="activities-by-month",
        title=_("Etkinlikler, aya göre"),
        label_heading=_("Ay"),
        columns=(_("Toplam"), _("Yayında"), _("Tamamlandı")),
        rows=tuple(table),
        chart="columns",
    )


def activities_by_plan_area(user: User, filters: ReportFilters) -> Figure:
    """Activities per equality plan area (an activity with goals in two areas counts in
    both; one with no goal in "not tagged")."""
    activities = _activities(user, filters)
    tagged = (
        Activity.plan_goals.through.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by()
        .values("plangoal__area_id")
        .annotate(n=Count("activity_id", distinct=True))
    )
    counts = {row["plangoal__area_id"]: row["n"] for row in tagged}
    untagged = activities.filter(plan_goals__isnull=True).count()
    table = [
        Row(label=f"{area.code} {area.name}".strip(), cells=(counts.get(area.pk, 0),))
        for area in PlanArea.objects.order_by("position", "pk")
    ]
    table.append(Row(label=_("Etiketlenmemiş"), cells=(untagged,)))
    return Figure(
        key="activities-by-plan-area",
        title=_("Etkinlikler, eşitlik planı alanına göre"),
        label_heading=_("Plan alanı"),
        columns=(_("Etkinlik"),),
        rows=tuple(table),
    )


def participation_by_district(user: User, filters: ReportFilters) -> Figure:
    """Shifts, their places, the places filled by volunteers and the public participants of
    activities, per district of the activity, ranked by the people who took part: the
    picture of İzmir by district (a ranked chart, not a map: docs/reports.md)."""
    shifts = _shifts(user, filters)
    per_shift: dict[Any, dict[str, Any]] = {
        row["activity__district_id"]: dict(row)
        for row in shifts.order_by()
        .values("activity__district_id")
        .annotate(shifts=Count("pk"), places=Sum("capacity"))
    }
    filled = {
        row["shift__activity__district_id"]: row["n"]
        for row in SignUp.objects.filter(
            shift__in=shifts.order_by().values("pk"), status=SignUp.Status.CONFIRMED
        )
        .order_by()
        .values("shift__activity__district_id")
        .annotate(n=Count("pk"))
    }
    participants = {
        row["activity__district_id"]: row["n"]
        for row in within(
            user,
            Participant.objects.filter(
                _of_activities(filters, "activity"),
                _moment_range(filters, "activity__starts_at"),
                status=Participant.Status.CONFIRMED,
            ).exclude(activity__status=Activity.Status.CANCELLED),
            activity="activity",
        )
        .order_by()
        .values("activity__district_id")
        .annotate(n=Count("pk"))
    }
    districts = District.objects.all()
    if filters.district_id:
        districts = districts.filter(pk=filters.district_id)
    table = []
    for district in sorted_by_name(districts):
        taking_part = filled.get(district.pk, 0) + participants.get(district.pk, 0)
        if district.kind != District.Kind.DISTRICT and not taking_part:
            continue  # "outside İzmir" and "online only" only when something happened there
        volunteers_cell = suppressed(filled.get(district.pk, 0))
        public_cell = suppressed(participants.get(district.pk, 0))
        together = (
            None if volunteers_cell is None or public_cell is None else suppressed(taking_part)
        )
        shift_row = per_shift.get(district.pk, {})
        table.append(
            (
                together or 0,  # rank by what is shown: a hidden count must not show its size
                Row(
                    label=district.name,
                    cells=(
                        together,
                        volunteers_cell,
                        public_cell,
                        shift_row.get("shifts", 0),
                        shift_row.get("places", 0) or 0,
                    ),
                ),
            )
        )
    table.sort(key=lambda pair: -pair[0])  # stable: equal counts keep the alphabetical order
    return Figure(
        key="participation-by-district",
        title=_("İlçelere göre katılım"),
        label_heading=_("İlçe"),
        columns=(
            _("Katılan kişi"),
            _("Gönüllülerin doldurduğu yer"),
            _("Halktan katılımcı"),
            _("Vardiya"),
            _("Vardiya kontenjanı"),
        ),
        rows=tuple(row for _n, row in table),
        note=_(
            "Sıralama katılan kişi sayısına göredir; 5'ten az kişinin katıldığı ilçeler "
            "sıralamada sıfır gibi görünür."
        ),
    )


def participation_by_gender(user: User, filters: ReportFilters) -> Figure:
    """Shift places filled by volunteers and the volunteers who filled them, by gender (the
    public participants' gender is not asked)."""
    rows = (
        SignUp.objects.filter(
            shift__in=_shifts(user, filters).order_by().values("pk"),
            status=SignUp.Status.CONFIRMED,
        )
        .order_by()
        .values("volunteer__gender")
        .annotate(n=Count("pk"), people=Count("volunteer", distinct=True))
    )
    found = {row["volunteer__gender"] or NOT_GIVEN: row for row in rows}
    genders = _genders()
    places = [found[value]["n"] if value in found else 0 for value, _label in genders]
    people = [found[value]["people"] if value in found else 0 for value, _label in genders]
    shown_places, shown_people = (
        suppress_row(sum(places), places),
        suppress_row(sum(people), people),
    )
    labels = [_("Tümü"), *(label for _value, label in genders)]
    table = [
        Row(label=label, cells=(None if person is None else place, person))
        for label, place, person in zip(labels, shown_places, shown_people, strict=True)
    ]
    return Figure(
        key="participation-by-gender",
        title=_("Vardiyalara katılım, cinsiyete göre"),
        label_heading=_("Gönüllüler"),
        columns=(_("Gönüllülerin doldurduğu yer"), _("Gönüllü")),
        rows=tuple(table),
        chart="",
    )


def _age_group() -> Case:
    today = timezone.localdate()
    return Case(
        *(When(then=Value(key), **birth_year_range(key, today=today)) for key in AgeGroup.BANDS),
        default=Value(""),
        output_field=CharField(),
    )


def volunteers_by_age_group(user: User, filters: ReportFilters) -> Figure:
    rows = (
        _volunteers(user, filters)
        .annotate(age_group=_age_group())
        .order_by()
        .values("age_group", "gender")
        .annotate(n=Count("pk"))
    )
    pivot = _pivot_by_gender(rows, key="age_group")
    return Figure(
        key="volunteers-by-age",
        title=_("Gönüllüler, yaş grubuna göre"),
        label_heading=_("Yaş grubu"),
        columns=_gender_columns(),
        rows=tuple(
            _gender_row(str(label), pivot.get(key, {})) for key, label in AgeGroup.choices()
        ),
    )


def volunteers_by_language(user: User, filters: ReportFilters) -> Figure:
    rows = (
        VolunteerLanguage.objects.filter(
            volunteer__in=_volunteers(user, filters).order_by().values("pk")
        )
        .order_by()
        .values("language_id", "volunteer__gender")
        .annotate(n=Count("volunteer", distinct=True))
    )
    pivot = _pivot_by_gender(
        ({"language_id": r["language_id"], "gender": r["volunteer__gender"], "n": r["n"]})
        for r in rows
    )
    languages = sorted_by_name(Language.objects.filter(pk__in=list(pivot)))
    table = [_gender_row(language.name, pivot[language.pk]) for language in languages]
    table.sort(key=lambda row: -_total(row))
    return Figure(
        key="volunteers-by-language",
        title=_("Gönüllüler, konuştukları dile göre"),
        label_heading=_("Dil"),
        columns=_gender_columns(),
        rows=tuple(table),
    )


def _total(row: Row) -> int:
    first = row.cells[0]
    return int(first) if first is not None else 0


def volunteers_by_district(user: User, filters: ReportFilters) -> Figure:
    rows = (
        _volunteers(user, filters)
        .order_by()
        .values("district_id", "gender")
        .annotate(n=Count("pk"))
    )
    pivot = _pivot_by_gender(rows, key="district_id")
    districts = District.objects.all()
    if filters.district_id:
        districts = districts.filter(pk=filters.district_id)
    table = [
        _gender_row(district.name, pivot.get(district.pk, {}))
        for district in sorted_by_name(districts)
        if district.kind == District.Kind.DISTRICT or district.pk in pivot
    ]
    table.sort(key=lambda row: -_total(row))
    return Figure(
        key="volunteers-by-district",
        title=_("Gönüllüler, ilçeye göre"),
        label_heading=_("İlçe"),
        columns=_gender_columns(),
        rows=tuple(table),
    )


def retention(user: User, filters: ReportFilters) -> Figure:
    """Of the volunteers whose first attended shift falls in the period, how many attended
    another shift after it, by gender."""
    attended = SignUp.objects.filter(attendance=SignUp.Attendance.ATTENDED)
    first = (
        attended.filter(volunteer=OuterRef("pk"))
        .order_by("shift__starts_at")
        .values("shift__starts_at")[:1]
    )
    later = attended.filter(volunteer=OuterRef("pk"), shift__starts_at__gt=OuterRef("first_at"))
    volunteers = (
        visible_volunteers(user)
        .annotate(first_at=Subquery(first))
        .filter(first_at__isnull=False)
        .filter(_moment_range(filters, "first_at"))
        .annotate(came_back=Exists(later))
    )
    if filters.area_id:
        volunteers = volunteers.filter(areas=filters.area_id)
    if filters.district_id:
        volunteers = volunteers.filter(district_id=filters.district_id)
    rows = (
        volunteers.order_by()
        .values("gender")
        .annotate(n=Count("pk"), back=Count("pk", filter=Q(came_back=True)))
    )
    found = {row["gender"] or NOT_GIVEN: row for row in rows}
    genders = _genders()
    ns = [found[value]["n"] if value in found else 0 for value, _label in genders]
    backs = [found[value]["back"] if value in found else 0 for value, _label in genders]
    # Both columns hidden under 5 and by difference (the total minus the groups shown).
    shown_n, shown_back = suppress_row(sum(ns), ns), suppress_row(sum(backs), backs)

    def row_of(label: str, n: Cell, back: Cell) -> Row:
        if n is None or back is None or n == 0:
            return Row(label=label, cells=(n, back, None))
        share = _percent(int(back), int(n))
        return Row(label=label, cells=(n, back, share))

    table = [
        row_of(label, n, back)
        for label, n, back in zip(
            [_("Tümü"), *(label for _value, label in genders)], shown_n, shown_back, strict=True
        )
    ]
    return Figure(
        key="retention",
        title=_("Gönüllülerin devamı"),
        label_heading=_("Gönüllüler"),
        columns=(
            _("İlk vardiyasına katılan"),
            _("Sonra yeniden katılan"),
            _("Yeniden katılanların oranı (%)"),
        ),
        rows=tuple(table),
        chart="",
        note=_(
            "İlk katıldığı vardiya dönem içinde olan gönüllüler; sonrasında başka bir "
            "vardiyaya katılanlar yeniden katılmış sayılır."
        ),
    )


def _ideas(user: User, filters: ReportFilters) -> QuerySet[Idea]:
    """The network's ideas (visible ones: content hidden by moderation is not the network's)
    in the reader's scope (by the idea's area and district, as the staff list of ideas), the
    date range on the moment the idea was posted, and the area, district and plan area
    filters (the plan area through the idea's plan goals, with Exists: never a repeated row)."""
    queryset = managed_ideas(user=user).filter(
        _moment_range(filters, "created_at"), hidden_at__isnull=True
    )
    if filters.area_id:
        queryset = queryset.filter(area_id=filters.area_id)
    if filters.district_id:
        queryset = queryset.filter(district_id=filters.district_id)
    if filters.plan_area_id:
        queryset = queryset.filter(
            Exists(
                Idea.plan_goals.through.objects.filter(
                    idea_id=OuterRef("pk"), plangoal__area_id=filters.plan_area_id
                )
            )
        )
    return queryset


def _idea_columns() -> tuple[str, ...]:
    return (_("Fikir"), _("Etkinliğe dönüşen"))


def ideas_by_status(user: User, filters: ReportFilters) -> Figure:
    """Ideas per status, and how many of them became activities (an idea with an activity,
    whatever the activity's state). Ideas are not people: shown as they are, like activities
    (each idea is readable by every volunteer anyway)."""
    rows = (
        _ideas(user, filters)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"), became=Count("pk", filter=Q(activity__isnull=False)))
    )
    found = {row["status"]: row for row in rows}
    table = [
        Row(
            label=str(label),
            cells=(found[value]["n"], found[value]["became"]) if value in found else (0, 0),
        )
        for value, label in Idea.Status.choices
    ]
    total = Row(
        label=_("Tümü"),
        cells=(
            sum(row["n"] for row in found.values()),
            sum(row["became"] for row in found.values()),
        ),
    )
    return Figure(
        key="ideas-by-status",
        title=_("Fikirler, durumuna göre ve etkinliğe dönüşenler"),
        label_heading=_("Durum"),
        columns=_idea_columns(),
        rows=(total, *table),
        note=_(
            "Dönem içinde yazılan fikirler; bir etkinliğe bağlanan fikir etkinliğe dönüşmüş "
            "sayılır."
        ),
    )


def ideas_by_plan_area(user: User, filters: ReportFilters) -> Figure:
    """Ideas per equality plan area through their plan goals (an idea with goals in two areas
    counts in both; one with no goal in "not tagged"), and how many became activities."""
    ideas = _ideas(user, filters)
    tagged = (
        Idea.plan_goals.through.objects.filter(idea__in=ideas.order_by().values("pk"))
        .order_by()
        .values("plangoal__area_id")
        .annotate(
            n=Count("idea_id", distinct=True),
            became=Count("idea_id", distinct=True, filter=Q(idea__activity__isnull=False)),
        )
    )
    counts = {row["plangoal__area_id"]: (row["n"], row["became"]) for row in tagged}
    untagged = ideas.filter(plan_goals__isnull=True).aggregate(
        n=Count("pk"), became=Count("pk", filter=Q(activity__isnull=False))
    )
    table = [
        Row(label=f"{area.code} {area.name}".strip(), cells=counts.get(area.pk, (0, 0)))
        for area in PlanArea.objects.order_by("position", "pk")
    ]
    table.append(Row(label=_("Etiketlenmemiş"), cells=(untagged["n"], untagged["became"])))
    return Figure(
        key="ideas-by-plan-area",
        title=_("Fikirler, eşitlik planı alanına göre"),
        label_heading=_("Plan alanı"),
        columns=_idea_columns(),
        rows=tuple(table),
    )


def ideas_by_gender(user: User, filters: ReportFilters) -> Figure:
    """Ideas by the gender their author gave (an author without a volunteer profile, or who
    gave none, under "not given"), and how many became activities. Unlike the other ideas'
    figures this one speaks of people, so small cells are suppressed as everywhere else."""
    rows = (
        _ideas(user, filters)
        .order_by()
        .values("author__volunteer__gender")
        .annotate(n=Count("pk"), became=Count("pk", filter=Q(activity__isnull=False)))
    )
    found = {row["author__volunteer__gender"] or NOT_GIVEN: row for row in rows}
    table = []
    for value, label in _genders():
        row = found.get(value, {"n": 0, "became": 0})
        parts = [row["became"], row["n"] - row["became"]]
        table.append(Row(label=label, cells=suppress_row(row["n"], parts)))
    return Figure(
        key="ideas-by-gender",
        title=_("Fikirler, yazanın cinsiyetine göre"),
        label_heading=_("Cinsiyet"),
        columns=(*_idea_columns(), _("Henüz dönüşmeyen")),
        rows=tuple(table),
    )


def _percent(part: int, whole: int) -> Decimal:
    """`part` of `whole` in whole per cent (the tables' shares)."""
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("1"))


FIGURES = (
    applications_by_week,
    applications_by_gender,
    time_to_decision,
    active_volunteers,
    hours_by_month_and_area,
    hours_by_gender,
    activities_by_month,
    activities_by_plan_area,
    participation_by_district,
    participation_by_gender,
    volunteers_by_age_group,
    volunteers_by_language,
    volunteers_by_district,
    retention,
    ideas_by_status,
    ideas_by_plan_area,
    ideas_by_gender,
)


def impact_report(*, user: User, filters: ReportFilters) -> Report:
    """Every figure of the dashboard for this reader and these filters (not cached here:
    the view caches, with the reader's scope and the filters in the key)."""
    return Report(
        figures=tuple(figure(user, filters) for figure in FIGURES),
        computed_at=timezone.now(),
    )


@dataclass(frozen=True)
class Highlight:
    title: str
    district: str
    starts_on: datetime.date
    participants: int | None  # public participants and places filled, None under 5
    goals: tuple[str, ...]


HIGHLIGHTS = 20


def year_filters(year: int, filters: ReportFilters | None = None) -> ReportFilters:
    """The filters narrowed to one calendar year (İzmir's calendar)."""
    base = filters or ReportFilters()
    return ReportFilters(
        start=datetime.date(year, 1, 1),
        end=datetime.date(year, 12, 31),
        area_id=base.area_id,
        district_id=base.district_id,
        plan_area_id=base.plan_area_id,
    )


def highlights(*, user: User, filters: ReportFilters) -> list[Highlight]:
    """The completed activities of the period with the most people taking part (at most
    HIGHLIGHTS), for the annual report: title, district, day, people, plan goals."""
    filled = (
        SignUp.objects.filter(shift__activity=OuterRef("pk"), status=SignUp.Status.CONFIRMED)
        .order_by()
        .values("shift__activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    public = (
        Participant.objects.filter(activity=OuterRef("pk"), status=Participant.Status.CONFIRMED)
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    activities = (
        _activities(user, filters)
        .filter(status=Activity.Status.COMPLETED)
        .annotate(
            volunteers_n=Coalesce(Subquery(filled), 0),
            public_n=Coalesce(Subquery(public), 0),
        )
        .select_related("district")
        .prefetch_related("plan_goals")
        .order_by(F("volunteers_n") + F("public_n"), "starts_at")
        .reverse()[:HIGHLIGHTS]
    )
    return [
        Highlight(
            title=activity.title,
            district=activity.district.name,
            starts_on=timezone.localtime(activity.starts_at).date(),
            participants=suppressed(activity.volunteers_n + activity.public_n),
            goals=tuple(goal.label for goal in activity.plan_goals.all()),
        )
        for activity in activities
    ]


@dataclass(frozen=True)
class IdeaDone:
    title: str
    activity_on: datetime.date
    district: str
    hours: Decimal


def ideas_done(*, user: User, filters: ReportFilters) -> list[IdeaDone]:
    """The ideas that became activities which happened in the period (the community app's
    public record, `done_ideas`, not a second copy of its rule), for the annual report: the
    ideas of the reader's scope and the area, district and plan area filters, the period on
    the activity's start; the latest first, at most HIGHLIGHTS."""
    of_filters = _ideas(
        user,
        ReportFilters(
            area_id=filters.area_id,
            district_id=filters.district_id,
            plan_area_id=filters.plan_area_id,
        ),
    )
    ideas = done_ideas().filter(
        _moment_range(filters, "activity__starts_at"),
        pk__in=of_filters.order_by().values("pk"),
    )[:HIGHLIGHTS]
    found = []
    for idea in ideas:
        activity = idea.activity
        if activity is None:  # never: done_ideas keeps ideas with an activity only
            continue
        found.append(
            IdeaDone(
                title=idea.title,
                activity_on=timezone.localtime(activity.starts_at).date(),
                district=activity.district.name,
                hours=idea.approved_hours,  # type: ignore[attr-defined]  # annotated
            )
        )
    return found

"""The matching engine: volunteers ranked for a shift or a task, and work ranked for a
volunteer, each result with its reasons (docs/matching.md).

Hard rules first. A volunteer is a candidate for a shift or a task only when she
- is active (not paused, not withdrawn) and inside the coordinator's scope;
- meets its requirements the way sign-up checks them (services/requirements.py in
  activities): at least one of its required areas when it names any, and every required
  language, so whoever is invited can accept;
- is not booked at an overlapping time (a confirmed, pending or waitlisted sign-up on a
  shift that overlaps this one, this one included) — for a task: does not hold it already;
- has not turned invitations off (`matching.invitation`, or every optional message);
- has not been invited to it already (nobody is invited twice).

Then a score, the sum of parts, each worth at most its weight in `MATCHING_WEIGHTS`:
- **areas**: she works in one of the areas the work is for (its required areas, or else
  its activity's areas);
- **languages**: she speaks every required language fluently or natively (half when one
  of them only at a basic or intermediate level); nothing when none is required;
- **distance**: from her district's centre to the activity's (districts.py), the full
  weight at 0 km falling to nothing at `MATCHING_DISTANCE_LIMIT_KM`; online work ignores
  distance;
- **availability** (shifts only): the share of the parts of the day the shift takes (on
  the day it starts; the hours of each part are `MATCHING_DAY_PARTS`) that her weekly
  availability covers;
- **fair share**: fewer approved hours in the last `MATCHING_FAIR_SHARE_DAYS` days ranks
  higher, nothing from `MATCHING_FAIR_SHARE_HOURS` hours on;
- **reliability**: the share of her decided sign-ups she attended (attended against
  no-show), in tenths; half the weight when she has no record yet;
- **first-timer**: a lift for someone who has not attended any shift yet.

Every part is an integer the database computes (CASE expressions, correlated subqueries,
the district distances as a CASE on the district's id), then ORDER BY score, name_key, id
and LIMIT there, in one statement that reads the candidates with the most work points
first and the rest only when they could still reach the list (`_best`): the number of
queries does not grow with the number of volunteers. Ties are ordered by surname and name
in Turkish order (`name_key`), then by id, so the same data always gives the same order.

For a volunteer's own list ("recommended for you") the same parts are computed the other
way round, one volunteer against many shifts and tasks; the parts about her alone (fair
share, reliability, first-timer) are the same for every shift, so they do not take part
in ordering her list.
"""

import datetime
import decimal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, connections, models
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
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
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import (
    Cast,
    Coalesce,
    Floor,
    Least,
)
from django.db.models.lookups import Exact, GreaterThan
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Shift, SignUp, Task, TaskAssignment
from esit.activities.services import records
from esit.notifications.models import Channel, Preference
from esit.reference import availability
from esit.reference.models import District, LanguageLevel, VolunteerArea
from esit.volunteers.models import Volunteer, VolunteerLanguage
from esit.volunteers.selectors import not_listed, visible_to

from . import districts
from .models import Dismissal, Invitation

INVITATION_KIND = "matching.invitation"
PARTS = ("areas", "languages", "distance", "availability", "fair_share", "reliability")
LOW_LEVELS = (LanguageLevel.BASIC, LanguageLevel.INTERMEDIATE)
MINUTES_IN_A_DAY = 24 * 60
# Her list: the database ranks open shifts by areas, languages and distance and keeps this
# many times the list's length; availability (from her week) then re-ranks those in Python.
AVAILABILITY_RERANK = 10


def weights() -> dict[str, int]:
    defaults = {
        "areas": 30,
        "languages": 10,
        "distance": 20,
        "availability": 20,
        "fair_share": 15,
        "reliability": 15,
        "first_timer": 10,
    }
    return {**defaults, **getattr(settings, "MATCHING_WEIGHTS", {})}


@dataclass(frozen=True)
class Reason:
    """One part of a score, in words a coordinator understands: "Alanı eşleşiyor: +30"."""

    key: str
    text: str
    points: int

    def __str__(self) -> str:
        return self.text


@dataclass
class Match:
    volunteer: Volunteer
    score: int
    reasons: list[Reason] = field(default_factory=list)
    first_timer: bool = False

    @property
    def summary(self) -> str:
        return "; ".join(reason.text for reason in self.reasons)


@dataclass(frozen=True)
class Filters:
    """What a coordinator narrows the ranked list to (the matches page's form)."""

    area: VolunteerArea | None = None
    district: District | None = None
    language_id: int | None = None
    first_timers: bool = False


# What a shift or a task asks for ---------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """A shift or a task, as matching reads it."""

    shift: Shift | None
    task: Task | None
    activity: Activity
    counted_area_ids: frozenset[int]  # the areas the "areas" part looks for
    required_area_ids: frozenset[int]
    required_language_ids: frozenset[int]

    @property
    def target(self) -> Shift | Task:
        return self.shift if self.shift is not None else self.task  # type: ignore[return-value]  # one of them is set

    @property
    def is_online(self) -> bool:
        return is_online(self.activity)


def is_online(activity: Activity) -> bool:
    return activity.is_online or activity.district.kind == District.Kind.ONLINE


def work_of(target: Shift | Task) -> Work:
    """Read what the shift or task asks for (three small queries)."""
    required_areas = frozenset(target.required_areas.values_list("pk", flat=True))
    activity = Activity.objects.select_related("district").get(pk=target.activity_id)
    counted = required_areas or frozenset(activity.areas.values_list("pk", flat=True))
    return Work(
        shift=target if isinstance(target, Shift) else None,
        task=target if isinstance(target, Task) else None,
        activity=activity,
        counted_area_ids=counted,
        required_area_ids=required_areas,
        required_language_ids=frozenset(target.required_languages.values_list("pk", flat=True)),
    )


# Day parts -----------------------------------------------------------------------------------


def day_parts() -> list[tuple[int, int]]:
    """(from, to) in minutes of the day, for morning, afternoon and evening in that order."""
    parts = settings.MATCHING_DAY_PARTS
    return [(parts[name][0] * 60, parts[name][1] * 60) for name, _label in availability.PARTS]


def _minutes(moment: datetime.datetime) -> int:
    local = timezone.localtime(moment)
    return local.hour * 60 + local.minute


def parts_taken(starts_at: datetime.datetime, ends_at: datetime.datetime) -> tuple[int, list[int]]:
    """The weekday (0 = Monday) a shift starts on, and the parts of that day (indexes into
    availability.PARTS) it takes: a part is taken when the shift runs during any of it."""
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at)
    start_minute = _minutes(starts_at)
    end_minute = MINUTES_IN_A_DAY if end.date() > start.date() else _minutes(ends_at)
    taken = [
        index
        for index, (begin, finish) in enumerate(day_parts())
        if start_minute < finish and end_minute > begin
    ]
    return start.weekday(), taken


def _slot_bit(weekday: int, part: int) -> int:
    return 1 << (weekday * len(availability.PARTS) + part)


def _share(weight: int, covered: int, of: int) -> int:
    return round(weight * covered / of) if of else 0


# Expressions shared by both directions --------------------------------------------------------


def _count_of(queryset: QuerySet[Any], by: str) -> Coalesce:
    return Coalesce(
        Subquery(queryset.order_by().values(by).annotate(n=Count(by)).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


class _PointsFor(Expression):
    """`CASE value WHEN k THEN points … ELSE default END`: the value is written once, where
    Case(When(value = k)…) repeats it, and with it every subquery it holds, in each branch."""

    output_field = IntegerField()

    def __init__(self, value: Any, points: dict[int, int], default: int):
        super().__init__()
        self.value, self.points, self.default = value, points, default

    def get_source_expressions(self) -> list[Any]:
        return [self.value]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.value,) = exprs

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.value)
        # Only integers of our own go into the text; the value's parameters stay parameters.
        branches = " ".join(f"WHEN {int(k)} THEN {int(v)}" for k, v in self.points.items())
        return f"CASE {sql} {branches} ELSE {int(self.default)} END", params


def _distance_points(weight: int, km: int | None) -> int:
    if km is None:
        return 0
    limit = settings.MATCHING_DISTANCE_LIMIT_KM
    return max(0, round(weight * (1 - km / limit))) if limit else 0


def _district_slugs() -> dict[int, str]:
    return dict(District.objects.values_list("pk", "slug"))


def _distance_points_by(to_slug: str, slugs: dict[int, str], weight: int) -> dict[int, int]:
    """Points for distance from `to_slug`, by district id; a district left out gives none."""
    return {
        pk: found
        for pk, slug in slugs.items()
        if (found := _distance_points(weight, districts.km(slug, to_slug)))
    }


def _distance_case(field_name: str, to_slug: str, slugs: dict[int, str], weight: int) -> Any:
    """Points for distance from `to_slug`, by the district id in `field_name`."""
    points = _distance_points_by(to_slug, slugs, weight)
    return _PointsFor(F(field_name), points, default=0) if points else Value(0)


# Her record (activities.VolunteerRecord) answers the parts about her alone with one row;
# where it is missing or its recent hours no longer hold, the same figure is counted from her
# sign-ups and hours instead (a subquery the database runs only for those rows).

_HOURS = DecimalField(max_digits=10, decimal_places=2)


def _recent_hours() -> Case:
    today = timezone.localdate()
    counted = (
        HoursEntry.objects.filter(
            volunteer=OuterRef("pk"),
            status=HoursEntry.Status.APPROVED,
            date__gte=records.recent_since(today),
        )
        .order_by()
        .values("volunteer")
        .annotate(total=Sum("hours"))
        .values("total")[:1]
    )
    return Case(
        When(
            Q(record__recent_until__gte=today, record__recent_days=records.recent_days()),
            then=F("record__recent_hours"),
        ),
        default=Coalesce(Subquery(counted), Value(decimal.Decimal(0)), output_field=_HOURS),
        output_field=_HOURS,
    )


def _decided_signups() -> QuerySet[SignUp]:
    return SignUp.objects.filter(
        volunteer_id=OuterRef("pk"), attendance__in=records.DECIDED
    ).order_by()


def _attended() -> Coalesce:
    """How many shifts she came to."""
    counted = _count_of(
        _decided_signups().filter(attendance=SignUp.Attendance.ATTENDED), "volunteer_id"
    )
    return Coalesce(F("record__attended"), counted, output_field=IntegerField())


def _decided() -> Coalesce:
    """How many of her shifts have their attendance recorded (attended or no-show)."""
    return Coalesce(
        F("record__decided"),
        _count_of(_decided_signups(), "volunteer_id"),
        output_field=IntegerField(),
    )


def _fair_share_points(weight: int) -> Any:
    """The full weight under one hour of recent work, a step less for each further whole
    hour, nothing from the cap on: never more points for more hours."""
    cap = settings.MATCHING_FAIR_SHARE_HOURS
    if not cap:
        return Value(0)
    # In whole hours and integers: the cap's steps, rounded half up (as Round did).
    steps = Least(
        Cast(Floor(_recent_hours()), output_field=IntegerField()),
        Value(cap),
        output_field=IntegerField(),
    )
    return ExpressionWrapper(
        ((Value(cap) - steps) * Value(2 * weight) + Value(cap)) / Value(2 * cap),
        output_field=IntegerField(),
    )


def _reliability_points(weight: int) -> _PointsFor:
    """The share of her decided sign-ups she attended, in whole tenths; half the weight with
    no record yet."""
    decided = _decided()
    tenths = Case(
        When(Exact(decided, 0), then=Value(-1)),
        default=ExpressionWrapper(_attended() * 10 / decided, output_field=IntegerField()),
        output_field=IntegerField(),
    )
    points = {tenths: round(weight * tenths / 10) for tenths in range(10, -1, -1)}
    return _PointsFor(tenths, {-1: weight // 2, **points}, default=0)


def _has_attended() -> GreaterThan:
    return GreaterThan(_attended(), 0)


def _invitations_off() -> Q:
    """Her account turned invitations off (or every optional message)."""
    return Q(
        user_id__in=Preference.objects.filter(
            channel=Channel.EMAIL,
            kind__in=[INVITATION_KIND, Preference.ALL_OPTIONAL],
            enabled=False,
        ).values("user_id")
    )


# Volunteers for a shift or a task --------------------------------------------------------------


def candidates(work: Work, *, user: User | None) -> QuerySet[Volunteer]:
    """Every volunteer who passes the hard rules for this work (module docstring), unranked.

    `user` the coordinator whose scope applies; None for the whole programme (the system).
    """
    queryset = visible_to(user) if user is not None else Volunteer.objects.all()
    queryset = queryset.filter(status=Volunteer.Status.ACTIVE).exclude(_invitations_off())
    if work.required_area_ids:
        queryset = queryset.filter(
            Exists(
                Volunteer.areas.through.objects.filter(
                    volunteer_id=OuterRef("pk"), volunteerarea_id__in=work.required_area_ids
                )
            )
        )
    for language_id in sorted(work.required_language_ids):
        queryset = queryset.filter(
            Exists(
                VolunteerLanguage.objects.filter(
                    volunteer_id=OuterRef("pk"), language_id=language_id
                )
            )
        )
    if work.shift is not None:
        shift = work.shift
        # The shifts at an overlapping time, read first (one small query): with their ids
        # as values the database finds their sign-ups by the shift index instead of
        # scanning every sign-up to join them to their shifts.
        overlapping = list(
            Shift.objects.filter(starts_at__lt=shift.ends_at, ends_at__gt=shift.starts_at)
            .order_by()
            .values_list("pk", flat=True)
        )
        # The rules that leave people out are sets the database builds once and looks each
        # candidate up in (NOT IN): so it can rank while it reads, keeping only the best rows,
        # where a join per rule made it sort every candidate first (docs/performance.md).
        queryset = queryset.exclude(
            pk__in=SignUp.objects.filter(
                status__in=SignUp.ACTIVE_STATUSES, shift_id__in=overlapping
            ).values("volunteer_id")
        ).exclude(pk__in=Invitation.objects.filter(shift=shift).values("volunteer_id"))
    else:
        queryset = queryset.exclude(
            pk__in=TaskAssignment.objects.filter(
                task=work.task, status__in=TaskAssignment.ACTIVE_STATUSES
            ).values("volunteer_id")
        ).exclude(pk__in=Invitation.objects.filter(task=work.task).values("volunteer_id"))
    return queryset


def _filtered(queryset: QuerySet[Volunteer], filters: Filters) -> QuerySet[Volunteer]:
    if filters.area is not None:
        queryset = queryset.filter(
            Exists(
                Volunteer.areas.through.objects.filter(
                    volunteer_id=OuterRef("pk"), volunteerarea_id=filters.area.pk
                )
            )
        )
    if filters.district is not None:
        queryset = queryset.filter(district_id=filters.district.pk)
    if filters.language_id is not None:
        queryset = queryset.filter(
            Exists(
                VolunteerLanguage.objects.filter(
                    volunteer_id=OuterRef("pk"), language_id=filters.language_id
                )
            )
        )
    if filters.first_timers:
        queryset = queryset.exclude(_has_attended())
    return queryset


def _taken_bits(shift: Shift) -> list[int]:
    """Her week's bits for the parts of the day the shift takes."""
    weekday, taken = parts_taken(shift.starts_at, shift.ends_at)
    return [_slot_bit(weekday, part) for part in taken]


def _covered_of(availability: int, bits: list[int]) -> int:
    return sum(1 for bit in bits if availability & bit)


def _by_covered(bits: list[int], points: Callable[[int], int]) -> _PointsFor:
    """`points(covered)` for how many of these bits her week has: the week's bits for them
    read once, then looked up by value."""
    masked = F("availability").bitand(sum(bits))
    return _PointsFor(masked, {s: points(_covered_of(s, bits)) for s in _subsets(bits)}, 0)


def _subsets(bits: list[int]) -> list[int]:
    """Every OR of some of these bits."""
    found = [0]
    for bit in bits:
        found += [subset | bit for subset in found]
    return found


def parts_of(work: Work, slugs: dict[int, str] | None = None) -> dict[str, Any]:
    """Each part of the score as one integer expression on Volunteer rows; every
    subquery appears once in it. `slugs`: the districts' (`_district_slugs`), when read."""
    w = weights()
    parts: dict[str, Any] = {}
    parts["areas"] = (
        Case(
            When(
                Exists(
                    Volunteer.areas.through.objects.filter(
                        volunteer_id=OuterRef("pk"), volunteerarea_id__in=work.counted_area_ids
                    )
                ),
                then=Value(w["areas"]),
            ),
            default=Value(0),
        )
        if work.counted_area_ids
        else Value(0)
    )
    parts["languages"] = (
        Case(
            When(
                Exists(
                    VolunteerLanguage.objects.filter(
                        volunteer_id=OuterRef("pk"),
                        language_id__in=work.required_language_ids,
                        level__in=LOW_LEVELS,
                    )
                ),
                then=Value(w["languages"] // 2),
            ),
            default=Value(w["languages"]),
        )
        if work.required_language_ids
        else Value(0)
    )
    if work.is_online:
        parts["distance"] = Value(0)
    else:
        parts["distance"] = _distance_case(
            "district_id",
            work.activity.district.slug,
            _district_slugs() if slugs is None else slugs,
            w["distance"],
        )
    if work.shift is not None:
        bits = _taken_bits(work.shift)
        parts["availability"] = _by_covered(
            bits, lambda covered: _share(w["availability"], covered, len(bits))
        )
    else:
        parts["availability"] = Value(0)
    parts["fair_share"] = _fair_share_points(w["fair_share"])
    parts["reliability"] = _reliability_points(w["reliability"])
    parts["first_timer"] = Case(
        When(_has_attended(), then=Value(0)),
        default=Value(w["first_timer"]),
        output_field=IntegerField(),
    )
    return {
        key: Coalesce(expression, Value(0), output_field=IntegerField())
        for key, expression in parts.items()
    }


def score_of(work: Work, parts: dict[str, Any] | None = None) -> Any:
    return sum((parts or parts_of(work)).values(), start=Value(0))


def scored(
    work: Work, queryset: QuerySet[Volunteer], parts: dict[str, Any] | None = None
) -> QuerySet[Volunteer]:
    """`queryset` with each part (`_p_<part>`) and the figures the reasons quote
    (`_attended`, `_decided`, `_recent_hours`) annotated, for the few rows a page shows.
    Their total, her covered parts of the day and whether she ever came follow from these
    (`_explained`) and are not asked of the database again."""
    annotations: dict[str, Any] = {
        "_attended": _attended(),
        "_decided": _decided(),
        "_recent_hours": _recent_hours(),
    }
    parts = parts or parts_of(work)
    annotations.update({f"_p_{key}": expression for key, expression in parts.items()})
    return queryset.annotate(**annotations)


def ranked(
    work: Work,
    *,
    user: User | None,
    filters: Filters | None = None,
    limit: int | None = None,
    only_ids: Iterable[int] | None = None,
) -> list[Match]:
    """The best `limit` candidates (MATCHING_RESULTS), best first, each with its reasons.

    Two passes, a fixed number of queries whatever the number of volunteers: the order
    (`_best`, one statement), cut at `limit`; then, for those rows only, each part and what
    its reasons quote, with their areas and languages. Before them: the work's requirements
    (3) and the district slugs (1).
    """
    queryset = _filtered(candidates(work, user=user), filters or Filters())
    if only_ids is not None:
        queryset = queryset.filter(pk__in=list(only_ids))
    limit = settings.MATCHING_RESULTS if limit is None else limit
    slugs = _district_slugs()
    parts = parts_of(work, slugs)
    ids = _best(work, queryset, parts, _reach(work, slugs), limit) if limit > 0 else []
    # …then, for the page's rows only, each part and what its reason quotes.
    rows = {
        row.pk: row
        for row in scored(work, Volunteer.objects.filter(pk__in=ids), parts)
        .defer(*not_listed())
        .select_related("district", "user")
        .prefetch_related("areas", "languages__language")
    }
    return [_explained(work, rows[pk]) for pk in ids]


# The order, read where the best are ----------------------------------------------------------
#
# Ranking every candidate costs a pass over all of them (100,000 at city scale). But the
# score is the work's points (areas, languages, distance, availability: what she has
# against what the work asks) plus her own (fair share, reliability, first-timer), and her
# own are at most `_own_most` points. So the best are found among those whose work points
# are high, and the rest need not be read once the list is proven: when the `limit`-th
# best so far scores T, nobody whose work points are below T − `_own_most` can reach it.
#
# `_best` reads in tiers of work points, best first, all in one statement: the first
# tier (the highest work points, found by the district index: distance is the only part
# that narrows by an index), the next, then the rest; each later tier is read only when
# the list so far is short or not proven (a condition the database checks once, before
# reading the tier). The result is exactly the order of ranking everyone
# (tests/matching/test_speed.py), in a fraction of the rows when the best are many.

WORK_PARTS = ("areas", "languages", "distance", "availability")


@dataclass(frozen=True)
class Reach:
    """The points each part about the work can give, value by value."""

    areas: frozenset[int]
    languages: frozenset[int]
    availability: frozenset[int]
    distance: dict[int, int]  # by district id, every district

    def others(self) -> set[int]:
        """Every sum the parts other than distance can give."""
        return {a + g + v for a in self.areas for g in self.languages for v in self.availability}

    def levels(self) -> list[int]:
        """Every total of work points there can be, highest first."""
        others = self.others()
        return sorted({d + o for d in set(self.distance.values()) for o in others}, reverse=True)

    def availability_needed(self, low: int) -> int:
        """The fewest availability points with which work points of `low` can be had."""
        best_rest = max(self.areas) + max(self.languages) + max(self.distance.values())
        return low - best_rest

    def districts_reaching(self, low: int) -> list[int] | None:
        """The districts where work points of `low` or more can be had; None: all of them."""
        best_other = max(self.others())
        found = [pk for pk, points in self.distance.items() if points + best_other >= low]
        return None if len(found) == len(self.distance) else found


def _reach(work: Work, slugs: dict[int, str]) -> Reach:
    w = weights()
    if work.shift is not None:
        bits = _taken_bits(work.shift)
        availability = {
            _share(w["availability"], _covered_of(s, bits), len(bits)) for s in _subsets(bits)
        }
    else:
        availability = {0}
    distance = dict.fromkeys(slugs, 0)
    if not work.is_online:
        distance.update(_distance_points_by(work.activity.district.slug, slugs, w["distance"]))
    return Reach(
        areas=frozenset({0, w["areas"]} if work.counted_area_ids else {0}),
        languages=frozenset(
            {w["languages"], w["languages"] // 2} if work.required_language_ids else {0}
        ),
        availability=frozenset(availability),
        distance=distance,
    )


def _own_most(w: dict[str, int]) -> int:
    """The most points fair share, reliability and the first-timer lift give together: a
    first-timer has half the reliability weight (no record yet) or none (only no-shows)."""
    return w["fair_share"] + max(w["reliability"], w["reliability"] // 2 + w["first_timer"])


def _tiers(reach: Reach, w: dict[str, int]) -> list[tuple[int | None, int | None, int]]:
    """(lowest, below) work points of each tier, None for no bound, and the highest work
    points in it. The first is as wide as a list of the commonly best needs to prove itself
    (her own points at their usual best, fair share and reliability: only a few first-timers
    have more), the second as wide as her own points can make up, the last the rest."""
    levels = reach.levels()
    most = _own_most(w)
    first = levels[0] - max(0, most - w["fair_share"] - w["reliability"])
    tiers: list[tuple[int | None, int | None, int]] = []
    below: int | None = None
    for lowest in (first, first - most, None):
        inside = [level for level in levels if below is None or level < below]
        if not inside:
            break
        if lowest is not None and lowest <= inside[-1]:
            lowest = None  # this tier takes all that is left
        tiers.append((lowest, below, inside[0]))
        if lowest is None:
            break
        below = lowest
    return tiers


def _best(
    work: Work, queryset: QuerySet[Volunteer], parts: dict[str, Any], reach: Reach, limit: int
) -> list[int]:
    """The ids of the best `limit` candidates, best first (ties by name_key, then id).

    The candidates' query is compiled once, with each one's work points, total and
    district; each tier reads it through its own bounds, which the database takes into
    the query (the district's by its index)."""
    w = weights()
    most = _own_most(w)
    work_points = sum((parts[key] for key in WORK_PARTS), start=Value(0))
    candidates_sql, candidates_params = (
        queryset.annotate(
            _work=work_points, _availability=parts["availability"], score=score_of(work, parts)
        )
        .order_by()
        .values_list("pk", "score", "name_key", "_work", "_availability", "district_id")
        .query.sql_with_params()
    )
    tiers = _tiers(reach, w)
    # NOT MATERIALIZED: each tier's bounds go into the candidates' query (a materialized
    # one would rank every candidate once, which is what the tiers are there to avoid).
    statements = [
        f"c(id, score, name_key, work, availability, district_id) AS NOT MATERIALIZED "
        f"({candidates_sql})"
    ]
    params: list[Any] = list(candidates_params)
    for n, (lowest, below, highest) in enumerate(tiers, start=1):
        bounds = []
        if lowest is not None:
            bounds.append(f"work >= {int(lowest)}")
            if (reaching := reach.districts_reaching(lowest)) is not None:
                listed = ", ".join(str(int(pk)) for pk in reaching) or "NULL"
                bounds.append(f"district_id IN ({listed})")
            # The same bound on availability alone, which the database checks before the
            # costlier parts (the areas' subquery) and so for fewer rows.
            if (needed := reach.availability_needed(lowest)) > min(reach.availability):
                bounds.append(f"availability >= {int(needed)}")
        if below is not None:
            bounds.append(f"work < {int(below)}")
        where = f"WHERE {' AND '.join(bounds)} " if bounds else ""
        statements.append(
            f"b{n}(id, score, name_key) AS (SELECT id, score, name_key FROM c {where}"  # noqa: S608 - integers of our own; values stay parameters
            f"ORDER BY score DESC, name_key, id LIMIT {int(limit)})"
        )
        if n == 1:
            statements.append("t1(id, score, name_key) AS (SELECT id, score, name_key FROM b1)")
            continue
        # Read only when the list so far is short, or someone in this tier could still
        # reach its last place (a tie included: she may come first by name).
        statements.append(
            f"g{n}(open) AS (SELECT COUNT(*) < {int(limit)} "  # noqa: S608 - integers of our own; values stay parameters
            f"OR MIN(score) - {int(most)} <= {int(highest)} FROM t{n - 1})"
        )
        statements.append(
            f"t{n}(id, score, name_key) AS (SELECT id, score, name_key FROM t{n - 1} "  # noqa: S608 - integers of our own; values stay parameters
            f"UNION ALL SELECT id, score, name_key FROM b{n} WHERE (SELECT open FROM g{n}) "
            f"ORDER BY score DESC, name_key, id LIMIT {int(limit)})"
        )
    last = f"t{len(tiers)}"
    sql = f"WITH {', '.join(statements)} SELECT id FROM {last} ORDER BY score DESC, name_key, id"  # noqa: S608 - integers of our own; values stay parameters
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _explained(work: Work, row: Any) -> Match:
    w = weights()
    reasons = []
    if work.counted_area_ids:
        names = [area.name for area in row.areas.all() if area.pk in work.counted_area_ids]
        if names:
            text = _("Alanı eşleşiyor (%(areas)s): +%(points)d") % {
                "areas": ", ".join(sorted(names)),
                "points": row._p_areas,
            }
        else:
            text = _("Alanı eşleşmiyor: +0")
        reasons.append(Reason("areas", text, row._p_areas))
    if work.required_language_ids:
        known = [
            f"{known.language.name} ({known.get_level_display()})"
            for known in row.languages.all()
            if known.language_id in work.required_language_ids
        ]
        template = (
            _("Gereken dilleri biliyor (%(languages)s): +%(points)d")
            if row._p_languages == w["languages"]
            else _("Gereken dilleri biliyor, ileri düzeyde değil (%(languages)s): +%(points)d")
        )
        text = template % {"languages": ", ".join(sorted(known)), "points": row._p_languages}
        reasons.append(Reason("languages", text, row._p_languages))
    reasons.append(_distance_reason(work, row))
    if work.shift is not None:
        _weekday, taken = parts_taken(work.shift.starts_at, work.shift.ends_at)
        covered = _covered_of(row.availability, _taken_bits(work.shift)) if taken else 0
        if taken and not covered:
            text = _("Haftalık uygunluğu vardiyanın saatlerini kapsamıyor: +0")
        elif taken:
            text = _(
                "Vardiyanın %(parts)d gün bölümünden %(covered)d tanesinde uygun: +%(points)d"
            ) % {"parts": len(taken), "covered": covered, "points": row._p_availability}
        else:
            text = _("Vardiya, haftalık uygunluk bölümlerinin dışında: +0")
        reasons.append(Reason("availability", text, row._p_availability))
    reasons.append(
        Reason(
            "fair_share",
            _("Son %(days)d günde %(hours)s onaylı saat: +%(points)d")
            % {
                "days": settings.MATCHING_FAIR_SHARE_DAYS,
                "hours": floatformat(row._recent_hours, "-2"),
                "points": row._p_fair_share,
            },
            row._p_fair_share,
        )
    )
    if row._decided:
        text = _("%(decided)d vardiyanın %(attended)d tanesine geldi: +%(points)d") % {
            "decided": row._decided,
            "attended": row._attended,
            "points": row._p_reliability,
        }
    else:
        text = _("Henüz katılım kaydı yok: +%(points)d") % {"points": row._p_reliability}
    reasons.append(Reason("reliability", text, row._p_reliability))
    if row._p_first_timer:
        reasons.append(
            Reason(
                "first_timer",
                _("İlk kez katılacak: +%(points)d") % {"points": row._p_first_timer},
                row._p_first_timer,
            )
        )
    return Match(
        volunteer=row,
        score=sum(getattr(row, f"_p_{key}") for key in (*PARTS, "first_timer")),
        reasons=reasons,
        first_timer=not row._attended,
    )


def summary_in(work: Work, match: Match, language: str) -> str:
    """The match's reasons in `language`: said again from the row the ranking read, so no
    query and the same numbers."""
    with translation.override(language):
        return _explained(work, match.volunteer).summary


def _distance_reason(work: Work, row: Any) -> Reason:
    if work.is_online:
        return Reason("distance", _("Çevrim içi: uzaklık önemli değil: +0"), 0)
    km = districts.km(row.district.slug, work.activity.district.slug)
    if km is None:
        text = _("%(district)s için uzaklık bilinmiyor: +0") % {"district": row.district.name}
        return Reason("distance", text, 0)
    text = _("%(from)s → %(to)s %(km)d km: +%(points)d") % {
        "from": row.district.name,
        "to": work.activity.district.name,
        "km": km,
        "points": row._p_distance,
    }
    return Reason("distance", text, row._p_distance)


# Work for a volunteer ("recommended for you") --------------------------------------------------


@dataclass
class Recommendation:
    shift: Shift | None
    task: Task | None
    score: int
    reasons: list[Reason]

    @property
    def activity(self) -> Activity:
        return (self.shift or self.task).activity  # type: ignore[union-attr]  # one is set


def _required(model: type[Shift] | type[Task], what: str) -> QuerySet[Any]:
    """The ids of `model`'s rows that require some area or language (`what`), as the rows of
    its through table: filtered by the area or language, an `IN` list for the requirements
    and the score parts below."""
    through: type[models.Model] = getattr(model, f"required_{what}").through
    return through._default_manager.values(f"{model._meta.model_name}_id")


def _meets_requirements(
    model: type[Shift] | type[Task], area_ids: list[int], language_ids: list[int]
) -> Q:
    """Rows of `model` whose required areas and languages a volunteer with these meets.

    As `IN` lists that do not refer to the row: the database reads each once and looks the
    row up in it (a hashed subplan on PostgreSQL), where a correlated EXISTS searched its
    index once for every open shift."""
    areas = _required(model, "areas")
    languages = _required(model, "languages")
    return (~Q(pk__in=areas) | Q(pk__in=areas.filter(volunteerarea_id__in=area_ids))) & ~Q(
        pk__in=languages.exclude(language_id__in=language_ids)
    )


def _not_dismissed(volunteer: Volunteer, key: str) -> Q:
    """What she has not said "not interested" to (`key`: shift_id or task_id), read once
    as a list for the same reason as the requirements."""
    return ~Q(
        pk__in=Dismissal.objects.filter(volunteer=volunteer, **{f"{key}__isnull": False}).values(
            key
        )
    )


def _counted_areas_case(model: type[Shift] | type[Task], area_ids: list[int], weight: int) -> Case:
    """The "areas" part from the work's side: one of her areas among its required areas, or
    (when it requires none) among its activity's areas.

    As `IN` lists, like the requirements (`_meets_requirements`): read once and hashed,
    where a correlated EXISTS ran three index searches for every open shift scored."""
    required = _required(model, "areas")
    of_her_areas = Activity.areas.through.objects.filter(volunteerarea_id__in=area_ids)
    return Case(
        When(Q(pk__in=required.filter(volunteerarea_id__in=area_ids)), then=Value(weight)),
        When(
            ~Q(pk__in=required) & Q(activity_id__in=of_her_areas.values("activity_id")),
            then=Value(weight),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )


def _languages_case(model: type[Shift] | type[Task], low_ids: list[int], weight: int) -> Case:
    """The "languages" part from the work's side (`IN` lists, as the areas')."""
    required = _required(model, "languages")
    return Case(
        When(~Q(pk__in=required), then=Value(0)),
        When(Q(pk__in=required.filter(language_id__in=low_ids)), then=Value(weight // 2)),
        default=Value(weight),
        output_field=IntegerField(),
    )


def _online() -> Q:
    return (Q(activity__address="") & ~Q(activity__online_url="")) | Q(
        activity__district__kind=District.Kind.ONLINE
    )


def _busy_times(
    volunteer: Volunteer, *, now: datetime.datetime
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The times she is booked from now on (a confirmed, pending or waitlisted sign-up on a
    shift still ahead: only those can overlap a shift that has not started), merged into
    disjoint (start, end) periods in time order: one small query."""
    bookings = (
        SignUp.objects.filter(
            volunteer=volunteer, status__in=SignUp.ACTIVE_STATUSES, shift__ends_at__gt=now
        )
        .order_by("shift__starts_at")
        .values_list("shift__starts_at", "shift__ends_at")
    )
    merged: list[tuple[datetime.datetime, datetime.datetime]] = []
    for starts_at, ends_at in bookings:
        if merged and starts_at < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], ends_at))
        else:
            merged.append((starts_at, ends_at))
    return merged


def _overlaps_any(periods: Sequence[tuple[datetime.datetime, datetime.datetime]]) -> RawSQL:
    """Shifts that overlap one of these disjoint periods (in time order).

    On PostgreSQL, one multirange of her periods that each shift's own range is tested
    against (`&&`, a binary search inside the database). Elsewhere, the same search written
    out: a shift overlaps one of them exactly when the last period starting before the shift
    ends is still running when the shift starts: the periods before it ended earlier still
    (they are disjoint and in order), the ones after start too late. So each shift is
    compared with about 2·log₂(n) constants instead of joined to her n bookings: for a
    busy volunteer the join made 3.5 million comparisons for 22,000 open shifts
    (docs/performance.md). Written as SQL text with parameters: as Q objects, Django took
    longer to compile the tree of a few hundred nodes than the database took to run it; as
    a tree, PostgreSQL took 7 ms to plan it for 200 periods, the multirange 3."""
    table = connection.ops.quote_name(Shift._meta.db_table)
    starts = f"{table}.{connection.ops.quote_name('starts_at')}"
    ends = f"{table}.{connection.ops.quote_name('ends_at')}"
    if not periods:
        return RawSQL("1 = 0", [], output_field=BooleanField())
    if connection.vendor == "postgresql":
        # Half-open ranges, [start, end): the tree's `ends > start AND starts < end`. A
        # shift's range is never empty (it ends after it starts: the model's constraint).
        ranges = ",".join(f'["{start.isoformat()}","{end.isoformat()}")' for start, end in periods)
        her_times = f"{{{ranges}}}"
        return RawSQL(  # noqa: S611  # column names in the text; her times are a parameter
            f"tstzrange({starts}, {ends}) && %s::tstzmultirange",
            [her_times],
            output_field=BooleanField(),
        )
    params: list[Any] = []

    def value(moment: datetime.datetime) -> Any:
        return connection.ops.adapt_datetimefield_value(moment)

    def search(part: Sequence[tuple[datetime.datetime, datetime.datetime]]) -> str:
        if len(part) == 1:
            params.extend([value(part[0][0]), value(part[0][1])])
            return f"({ends} > %s AND {starts} < %s)"
        middle = len(part) // 2
        pivot = value(part[middle][0])
        params.append(pivot)
        later = search(part[middle:])
        params.append(pivot)
        earlier = search(part[:middle])
        return f"(({ends} > %s AND {later}) OR ({ends} <= %s AND {earlier}))"

    # Only column names and placeholders are in the text; every value is a parameter.
    return RawSQL(search(periods), params, output_field=BooleanField())  # noqa: S611


def _first_with_a_free_place(ordered: QuerySet[Shift], count: int) -> list[int]:
    """The ids of the first `count` shifts of `ordered` that still have a free place.

    The places are counted only for the shifts read, in order, until `count` are found.
    Counted inside the ordering query, a correlated count per open shift, they cost most
    of a busy volunteer's /me/ at scale 1.0 (22,000 open shifts: 140 of its 200 ms), since
    the score has no index and every row is scored and filtered before the sort.
    OFFSET 0 keeps the database from merging the two queries (it would count for every row
    again); a subquery's order reaches an outer query that has no join, grouping or order
    of its own unchanged, on PostgreSQL and on SQLite, and the tests check the result
    against counting first."""
    if count <= 0:
        return []
    database = connections[ordered.db]
    inner, params = ordered.values_list("pk", "capacity").query.sql_with_params()
    # SQLite has OFFSET only after a LIMIT (-1: none).
    keep = "LIMIT -1 OFFSET 0" if database.vendor == "sqlite" else "OFFSET 0"
    signups = database.ops.quote_name(SignUp._meta.db_table)
    statuses = list(SignUp.PLACE_HOLDING_STATUSES)
    marks = ", ".join(["%s"] * len(statuses))
    sql = (
        f"SELECT s.pk FROM ({inner} {keep}) s WHERE s.capacity > "  # noqa: S608 - names of our own; values stay parameters
        f"(SELECT COUNT(*) FROM {signups} h WHERE h.shift_id = s.pk AND h.status IN ({marks})) "
        f"LIMIT {int(count)}"
    )
    with database.cursor() as cursor:
        cursor.execute(sql, [*params, *statuses])
        return [row[0] for row in cursor.fetchall()]


def recommendations(volunteer: Volunteer, *, limit: int | None = None) -> list[Recommendation]:
    """Open shifts and tasks ranked for this volunteer, best first, each with its reasons.

    Open: its activity is published, a shift has not started and has a free place, a task
    is not due yet and has a free place. Left out: what she cannot take (requirements,
    an overlapping booking), what she already has, and what she said she is not
    interested in. Bounded: each of the two lists is ranked and cut in the database (shifts
    by areas, languages and distance, `AVAILABILITY_RERANK` times the list's length, then
    re-ranked with availability, which is read from the rows fetched).
    """
    if not volunteer.is_active:
        return []
    w = weights()
    limit = settings.MATCHING_RECOMMENDATIONS if limit is None else limit
    now = timezone.now()
    area_ids = list(volunteer.areas.values_list("pk", flat=True))
    known = list(volunteer.languages.values_list("language_id", "level"))
    language_ids = [language_id for language_id, _level in known]
    low_ids = [language_id for language_id, level in known if level in LOW_LEVELS]
    every_district = {district.pk: district for district in District.objects.all()}
    slugs = {pk: district.slug for pk, district in every_district.items()}
    home = slugs.get(volunteer.district_id, "")
    her_district = every_district.get(volunteer.district_id)
    distance = (
        _distance_case("activity__district_id", home, slugs, w["distance"]) if home else Value(0)
    )
    distance_part = Case(
        When(_online(), then=Value(0)), default=distance, output_field=IntegerField()
    )

    def scored(queryset: QuerySet[Any], model: type[Shift] | type[Task]) -> QuerySet[Any]:
        """The parts the database can score for her (availability is added below)."""
        annotated: QuerySet[Any] = (
            queryset.annotate(
                _p_areas=_counted_areas_case(model, area_ids, w["areas"]),
                _p_languages=_languages_case(model, low_ids, w["languages"]),
                _p_distance=distance_part,
            )
            .annotate(score=F("_p_areas") + F("_p_languages") + F("_p_distance"))
            .select_related("activity__district")
        )
        return annotated

    open_shifts = (
        Shift.objects.filter(activity__status=Activity.Status.PUBLISHED, starts_at__gt=now)
        .filter(_meets_requirements(Shift, area_ids, language_ids))
        .exclude(_overlaps_any(_busy_times(volunteer, now=now)))
        .filter(_not_dismissed(volunteer, "shift_id"))
    )
    in_order = ("-score", "starts_at", "pk")
    chosen = _first_with_a_free_place(
        scored(open_shifts, Shift).order_by(*in_order), limit * AVAILABILITY_RERANK
    )
    shifts = scored(Shift.objects.filter(pk__in=chosen), Shift).order_by(*in_order)
    open_tasks = (
        Task.objects.filter(
            activity__status=Activity.Status.PUBLISHED, due_date__gte=timezone.localdate()
        )
        .filter(_meets_requirements(Task, area_ids, language_ids))
        .exclude(
            Exists(
                TaskAssignment.objects.filter(
                    volunteer=volunteer,
                    task_id=OuterRef("pk"),
                    status__in=TaskAssignment.ACTIVE_STATUSES,
                )
            )
        )
        .filter(_not_dismissed(volunteer, "task_id"))
        .annotate(
            _held=_count_of(
                TaskAssignment.objects.filter(
                    task_id=OuterRef("pk"), status__in=TaskAssignment.ACTIVE_STATUSES
                ),
                "task_id",
            )
        )
        .filter(_held__lt=F("places"))
    )
    tasks = scored(open_tasks, Task).order_by("-score", "due_date", "pk")[:limit]
    found = []
    row: Any
    for row in shifts:
        # Availability, from her week and the shift's hours, for the bounded few the
        # database chose by the other parts (the same rule as for a coordinator).
        weekday, taken = parts_taken(row.starts_at, row.ends_at)
        covered = sum(1 for part in taken if volunteer.availability & _slot_bit(weekday, part))
        row._p_availability = _share(w["availability"], covered, len(taken))
        row.score += row._p_availability
        found.append(
            Recommendation(
                shift=row,
                task=None,
                score=row.score,
                reasons=_reasons_for_her(row, her_district, shift=True),
            )
        )
    found += [
        Recommendation(
            shift=None,
            task=row,
            score=row.score,
            reasons=_reasons_for_her(row, her_district, shift=False),
        )
        for row in tasks
    ]
    found.sort(key=lambda item: (-item.score, _when(item), item.activity.pk))
    return found[:limit]


def _when(item: Recommendation) -> datetime.datetime:
    if item.shift is not None:
        return item.shift.starts_at
    due = item.task.due_date if item.task is not None else timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(due, datetime.time(23, 59)))


def _reasons_for_her(row: Any, home: District | None, *, shift: bool) -> list[Reason]:
    """Her list's reasons, in the second person: "Alanlarınızdan biri: +30"."""
    reasons = []
    if row._p_areas:
        reasons.append(
            Reason(
                "areas",
                _("Alanlarınızdan biri için: +%(points)d") % {"points": row._p_areas},
                row._p_areas,
            )
        )
    if row._p_languages:
        reasons.append(
            Reason(
                "languages",
                _("Bildiğiniz bir dil gerekiyor: +%(points)d") % {"points": row._p_languages},
                row._p_languages,
            )
        )
    activity = row.activity
    if is_online(activity):
        reasons.append(Reason("distance", _("Çevrim içi: nereden olursa katılabilirsiniz"), 0))
    elif home is not None:
        km = districts.km(home.slug, activity.district.slug)
        if km is not None:
            reasons.append(
                Reason(
                    "distance",
                    _("%(from)s → %(to)s %(km)d km: +%(points)d")
                    % {
                        "from": home.name,
                        "to": activity.district.name,
                        "km": km,
                        "points": row._p_distance,
                    },
                    row._p_distance,
                )
            )
    if shift and row._p_availability:
        reasons.append(
            Reason(
                "availability",
                _("Haftalık uygunluğunuza uyuyor: +%(points)d") % {"points": row._p_availability},
                row._p_availability,
            )
        )
    return reasons


# Invitations, for staff pages ------------------------------------------------------------------


def shown_status() -> Case:
    """An invitation still "sent" past its expiry is shown as expired (the link refuses it)."""
    return Case(
        When(
            Q(status=Invitation.Status.SENT) & Q(expires_at__lte=timezone.now()),
            then=Value(Invitation.Status.EXPIRED.value),
        ),
        default=F("status"),
    )


def invitations_of(*, shift: Shift | None = None, task: Task | None = None) -> QuerySet[Invitation]:
    """The invitations to one shift or task, newest first, with `shown` (their status now)."""
    queryset = (
        Invitation.objects.filter(shift=shift)
        if shift is not None
        else Invitation.objects.filter(task=task)
    )
    return (
        queryset.annotate(shown=shown_status())
        .select_related("volunteer", "invited_by")
        .order_by("-sent_at", "-pk")
    )


def status_counts(invitations: Sequence[Invitation]) -> dict[str, int]:
    counts = dict.fromkeys(Invitation.Status.values, 0)
    for invitation in invitations:
        counts[invitation.shown] += 1  # type: ignore[attr-defined]  # annotated by invitations_of
    return counts


def status_label(value: str) -> StrOrPromise:
    return Invitation.Status(value).label

"""The bench's activities: each with ten daily shifts, about twenty sign-ups a shift, and hours
for the attended ones of shifts already over.

Past activities are completed, the rest published. One activity, `BIG_ACTIVITY_TITLE`,
holds `big_roster` sign-ups (the large roster measured by `bench`), and the busy volunteer
(the first) is in up to `BUSY_SIGNUPS` shifts spread over the whole timeline. A shift's
volunteers come from a random generator seeded by the shift, so the sign-ups and their
hours are written in two passes over the same choices without holding a million rows in
memory.
"""

import datetime
import decimal
import random
import uuid

from django.utils import timezone

from esit.activities.models import Activity, ActivityKind, HoursEntry, Shift, SignUp
from esit.core.turkish import search_key

from .names import ACTIVITY_TOPICS
from .sizes import (
    ATTENDED_SHARE,
    BIG_ACTIVITY_TITLE,
    BUSY_SIGNUPS,
    PAST_SHARE,
    SHIFTS_PER_ACTIVITY,
)

SHIFT_HOURS = 3
PENDING_HOURS_SHARE = 0.1
DESCRIPTION = (
    "Bu etkinlikte İzmirli kadınlar ve gönüllüler bir araya geliyor. Toplumsal cinsiyet "
    "eşitliği üzerine konuşuyor, deneyimlerimizi paylaşıyor ve mahallemizde neler "
    "yapabileceğimizi birlikte planlıyoruz. Çocuklar için oyun alanı, işaret dili çevirisi "
    "ve erişilebilir bir salon var. Katılmak ücretsizdir; gönüllülerimiz sizi kapıda "
    "karşılayacak. "
) * 3


class Timeline:
    """Where each activity and shift falls: evenly from 550 days ago to 450 days ahead."""

    def __init__(self, *, now, activities: int):
        self.now = now
        self.count = activities
        self.past_days = int(1000 * PAST_SHARE)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.start = midnight - datetime.timedelta(days=self.past_days)

    def activity_start(self, index: int) -> datetime.datetime:
        day = index * 1000 // self.count
        return self.start + datetime.timedelta(days=day, hours=7)  # 10:00 in İzmir (UTC+3)

    def shift_start(self, activity_index: int, shift_number: int) -> datetime.datetime:
        return self.activity_start(activity_index) + datetime.timedelta(days=shift_number)


class Plan:
    """How many sign-ups each shift gets, and which shifts the busy volunteer is in."""

    def __init__(self, sizes, *, big_index: int, active_volunteers: int):
        self.sizes = sizes
        self.big_index = big_index
        self.pool = max(1, active_volunteers - 1)  # everyone but the busy volunteer
        big_shifts = SHIFTS_PER_ACTIVITY
        normal_shifts = max(1, sizes.shifts - big_shifts)
        rest = max(0, sizes.signups - sizes.big_roster)
        self.normal, self.normal_extra = divmod(rest, normal_shifts)
        self.big, self.big_extra = divmod(sizes.big_roster, big_shifts)
        busy = min(BUSY_SIGNUPS, normal_shifts)
        self.busy_every = max(1, normal_shifts // busy)
        self.busy_count = busy

    def count(self, activity_index: int, shift_number: int, normal_position: int) -> int:
        if activity_index == self.big_index:
            wanted = self.big + (1 if shift_number < self.big_extra else 0)
        else:
            wanted = self.normal + (1 if normal_position < self.normal_extra else 0)
        return min(wanted, self.pool)

    def has_busy(self, activity_index: int, normal_position: int) -> bool:
        return (
            activity_index != self.big_index
            and normal_position % self.busy_every == 0
            and normal_position // self.busy_every < self.busy_count
        )


def seed_activities(writer, sizes, ref, *, seed: int, staff, first_volunteer: int, active: int):
    rng = random.Random(f"{seed}-activities")
    timeline = Timeline(now=writer.now, activities=sizes.activities)
    kinds = list(ActivityKind.objects.values_list("pk", flat=True))
    first_activity = writer.first_id(Activity)
    first_shift = writer.first_id(Shift)
    first_signup = writer.first_id(SignUp)
    # The big activity starts soon: its roster is the one coordinators open before the day.
    big_index = min(sizes.activities - 1, int(sizes.activities * PAST_SHARE) + 1)
    plan = Plan(sizes, big_index=big_index, active_volunteers=active)
    activity_areas = [rng.sample(ref.areas, rng.randint(1, 2)) for _ in range(sizes.activities)]

    def activities():
        for index in range(sizes.activities):
            starts = timeline.activity_start(index)
            ends = timeline.shift_start(index, SHIFTS_PER_ACTIVITY - 1) + datetime.timedelta(
                hours=SHIFT_HOURS
            )
            if index == big_index:
                title = BIG_ACTIVITY_TITLE
            else:
                title = f"{rng.choice(ACTIVITY_TOPICS)} #{index + 1}"
            yield (
                first_activity + index,
                rng.choice(kinds),
                title,
                f"Activity {index + 1}",
                DESCRIPTION,
                rng.choice(ref.districts),
                "Kültürpark, Şehitler Cd. No:1, Konak",
                starts,
                ends,
                Activity.Status.COMPLETED if ends < writer.now else Activity.Status.PUBLISHED,
                search_key(title, f"Activity {index + 1}"),
                uuid.UUID(int=rng.getrandbits(128), version=4),
                staff.pk,
            )

    writer.write(
        Activity,
        (
            "id",
            "kind_id",
            "title_tr",
            "title_en",
            "description_tr",
            "district_id",
            "address",
            "starts_at",
            "ends_at",
            "status",
            "search_text",
            "uid",
            "created_by_id",
        ),
        activities(),
        total=sizes.activities,
        label="activities",
    )
    writer.write(
        Activity.areas.through,
        ("activity_id", "volunteerarea_id"),
        ((first_activity + i, a) for i, areas in enumerate(activity_areas) for a in areas),
        total=sum(len(a) for a in activity_areas),
        label="activities' areas",
    )

    def shifts():
        for index in range(sizes.activities):
            for number in range(SHIFTS_PER_ACTIVITY):
                starts = timeline.shift_start(index, number)
                count = plan.count(index, number, _position(index, number, big_index))
                yield (
                    first_shift + index * SHIFTS_PER_ACTIVITY + number,
                    first_activity + index,
                    starts,
                    starts + datetime.timedelta(hours=SHIFT_HOURS),
                    count + 5,
                )

    writer.write(
        Shift,
        ("id", "activity_id", "starts_at", "ends_at", "capacity"),
        shifts(),
        total=sizes.shifts,
        label="shifts",
    )

    def each_signup():
        """(signup id, activity index, shift id, shift start, volunteer id, shift's rng)."""
        signup_id = first_signup
        for index in range(sizes.activities):
            for number in range(SHIFTS_PER_ACTIVITY):
                position = _position(index, number, big_index)
                shift_rng = random.Random(f"{seed}-shift-{index}-{number}")
                count = plan.count(index, number, position)
                picked = [1 + p for p in shift_rng.sample(range(plan.pool), count)]
                if plan.has_busy(index, position) and picked:
                    picked[0] = 0
                starts = timeline.shift_start(index, number)
                shift_id = first_shift + index * SHIFTS_PER_ACTIVITY + number
                for volunteer in picked:
                    yield signup_id, index, shift_id, starts, first_volunteer + volunteer, shift_rng
                    signup_id += 1

    def outcome(starts, shift_rng):
        """(status, attendance, hours status) of one sign-up, drawn in one fixed order."""
        draw, review = shift_rng.random(), shift_rng.random()
        if starts + datetime.timedelta(hours=SHIFT_HOURS) < writer.now:
            if draw < ATTENDED_SHARE:
                hours = (
                    HoursEntry.Status.PENDING
                    if review < PENDING_HOURS_SHARE
                    else HoursEntry.Status.APPROVED
                )
                return SignUp.Status.CONFIRMED, SignUp.Attendance.ATTENDED, hours
            return SignUp.Status.CONFIRMED, SignUp.Attendance.NO_SHOW, None
        if draw < 0.1:
            return SignUp.Status.CANCELLED, SignUp.Attendance.UNKNOWN, None
        return SignUp.Status.CONFIRMED, SignUp.Attendance.UNKNOWN, None

    with_hours = []

    def signups():
        for signup_id, _index, shift_id, starts, volunteer_id, shift_rng in each_signup():
            status, attendance, hours_status = outcome(starts, shift_rng)
            if hours_status is not None:
                with_hours.append(True)
            created = starts - datetime.timedelta(days=7 + signup_id % 20)
            yield (
                signup_id,
                shift_id,
                volunteer_id,
                status,
                created,
                created + datetime.timedelta(days=1) if status == SignUp.Status.CANCELLED else None,
                attendance,
                starts if attendance == SignUp.Attendance.ATTENDED else None,
            )

    writer.write(
        SignUp,
        (
            "id",
            "shift_id",
            "volunteer_id",
            "status",
            "created_at",
            "cancelled_at",
            "attendance",
            "checked_in_at",
        ),
        signups(),
        total=sizes.signups,
        label="sign-ups",
    )
    hours = decimal.Decimal(SHIFT_HOURS)

    def hours_entries():
        for signup_id, index, _shift_id, starts, volunteer_id, shift_rng in each_signup():
            _status, _attendance, hours_status = outcome(starts, shift_rng)
            if hours_status is None:
                continue
            approved = hours_status == HoursEntry.Status.APPROVED
            yield (
                volunteer_id,
                HoursEntry.Source.ATTENDANCE,
                signup_id,
                first_activity + index,
                activity_areas[index][0],
                timezone.localtime(starts, timezone.get_default_timezone()).date(),
                hours,
                hours_status,
                staff.pk if approved else None,
                starts + datetime.timedelta(days=1) if approved else None,
            )

    writer.write(
        HoursEntry,
        (
            "volunteer_id",
            "source",
            "signup_id",
            "activity_id",
            "area_id",
            "date",
            "hours",
            "status",
            "reviewed_by_id",
            "reviewed_at",
        ),
        hours_entries(),
        total=len(with_hours),
        label="hours",
    )


def _position(index: int, number: int, big_index: int) -> int:
    """A shift's place among the shifts outside the big activity."""
    flat = index * SHIFTS_PER_ACTIVITY + number
    return flat - SHIFTS_PER_ACTIVITY if index > big_index else flat

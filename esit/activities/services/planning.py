"""Planning rules: staff create and run activities, their shifts and their tasks.

Every service runs in one transaction and locks the rows it checks against,
so a rule holds even when two coordinators edit at once. Locks are taken
through services/locks.py, in the order docs/activities.md fixes: planning
never locks a volunteer's row, and
within an activity it locks the parent before the child (the activity, then
its shift or task), so it cannot deadlock with a sign-up that locks the
volunteer and then the shift.

Rules that need more than one field (end after start, a shift inside its
activity, capacity against confirmed places) live here, not in the forms, so
a view, a command and a test all meet the same rule and the same message.
Each refusal is an ActivityError whose `field` tells the form where to show it.
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.core.turkish import search_key
from esit.notifications.services import notify_many
from esit.reference.models import District, Language, PlanGoal, VolunteerArea

from ..models import Activity, Participant, Shift, SignUp, Task, TaskAssignment
from ..selectors.scope import RUN_ACTIVITIES, check_actor, visible_activities
from . import locks, participants, signups, trail, work
from .errors import ActivityError

MAX_REPEAT_WEEKS = 52
MAX_ESTIMATED_HOURS = Decimal(200)

# What staff may set on an activity; status CANCELLED only through cancel_activity.
ACTIVITY_FIELDS = frozenset(
    {
        "kind",
        "title_tr",
        "title_en",
        "description_tr",
        "description_en",
        "district",
        "address",
        "online_url",
        "starts_at",
        "ends_at",
        "status",
        "requires_approval",
        "cancellation_deadline_hours",
        "public_registration",
        "public_capacity",
    }
)
EDITABLE_STATUSES = (Activity.Status.DRAFT, Activity.Status.PUBLISHED, Activity.Status.COMPLETED)
SHIFT_FIELDS = frozenset({"starts_at", "ends_at", "capacity", "newcomer_places", "notes"})
TASK_FIELDS = frozenset({"title", "description", "due_date", "places", "estimated_hours"})

ACTIVE_SIGNUP = Q(status__in=SignUp.ACTIVE_STATUSES)
HOLDING_A_PLACE = Q(status__in=SignUp.PLACE_HOLDING_STATUSES)


def _require_aware(*moments: datetime.datetime | None) -> None:
    for moment in moments:
        if moment is not None and timezone.is_naive(moment):
            raise ValueError("Planning services take aware datetimes only.")


def _local_wall_clock(moment: datetime.datetime) -> datetime.datetime:
    """The moment as İzmir's clock shows it, without a zone, for calendar arithmetic."""
    return timezone.localtime(moment, timezone.get_default_timezone()).replace(tzinfo=None)


def _aware_from_wall_clock(wall_clock: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(wall_clock, timezone.get_default_timezone())


def _shifted(moment: datetime.datetime, offset: datetime.timedelta) -> datetime.datetime:
    """Move a moment by an offset on the wall clock: 14:00 stays 14:00 whatever the zone does."""
    return _aware_from_wall_clock(_local_wall_clock(moment) + offset)


def _locked_activity(activity: Activity) -> Activity:
    return locks.lock_activity(activity.pk)


# Activities -------------------------------------------------------------


def _unknown_fields(fields: Mapping[str, object], allowed: frozenset[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")


def _check_activity(values: dict[str, Any]) -> None:
    """The rules an activity's own fields must keep, whoever writes them."""
    _require_aware(values["starts_at"], values["ends_at"])
    if values["status"] not in EDITABLE_STATUSES:
        raise ActivityError(
            _("Etkinliği iptal etmek için ayrı “Etkinliği iptal et” işlemini kullanın."),
            field="status",
        )
    if values["ends_at"] <= values["starts_at"]:
        raise ActivityError(_("Bitiş, başlangıçtan sonra olmalı."), field="ends_at")
    district: District = values["district"]
    if district.kind == District.Kind.ONLINE and not values["online_url"]:
        raise ActivityError(
            _("Yalnızca çevrim içi bir etkinlik için çevrim içi bağlantıyı yazın."),
            field="online_url",
        )
    if not values["address"] and not values["online_url"]:
        raise ActivityError(
            _("Bir adres ya da çevrim içi bağlantı yazın; gelenler nereye gideceğini bilmeli."),
            field="address",
        )
    if values["public_registration"] and values["public_capacity"] <= 0:
        raise ActivityError(
            _("Halk kaydı açıksa katılımcı kontenjanı en az 1 olmalı."), field="public_capacity"
        )


def create_activity(
    *,
    by: User | None,
    areas: Iterable[VolunteerArea] = (),
    plan_goals: Iterable[PlanGoal] = (),
    **fields: Any,
) -> Activity:
    """Create an activity; it starts as a draft unless staff choose otherwise."""
    check_actor(by, RUN_ACTIVITIES)
    _unknown_fields(fields, ACTIVITY_FIELDS)
    values: dict[str, Any] = {
        "title_en": "",
        "description_en": "",
        "address": "",
        "online_url": "",
        "status": Activity.Status.DRAFT,
        "requires_approval": False,
        "cancellation_deadline_hours": 24,
        "public_registration": False,
        "public_capacity": 0,
        **fields,
    }
    _check_activity(values)
    with transaction.atomic():
        activity = Activity.objects.create(
            **values,
            created_by=by,
            search_text=search_key(values["title_tr"], values["title_en"]),
        )
        activity.areas.set(areas)
        activity.plan_goals.set(plan_goals)
        _check_within_scope(activity, by)
        if activity.status == Activity.Status.PUBLISHED:
            _record_published(activity, by)
    return activity


def _record_published(activity: Activity, by: User | None) -> None:
    trail.record(
        "activities.published",
        by=by,
        obj=activity,
        summary=_("Yayınlandı: %(shifts)d vardiya, %(tasks)d görev"),
        shifts=activity.shifts.count(),
        tasks=activity.tasks.count(),
    )


def _check_within_scope(activity: Activity, by: User | None) -> None:
    """A scoped coordinator plans only inside the scope: an activity they could no longer
    see once saved is refused (and rolled back), with the reason next to the district."""
    if by is not None and not visible_activities(by).filter(pk=activity.pk).exists():
        raise ActivityError(
            _(
                "Bu etkinlik sorumlu olduğunuz alan ve ilçelerin dışında kalıyor; "
                "alanlarınızdan ya da ilçelerinizden birini seçin."
            ),
            field="district",
        )


def update_activity(
    *,
    activity: Activity,
    by: User | None,
    areas: Iterable[VolunteerArea] | None = None,
    plan_goals: Iterable[PlanGoal] | None = None,
    **fields: Any,
) -> Activity:
    """Change an activity's details; its calendar `uid` never changes.

    A cancelled activity stays cancelled (copy it to run it again). The new
    dates must still hold every shift, and the public capacity cannot drop
    below the participants already confirmed: nobody loses a place by an edit.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=activity.pk)
    _unknown_fields(fields, ACTIVITY_FIELDS)
    with transaction.atomic():
        activity = _locked_activity(activity)
        if activity.status == Activity.Status.CANCELLED:
            raise ActivityError(
                _("İptal edilmiş bir etkinlik düzenlenemez; yeniden yapmak için kopyalayın.")
            )
        was_published = activity.status == Activity.Status.PUBLISHED
        values = {name: getattr(activity, name) for name in ACTIVITY_FIELDS} | fields
        _check_activity(values)
        outside = activity.shifts.filter(
            Q(starts_at__lt=values["starts_at"]) | Q(ends_at__gt=values["ends_at"])
        )
        if outside.exists():
            raise ActivityError(
                _(
                    "Bu etkinliğin bazı vardiyaları yeni tarihlerin dışında kalıyor; "
                    "önce o vardiyaları taşıyın ya da silin."
                ),
                field="starts_at",
            )
        confirmed = activity.participants.filter(status=Participant.Status.CONFIRMED).count()
        if values["public_capacity"] < confirmed:
            raise ActivityError(
                _(
                    "Katılımcı kontenjanı, kaydı onaylanmış %(count)d katılımcının altına "
                    "düşürülemez."
                )
                % {"count": confirmed},
                field="public_capacity",
            )
        for name, value in fields.items():
            setattr(activity, name, value)
        activity.search_text = search_key(activity.title_tr, activity.title_en)
        activity.save(update_fields=[*fields, "search_text", "updated_at"])
        if areas is not None:
            activity.areas.set(areas)
        if plan_goals is not None:
            activity.plan_goals.set(plan_goals)
        _check_within_scope(activity, by)
        if activity.status == Activity.Status.PUBLISHED and not was_published:
            _record_published(activity, by)
        # More public places (or the activity just published) go to the waitlist at once,
        # under the activity's lock already held.
        participants.promote_waitlisted(activity=activity)
    return activity


def cancel_activity(*, activity: Activity, by: User | None, message: str = "") -> Activity:
    """Cancel an activity and tell everyone who signed up or registered.

    Volunteers' sign-ups are cancelled by the sign-ups part
    (signups.notify_activity_cancelled), public participants' registrations
    here, all in one transaction; e-mails go out only once it commits, so
    nobody hears of a change that rolled back.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=activity.pk)
    with transaction.atomic():
        activity = _locked_activity(activity)
        if activity.status == Activity.Status.CANCELLED:
            raise ActivityError(_("Bu etkinlik zaten iptal edilmiş."))
        # Holding the shifts too means a sign-up that waits for its shift's lock reads
        # the activity as cancelled once it gets it, instead of slipping in.
        locks.lock_shifts_of(activity.pk)
        activity.status = Activity.Status.CANCELLED
        activity.save(update_fields=["status", "updated_at"])
        # The sign-ups part cancels the volunteers' sign-ups in this same transaction
        # and e-mails each of them once it commits.
        told = signups.notify_activity_cancelled(activity=activity)
        # Work on its tasks stops too; each volunteer is told after commit.
        work.cancel_for_activity(activity=activity)
        participant_ids = _cancel_participants(activity)
        trail.record(
            "activities.cancelled",
            by=by,
            obj=activity,
            summary=_(
                "%(signups)d vardiya kaydı ve %(participants)d katılımcı kaydı iptal edildi%(note)s"
            ),
            signups=told,
            participants=len(participant_ids),
            note=trail.reason_length(message),
        )
        # The coordinator's note is not on any row: it travels with each delivery.
        notify_many(
            "planning.participant_activity_cancelled",
            [
                (participant, participants.recipient_of(participant))
                for participant in Participant.objects.filter(pk__in=participant_ids)
            ],
            params={"message": message},
        )
    return activity


def _cancel_participants(activity: Activity) -> list[int]:
    """Cancel the public registrations of a cancelled activity (the activity row is locked).

    Private to planning until the participants part offers the same for its own rows.
    """
    active = activity.participants.filter(
        status__in=[Participant.Status.CONFIRMED, Participant.Status.WAITLISTED]
    )
    ids = list(active.values_list("pk", flat=True))
    active.update(status=Participant.Status.CANCELLED, cancelled_at=timezone.now())
    return ids


def copy_activity(*, activity: Activity, by: User | None, starts_at: datetime.datetime) -> Activity:
    """A draft copy of an activity starting at `starts_at`, with its shifts and tasks moved
    by the same offset on İzmir's wall clock; nobody's sign-up or registration comes along.

    The copy has its own calendar `uid`: it is a new event, not a move of the old one.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=activity.pk)
    _require_aware(starts_at)
    new_start, old_start = _local_wall_clock(starts_at), _local_wall_clock(activity.starts_at)
    offset = new_start - old_start
    day_offset = datetime.timedelta(days=(new_start.date() - old_start.date()).days)
    with transaction.atomic():
        source = Activity.objects.prefetch_related(
            "areas",
            "plan_goals",
            "shifts__required_areas",
            "shifts__required_languages",
            "tasks__required_areas",
            "tasks__required_languages",
        ).get(pk=activity.pk)
        copy = Activity.objects.create(
            **{name: getattr(source, name) for name in ACTIVITY_FIELDS - {"status"}}
            | {
                "starts_at": _shifted(source.starts_at, offset),
                "ends_at": _shifted(source.ends_at, offset),
            },
            status=Activity.Status.DRAFT,
            created_by=by,
            search_text=search_key(source.title_tr, source.title_en),
        )
        copy.areas.set(source.areas.all())
        copy.plan_goals.set(source.plan_goals.all())
        for shift in source.shifts.all():
            new_shift = Shift.objects.create(
                activity=copy,
                starts_at=_shifted(shift.starts_at, offset),
                ends_at=_shifted(shift.ends_at, offset),
                capacity=shift.capacity,
                newcomer_places=shift.newcomer_places,
                notes=shift.notes,
            )
            new_shift.required_areas.set(shift.required_areas.all())
            new_shift.required_languages.set(shift.required_languages.all())
        for task in source.tasks.all():
            new_task = Task.objects.create(
                activity=copy,
                title=task.title,
                description=task.description,
                due_date=task.due_date + day_offset,
                places=task.places,
                estimated_hours=task.estimated_hours,
            )
            new_task.required_areas.set(task.required_areas.all())
            new_task.required_languages.set(task.required_languages.all())
    return copy


# Shifts -----------------------------------------------------------------


def _refuse_if_cancelled(activity: Activity) -> None:
    if activity.status == Activity.Status.CANCELLED:
        raise ActivityError(_("Bu etkinlik iptal edildi; vardiyası ya da görevi değiştirilemez."))


def _overlapping_shifts(
    activity: Activity,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    *,
    exclude_pk: int | None = None,
) -> QuerySet[Shift]:
    shifts = activity.shifts.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    return shifts.exclude(pk=exclude_pk) if exclude_pk else shifts


def _check_shift(
    activity: Activity, values: dict[str, Any], *, exclude_pk: int | None = None
) -> None:
    """A shift lies inside its activity, ends after it starts and never overlaps a sibling.

    Parallel teams are one shift with a larger capacity, not two shifts at the
    same time: volunteers then see one clear choice and the roster one list.
    """
    _require_aware(values["starts_at"], values["ends_at"])
    if values["ends_at"] <= values["starts_at"]:
        raise ActivityError(_("Bitiş, başlangıçtan sonra olmalı."), field="ends_at")
    local = timezone.get_default_timezone()
    span = {
        "start": timezone.localtime(activity.starts_at, local).strftime("%d.%m.%Y %H:%M"),
        "end": timezone.localtime(activity.ends_at, local).strftime("%d.%m.%Y %H:%M"),
    }
    if values["starts_at"] < activity.starts_at:
        raise ActivityError(
            _("Vardiya, etkinliğin başlangıcından (%(start)s) önce başlayamaz.") % span,
            field="starts_at",
        )
    if values["ends_at"] > activity.ends_at:
        raise ActivityError(
            _("Vardiya, etkinliğin bitişinden (%(end)s) sonra bitemez.") % span,
            field="ends_at",
        )
    if values["capacity"] < 0:
        raise ActivityError(_("Kontenjan sıfırdan küçük olamaz."), field="capacity")
    if not 0 <= values["newcomer_places"] <= values["capacity"]:
        raise ActivityError(
            _("İlk kez katılacaklara ayrılan yer 0 ile kontenjan arasında olmalı."),
            field="newcomer_places",
        )
    clash = (
        _overlapping_shifts(activity, values["starts_at"], values["ends_at"], exclude_pk=exclude_pk)
        .order_by("starts_at")
        .first()
    )
    if clash is not None:
        raise ActivityError(
            _(
                "Bu saatler aynı etkinliğin %(start)s – %(end)s vardiyasıyla çakışıyor. "
                "Aynı saatte daha çok gönüllü için o vardiyanın kontenjanını artırın."
            )
            % {
                "start": timezone.localtime(clash.starts_at, local).strftime("%d.%m.%Y %H:%M"),
                "end": timezone.localtime(clash.ends_at, local).strftime("%H:%M"),
            },
            field="starts_at",
        )


def create_shift(
    *,
    activity: Activity,
    required_areas: Iterable[VolunteerArea] = (),
    required_languages: Iterable[Language] = (),
    **fields: Any,
) -> Shift:
    _unknown_fields(fields, SHIFT_FIELDS)
    values: dict[str, Any] = {"newcomer_places": 0, "notes": "", **fields}
    with transaction.atomic():
        activity = _locked_activity(activity)
        _refuse_if_cancelled(activity)
        _check_shift(activity, values)
        shift = Shift.objects.create(activity=activity, **values)
        shift.required_areas.set(required_areas)
        shift.required_languages.set(required_languages)
    return shift


def update_shift(
    *,
    shift: Shift,
    required_areas: Iterable[VolunteerArea] | None = None,
    required_languages: Iterable[Language] | None = None,
    **fields: Any,
) -> Shift:
    """Change a shift; its capacity never drops below the places already given out.

    The shift's row is locked before counting, so a sign-up cannot slip in
    between the count and the change.
    """
    _unknown_fields(fields, SHIFT_FIELDS)
    with transaction.atomic():
        activity = _locked_activity(shift.activity)
        _refuse_if_cancelled(activity)
        shift = locks.lock_shift(shift.pk)
        values = {name: getattr(shift, name) for name in SHIFT_FIELDS} | fields
        _check_shift(activity, values, exclude_pk=shift.pk)
        taken = shift.signups.filter(HOLDING_A_PLACE).count()
        if values["capacity"] < taken:
            raise ActivityError(
                _(
                    "Kontenjan, bu vardiyada yeri onaylanmış ya da onay bekleyen %(count)d "
                    "gönüllünün altına düşürülemez."
                )
                % {"count": taken},
                field="capacity",
            )
        for name, value in fields.items():
            setattr(shift, name, value)
        shift.activity = activity
        if fields:
            shift.save(update_fields=list(fields))
        if required_areas is not None:
            shift.required_areas.set(required_areas)
        if required_languages is not None:
            shift.required_languages.set(required_languages)
        grew = values["capacity"] > taken
    if grew:
        # Outside the transaction above: filling takes volunteers' rows before the shift's,
        # the one lock order every service keeps (docs/activities.md).
        signups.fill_from_waitlist(shift=shift)
    return shift


def delete_shift(*, shift: Shift) -> None:
    """Delete a shift nobody holds a place or a waitlist spot in; otherwise refuse."""
    with transaction.atomic():
        try:
            locked = locks.lock_shift(shift.pk)
        except Shift.DoesNotExist:
            return
        active = locked.signups.filter(ACTIVE_SIGNUP).count()
        if active:
            raise ActivityError(
                _(
                    "Bu vardiyada %(count)d etkin kayıt var; silmeden önce gönüllülerin "
                    "kayıtlarını iptal edin ya da kontenjanı düzenleyin."
                )
                % {"count": active}
            )
        locked.delete()


class ShiftRepeat(list[Shift]):
    """The shifts a weekly repeat created; `skipped` counts weeks left out for a clash."""

    skipped: int = 0


def weekly_occurrences(
    *, shift: Shift, weeks: int | None = None, until: datetime.date | None = None
) -> int:
    """How many weekly copies `weeks` or `until` asks for (checked against the limits)."""
    if weeks is not None and until is None:
        if not 1 <= weeks <= MAX_REPEAT_WEEKS:
            raise ActivityError(
                _("Hafta sayısı 1 ile %(max)d arasında olmalı.") % {"max": MAX_REPEAT_WEEKS},
                field="weeks",
            )
        return weeks
    if until is None or weeks is not None:
        raise ActivityError(_("Ya hafta sayısını ya da son tarihi yazın; ikisini birden değil."))
    first_day = _local_wall_clock(shift.starts_at).date()
    count = (until - first_day).days // 7
    if count < 1:
        raise ActivityError(_("Son tarih, vardiyadan en az bir hafta sonra olmalı."), field="until")
    if count > MAX_REPEAT_WEEKS:
        raise ActivityError(
            _("En çok %(max)d hafta tekrarlanabilir; daha yakın bir son tarih seçin.")
            % {"max": MAX_REPEAT_WEEKS},
            field="until",
        )
    return count


def repeat_shift_weekly(
    *, shift: Shift, weeks: int | None = None, until: datetime.date | None = None
) -> list[Shift]:
    """Copy a shift to the same weekday and wall-clock time for the following weeks.

    Weeks that would overlap an existing shift of the activity are skipped and
    counted, not an error: staff often repeat a slot around a special day that
    already has its own shift. Every copy must fall inside the activity, so a
    repeat past the activity's end is refused as a whole.
    """
    count = weekly_occurrences(shift=shift, weeks=weeks, until=until)
    field = "weeks" if weeks is not None else "until"
    with transaction.atomic():
        activity = _locked_activity(shift.activity)
        _refuse_if_cancelled(activity)
        source = (
            Shift.objects.prefetch_related("required_areas", "required_languages")
            .filter(activity=activity)
            .get(pk=shift.pk)
        )
        last_end = _shifted(source.ends_at, datetime.timedelta(weeks=count))
        if last_end > activity.ends_at:
            raise ActivityError(
                _(
                    "Son tekrar, etkinliğin bitişinden (%(end)s) sonraya düşüyor. "
                    "Daha az hafta seçin ya da önce etkinliğin bitişini uzatın."
                )
                % {
                    "end": timezone.localtime(
                        activity.ends_at, timezone.get_default_timezone()
                    ).strftime("%d.%m.%Y")
                },
                field=field,
            )
        created = ShiftRepeat()
        for week in range(1, count + 1):
            offset = datetime.timedelta(weeks=week)
            starts_at = _shifted(source.starts_at, offset)
            ends_at = _shifted(source.ends_at, offset)
            if _overlapping_shifts(activity, starts_at, ends_at).exists():
                created.skipped += 1
                continue
            copy = Shift.objects.create(
                activity=activity,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=source.capacity,
                newcomer_places=source.newcomer_places,
                notes=source.notes,
            )
            copy.required_areas.set(source.required_areas.all())
            copy.required_languages.set(source.required_languages.all())
            created.append(copy)
    return created


# Tasks ------------------------------------------------------------------


def _check_task(values: dict[str, Any]) -> None:
    if values["places"] < 1:
        raise ActivityError(_("Bir görev en az 1 gönüllü içindir."), field="places")
    hours = values["estimated_hours"]
    if hours is not None and not Decimal(0) < hours <= MAX_ESTIMATED_HOURS:
        raise ActivityError(
            _("Tahmini saat 0'dan büyük ve en çok %(max)d olmalı.")
            % {"max": int(MAX_ESTIMATED_HOURS)},
            field="estimated_hours",
        )


def _refuse_past_due_date(due_date: datetime.date) -> None:
    if due_date < timezone.localdate(timezone=timezone.get_default_timezone()):
        raise ActivityError(_("Teslim tarihi geçmişte olamaz."), field="due_date")


def create_task(
    *,
    activity: Activity,
    required_areas: Iterable[VolunteerArea] = (),
    required_languages: Iterable[Language] = (),
    **fields: Any,
) -> Task:
    _unknown_fields(fields, TASK_FIELDS)
    values: dict[str, Any] = {"places": 1, "estimated_hours": None, **fields}
    _check_task(values)
    _refuse_past_due_date(values["due_date"])
    with transaction.atomic():
        activity = _locked_activity(activity)
        _refuse_if_cancelled(activity)
        task = Task.objects.create(activity=activity, **values)
        task.required_areas.set(required_areas)
        task.required_languages.set(required_languages)
    return task


def update_task(
    *,
    task: Task,
    required_areas: Iterable[VolunteerArea] | None = None,
    required_languages: Iterable[Language] | None = None,
    **fields: Any,
) -> Task:
    """Change a task; its places never drop below the volunteers already working on it.

    A due date already past may stay as it is, but cannot be moved into the past.
    """
    _unknown_fields(fields, TASK_FIELDS)
    with transaction.atomic():
        activity = _locked_activity(task.activity)
        _refuse_if_cancelled(activity)
        task = locks.lock_task(task.pk)
        values = {name: getattr(task, name) for name in TASK_FIELDS} | fields
        _check_task(values)
        if values["due_date"] != task.due_date:
            _refuse_past_due_date(values["due_date"])
        working = task.assignments.filter(status__in=TaskAssignment.ACTIVE_STATUSES).count()
        if values["places"] < working:
            raise ActivityError(
                _("Yer sayısı, bu görevi üstlenmiş %(count)d gönüllünün altına düşürülemez.")
                % {"count": working},
                field="places",
            )
        for name, value in fields.items():
            setattr(task, name, value)
        task.activity = activity
        if fields:
            task.save(update_fields=list(fields))
        if required_areas is not None:
            task.required_areas.set(required_areas)
        if required_languages is not None:
            task.required_languages.set(required_languages)
    return task

"""Tasks: deliverable-based work that volunteers claim, deliver and coordinators review.

A task has a number of places; every active assignment (claimed, delivered,
returned or accepted) holds one. Services that take or free a place lock the
volunteer's row, then the task's (docs/activities.md), so two volunteers
claiming the last place at once cannot both win, and two requests cannot
deadlock. E-mails are notifications (kinds `work.*`, esit/activities/mail/work.py)
queued in the change's transaction: they leave only after the commit.
"""

import datetime
import decimal
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Task, TaskAssignment
from esit.notifications.services import Recipient, notify, notify_many
from esit.reference.models import VolunteerArea
from esit.volunteers.models import Volunteer

from ..selectors.scope import RUN_ACTIVITIES, check_actor
from . import locks, requirements, trail
from .errors import ActivityError
from .hours import area_of_activity

MAX_DELIVERY_BYTES = 10 * 1024 * 1024

# What a delivery may be, by extension, and how each kind of file begins: the name alone
# is what the sender chose, the first bytes are what the file really is.
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
DELIVERY_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": _ZIP,
    ".odt": _ZIP,
    ".zip": _ZIP,
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".txt": (),  # checked as text below
}


def _lock_volunteer(volunteer: Volunteer) -> Volunteer:
    return locks.lock_volunteer(volunteer.pk)


def _lock_task(task: Task) -> Task:
    # Only the task's row: the activity is read, not changed.
    return locks.lock_task(task.pk)


def _lock_assignment(assignment: TaskAssignment) -> TaskAssignment:
    """Lock volunteer, task, then the assignment itself: the documented order."""
    _lock_volunteer(assignment.volunteer)
    _lock_task(assignment.task)
    return (
        locks.assignments_for_update()
        .select_related("task__activity", "volunteer")
        .get(pk=assignment.pk)
    )


def _tell(kind: str, assignment: TaskAssignment, *, key: str = "") -> None:
    """Queue the message `kind` (work.*) to the assignment's volunteer."""
    notify(kind, obj=assignment, to=Recipient.of_user(assignment.volunteer.user), key=key)


def places_taken(task: Task) -> int:
    return TaskAssignment.objects.filter(
        task=task, status__in=TaskAssignment.ACTIVE_STATUSES
    ).count()


def _check_place_for(*, volunteer: Volunteer, task: Task, by_volunteer: bool) -> None:
    if not volunteer.is_active:
        raise ActivityError(
            _("Programdan ayrılmış bir gönüllü görev üstlenemez."), field="volunteer"
        )
    if task.activity.status == Activity.Status.CANCELLED:
        raise ActivityError(_("Bu etkinlik iptal edildi; görevleri üstlenilemez."))
    if task.due_date < timezone.localdate():
        raise ActivityError(_("Bu görevin teslim tarihi geçti; artık üstlenilemez."))
    already = TaskAssignment.objects.filter(
        task=task, volunteer=volunteer, status__in=TaskAssignment.ACTIVE_STATUSES
    ).exists()
    if already:
        if by_volunteer:
            raise ActivityError(_("Bu görevi zaten üstlendiniz."))
        raise ActivityError(_("Bu gönüllü bu görevi zaten üstlenmiş."), field="volunteer")
    if places_taken(task) >= task.places:
        raise ActivityError(_("Bu görevde boş yer kalmadı."))


def claim_task(*, volunteer: Volunteer, task: Task) -> TaskAssignment:
    """A volunteer takes one of a task's places.

    Only published activities offer their tasks, and only until the due date:
    work claimed after that could not be delivered in time. The volunteer must
    meet the task's required areas and languages (services/requirements.py).
    """
    with transaction.atomic():
        volunteer = _lock_volunteer(volunteer)
        task = _lock_task(task)
        if task.activity.status != Activity.Status.PUBLISHED:
            raise ActivityError(_("Bu etkinlik şu anda gönüllü almıyor."))
        _check_place_for(volunteer=volunteer, task=task, by_volunteer=True)
        requirements.check_for_volunteer(volunteer, task, kind="task")
        return TaskAssignment.objects.create(
            task=task,
            volunteer=volunteer,
            status=TaskAssignment.Status.CLAIMED,
            claimed_at=timezone.now(),
        )


def assign_task(
    *, task: Task, volunteer: Volunteer, by: User | None, override_requirements: bool = False
) -> TaskAssignment:
    """A coordinator gives a task to a volunteer; the same places rule holds, and they are told.

    Someone outside the task's required areas and languages only with
    `override_requirements` (the coordinator's explicit choice), recorded on
    the assignment with who made it and when.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=task.activity_id)
    with transaction.atomic():
        volunteer = _lock_volunteer(volunteer)
        task = _lock_task(task)
        _check_place_for(volunteer=volunteer, task=task, by_volunteer=False)
        waived = requirements.check_for_coordinator(
            volunteer, task, kind="task", override=override_requirements
        )
        now = timezone.now()
        assignment = TaskAssignment.objects.create(
            task=task,
            volunteer=volunteer,
            status=TaskAssignment.Status.CLAIMED,
            assigned_by=by,
            claimed_at=now,
            requirements_waived_by=by if waived else None,
            requirements_waived_at=now if waived else None,
        )
        _tell("work.task_assigned", assignment)
        trail.record(
            "activities.task_assigned",
            by=by,
            obj=assignment,
            person=volunteer,
            summary=_("Görev atandı%(waived)s."),
            waived=_("; gereken alan ve diller karşılanmadan") if waived else "",
        )
    return assignment


def release_task(*, assignment: TaskAssignment) -> TaskAssignment:
    """The volunteer gives the task back; its place is free for someone else at once.

    Work under review (delivered) or already accepted cannot be given back.
    """
    with transaction.atomic():
        assignment = _lock_assignment(assignment)
        if assignment.status not in (
            TaskAssignment.Status.CLAIMED,
            TaskAssignment.Status.RETURNED,
        ):
            raise ActivityError(_("Teslim edilmiş ya da kabul edilmiş bir görev bırakılamaz."))
        assignment.status = TaskAssignment.Status.CANCELLED
        assignment.save(update_fields=["status"])
    return assignment


# Statuses in which a volunteer still has work to do (or to hear about) on a task.
_STOPPABLE = (
    TaskAssignment.Status.CLAIMED,
    TaskAssignment.Status.RETURNED,
    TaskAssignment.Status.DELIVERED,
)


def release_volunteer(*, volunteer: Volunteer) -> int:
    """Give back the tasks a volunteer who left the programme still holds.

    Claimed and returned work is cancelled, so its places are free for others;
    work already delivered stays for a coordinator to review, and accepted work
    keeps its hours. The volunteer is not written to. Returns how many were cancelled.
    """
    with transaction.atomic():
        _lock_volunteer(volunteer)
        held = TaskAssignment.objects.filter(
            volunteer_id=volunteer.pk,
            status__in=(TaskAssignment.Status.CLAIMED, TaskAssignment.Status.RETURNED),
        )
        for task_id in sorted(set(held.values_list("task_id", flat=True))):
            locks.lock_task(task_id)
        ids = list(
            locks.assignments_for_update()
            .filter(pk__in=held.values("pk"))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return TaskAssignment.objects.filter(pk__in=ids).update(
            status=TaskAssignment.Status.CANCELLED
        )


def cancel_for_activity(*, activity: Activity) -> list[int]:
    """Stop the work on a cancelled activity's tasks and tell each volunteer by e-mail.

    Claimed, returned and delivered assignments are cancelled (accepted work
    keeps its hours). Called by planning's `cancel_activity` inside its
    transaction, with the activity's row locked; the tasks' rows are locked
    next, then the assignments', the documented order. Returns the ids cancelled.
    """
    with transaction.atomic():
        locks.lock_tasks_of(activity.pk)
        ids = list(
            locks.assignments_for_update()
            .filter(task__activity_id=activity.pk, status__in=_STOPPABLE)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        TaskAssignment.objects.filter(pk__in=ids).update(status=TaskAssignment.Status.CANCELLED)
        stopped = TaskAssignment.objects.filter(pk__in=ids).select_related("volunteer__user")
        notify_many(
            "work.activity_cancelled",
            [(assignment, Recipient.of_user(assignment.volunteer.user)) for assignment in stopped],
        )
    return ids


def _check_delivery_file(file: UploadedFile[bytes]) -> None:
    # Django's upload handlers always know the size; a file that does not is refused as
    # empty rather than compared with None.
    size = file.size or 0
    if size > MAX_DELIVERY_BYTES:
        raise ActivityError(
            _("Dosya en fazla 10 MB olabilir; daha büyük dosyalar için bir bağlantı paylaşın."),
            field="file",
        )
    if size == 0:
        raise ActivityError(_("Dosya boş görünüyor; lütfen yeniden seçin."), field="file")
    extension = PurePath(file.name or "").suffix.lower()
    wrong_type = ActivityError(
        _("Bu dosya türü kabul edilmiyor. PDF, DOCX, ODT, PNG, JPG, TXT ya da ZIP yükleyin."),
        field="file",
    )
    if extension not in DELIVERY_SIGNATURES:
        raise wrong_type
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    signatures = DELIVERY_SIGNATURES[extension]
    if signatures and not head.startswith(signatures):
        raise wrong_type
    if not signatures:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte letter cut at the 2048th byte is still text.
            if error.start < len(head) - 3:
                raise wrong_type from None
        if b"\x00" in head:
            raise wrong_type


def _check_link(link: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ActivityError(
            _("Bağlantı http:// ya da https:// ile başlayan bir web adresi olmalı."), field="link"
        ) from None


def deliver_task(
    *,
    assignment: TaskAssignment,
    note: str = "",
    link: str = "",
    file: UploadedFile[bytes] | None = None,
) -> TaskAssignment:
    """Hand in the work: a note, a link, a file, or any of them together.

    A returned task is delivered again the same way; a file sent before stays
    unless a new one replaces it.
    """
    note, link = (note or "").strip(), (link or "").strip()
    if not (note or link or file):
        raise ActivityError(
            _("Teslim için bir not yazın, bir bağlantı ekleyin ya da bir dosya yükleyin."),
            field="note",
        )
    if link:
        _check_link(link)
    if file:
        _check_delivery_file(file)
    with transaction.atomic():
        assignment = _lock_assignment(assignment)
        if assignment.status not in (
            TaskAssignment.Status.CLAIMED,
            TaskAssignment.Status.RETURNED,
        ):
            raise ActivityError(_("Bu görev şu anda teslim edilemez."))
        assignment.status = TaskAssignment.Status.DELIVERED
        assignment.delivery_note = note
        assignment.delivery_link = link
        assignment.delivered_at = timezone.now()
        fields = ["status", "delivery_note", "delivery_link", "delivered_at"]
        if file:
            name = get_valid_filename(PurePath(file.name or "").name) or "teslim"
            assignment.delivery_file.save(name, file, save=False)
            fields.append("delivery_file")
        assignment.save(update_fields=fields)
    return assignment


def _check_reviewable(assignment: TaskAssignment) -> None:
    if assignment.status != TaskAssignment.Status.DELIVERED:
        raise ActivityError(_("Yalnızca teslim edilmiş bir görev değerlendirilebilir."))


def _area_for(task: Task) -> VolunteerArea | None:
    """The task's first required area, else the activity's first: where the hours count."""
    area = task.required_areas.order_by("position", "name_tr").first()
    return area if area is not None else area_of_activity(task.activity)


def accept_task(
    *,
    assignment: TaskAssignment,
    by: User | None,
    hours: decimal.Decimal | None = None,
    comment: str = "",
) -> TaskAssignment:
    """Accept delivered work; it becomes one pending hours entry, as attendance does.

    The hours are what the coordinator gives, or the task's estimate. Like
    every hours entry, they count once approved (docs/activities.md).
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=assignment.task.activity_id)
    with transaction.atomic():
        assignment = _lock_assignment(assignment)
        _check_reviewable(assignment)
        task = assignment.task
        if hours is None:
            hours = task.estimated_hours
        if hours is None:
            raise ActivityError(
                _("Bu görevin tahmini süresi yok; kabul için saati yazın."), field="hours"
            )
        hours = decimal.Decimal(hours)
        if not 0 < hours <= HoursEntry.MAX_HOURS:
            raise ActivityError(_("Saat 0'dan büyük, en fazla 24 olmalı."), field="hours")
        now = timezone.now()
        assignment.status = TaskAssignment.Status.ACCEPTED
        assignment.reviewed_by = by
        assignment.reviewed_at = now
        assignment.review_comment = (comment or "").strip()
        assignment.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
        delivered_on: datetime.date = timezone.localdate(assignment.delivered_at or now)
        HoursEntry.objects.create(
            volunteer=assignment.volunteer,
            source=HoursEntry.Source.TASK,
            task_assignment=assignment,
            activity=task.activity,
            area=_area_for(task),
            date=delivered_on,
            hours=hours,
            description=task.title[:500],
        )
        _tell("work.task_accepted", assignment)
        trail.record(
            "activities.task_accepted",
            by=by,
            obj=assignment,
            person=assignment.volunteer,
            summary=_("Kabul edildi: %(hours)s saat, onay bekliyor."),
            hours=hours,
        )
    return assignment


def return_task(*, assignment: TaskAssignment, by: User | None, comment: str) -> TaskAssignment:
    """Send delivered work back for changes; the comment tells the volunteer what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ActivityError(_("Gönüllüye neyin değişmesi gerektiğini yazın."), field="comment")
    check_actor(by, RUN_ACTIVITIES, activity_id=assignment.task.activity_id)
    with transaction.atomic():
        assignment = _lock_assignment(assignment)
        _check_reviewable(assignment)
        assignment.status = TaskAssignment.Status.RETURNED
        assignment.reviewed_by = by
        assignment.reviewed_at = timezone.now()
        assignment.review_comment = comment
        assignment.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
        # Work may be returned more than once: each return is a message of its own.
        _tell("work.task_returned", assignment, key=assignment.reviewed_at.isoformat())
        trail.record(
            "activities.task_returned",
            by=by,
            obj=assignment,
            person=assignment.volunteer,
            summary=_("Değişiklik için geri gönderildi%(reason)s."),
            reason=trail.reason_length(comment),
        )
    return assignment

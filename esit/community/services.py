"""The network's rules for ideas, supports and comments (docs/community.md).

Words: the *author* wrote the idea or comment; a *supporter* supports an idea (one support per
person and idea, the database refuses a second); *staff* are those holding
`community.manage_ideas`, each within her scope (an idea's area and district, as everywhere).

Every service that publishes what a person writes calls `moderation.ensure_may_post` first, so
a suspended person may read but not post. The counts an idea is sorted by (supports, comments,
last activity) change with F() expressions in the transaction of the change, so two people
acting at once never lose one another's update.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.activities.models import Activity, ActivityKind
from esit.activities.services import planning
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.core.turkish import search_key
from esit.moderation.services import ensure_may_post, open_reporters, was_reported
from esit.notifications.services import Recipient, notify_many
from esit.reference.models import District, PlanGoal, VolunteerArea

from . import nicknames, selectors
from .models import (
    BODY_MAX,
    COMMENT_MAX,
    NICKNAME_MAX,
    REASON_MAX,
    TITLE_MAX,
    Comment,
    Idea,
    Member,
    StatusChange,
    Support,
)
from .selectors import MANAGE
from .versions import bump_ideas

STATUS_KIND = "community.idea_status"

# Where staff may move an idea from each status. "in progress" is reached by creating its
# activity (create_activity_from_idea) or by hand when the work runs outside the platform.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Idea.Status.NEW: (Idea.Status.UNDER_REVIEW, Idea.Status.ACCEPTED, Idea.Status.DECLINED),
    Idea.Status.UNDER_REVIEW: (Idea.Status.ACCEPTED, Idea.Status.DECLINED),
    Idea.Status.ACCEPTED: (Idea.Status.IN_PROGRESS, Idea.Status.DECLINED),
    Idea.Status.IN_PROGRESS: (Idea.Status.DONE,),
    Idea.Status.DONE: (),
    Idea.Status.DECLINED: (Idea.Status.UNDER_REVIEW,),
}


class CommunityError(RuleError):
    """A rule of the network refused the change; the message is safe to show."""


def edit_window() -> datetime.timedelta:
    """How long after writing a comment its author may still change it (minutes, a setting)."""
    return datetime.timedelta(minutes=int(getattr(settings, "COMMUNITY_EDIT_WINDOW", 15)))


def _text(value: str, *, field: str, limit: int, required: StrOrPromise) -> str:
    value = (value or "").strip()
    if not value:
        raise CommunityError(required, field=field)
    if len(value) > limit:
        raise CommunityError(
            _("En çok %(limit)d karakter yazılabilir.") % {"limit": limit}, field=field
        )
    return value


def _title(value: str) -> str:
    return _text(value, field="title", limit=TITLE_MAX, required=_("Fikrinize bir başlık verin."))


def _body(value: str) -> str:
    return _text(
        value, field="body", limit=BODY_MAX, required=_("Fikrinizi birkaç cümleyle anlatın.")
    )


def _refuse_under_review(content: Idea | Comment) -> None:
    """Hidden or reported content stays as it is until a moderator decides: its author may not
    edit or delete it, so what was reported is what the moderators read (the evidence)."""
    if content.is_hidden or open_reporters(content) > 0:
        raise CommunityError(
            _(
                "Bu içerik moderatörlerin incelemesinde: inceleme bitene kadar değiştirilemez "
                "ve silinemez."
            ),
            field="body",
        )


def _locked(idea: Idea) -> Idea:
    return Idea.objects.select_for_update().get(pk=idea.pk)


def _touch(idea_id: int, **counts: int) -> None:
    """Bump an idea's counts and its last activity without reading them first."""
    changes = {name: F(name) + delta for name, delta in counts.items()}
    Idea.objects.filter(pk=idea_id).update(last_activity_at=timezone.now(), **changes)
    bump_ideas()  # an update() sends no signal; the list shows the counts


# Members -------------------------------------------------------------------


# Names that would pass a volunteer off as staff or as the programme itself, folded
# (`nicknames.fold`: Turkish lower case, then without accents, spaces and dots).
RESERVED_NAMES = ("moderator", "yonetici", "esitizmir", "admin", "koordinator", "yetkili")
NICKNAME_TAKEN = _("Bu takma adı başka biri kullanıyor; başka bir ad seçin.")


def set_nickname(*, person: User, nickname: str) -> Member:
    """The name she appears under on the network; empty gives back "first name and initial".
    Her e-mail address and phone are never shown, whatever she chooses.

    A suspended person may not change it (it is something she publishes). It may not pass her
    off as staff or the programme ("Moderatör", "Yönetici", "Eşit İzmir", "admin", compared
    folded the Turkish way), and two members may not share one (case and Turkish letters
    aside): readers must be able to tell who wrote what."""
    ensure_may_post(person)
    nickname = " ".join((nickname or "").split())
    if len(nickname) > NICKNAME_MAX:
        raise CommunityError(
            _("En çok %(limit)d karakter yazılabilir.") % {"limit": NICKNAME_MAX},
            field="nickname",
        )
    if nickname and "@" in nickname:
        raise CommunityError(
            _("Takma adınızda e-posta adresi olmasın; başkaları onu görür."), field="nickname"
        )
    folded = nicknames.fold(nickname)
    if nickname and not folded:
        raise CommunityError(
            _("Takma adınızda en az bir harf ya da rakam olsun."), field="nickname"
        )
    if folded:
        if any(word in folded.replace(" ", "") for word in RESERVED_NAMES):
            raise CommunityError(
                _("Bu ad görevlileri ya da programı çağrıştırıyor; başka bir ad seçin."),
                field="nickname",
            )
        if _nickname_taken(folded, person):
            raise CommunityError(NICKNAME_TAKEN, field="nickname")
    try:
        with transaction.atomic():
            member, _created = Member.objects.update_or_create(
                account=person, defaults={"nickname": nickname, "nickname_key": folded}
            )
    except IntegrityError:
        # The key's unique constraint settles two people choosing one name at the same
        # moment; any other integrity error is not about the name.
        if folded and _nickname_taken(folded, person):
            raise CommunityError(NICKNAME_TAKEN, field="nickname") from None
        raise
    return member


def _nickname_taken(folded: str, person: User) -> bool:
    return Member.objects.filter(nickname_key=folded).exclude(account=person).exists()


# Ideas ---------------------------------------------------------------------


@transaction.atomic
def post_idea(
    *,
    author: User,
    title: str,
    body: str,
    area: VolunteerArea,
    district: District | None = None,
    plan_goals: Iterable[PlanGoal] = (),
) -> Idea:
    """A volunteer (or staff member) proposes an idea; it starts as "new" for staff to review."""
    ensure_may_post(author)
    title, body = _title(title), _body(body)
    idea = Idea.objects.create(
        author=author,
        title=title,
        body=body,
        area=area,
        district=district,
        search_text=search_key(title, body),
    )
    idea.plan_goals.set(plan_goals)
    return idea


@transaction.atomic
def edit_idea(
    *,
    idea: Idea,
    by: User,
    title: str,
    body: str,
    area: VolunteerArea,
    district: District | None = None,
    plan_goals: Iterable[PlanGoal] = (),
) -> Idea:
    """Her own idea, while staff have not looked at it yet ("new"): after that, supporters and
    staff decided on what it said, so it no longer changes under them."""
    ensure_may_post(by)
    locked = _locked(idea)
    if locked.author_id != by.pk:
        raise PermissionDenied
    _refuse_under_review(locked)
    if locked.status != Idea.Status.NEW:
        raise CommunityError(_("İncelenmeye başlanan bir fikir artık değiştirilemez."))
    locked.title, locked.body = _title(title), _body(body)
    locked.area = area
    locked.district = district
    locked.search_text = search_key(locked.title, locked.body)
    locked.last_activity_at = timezone.now()
    locked.save(
        update_fields=[
            "title", "body", "area", "district", "search_text", "last_activity_at", "updated_at"
        ]
    )  # fmt: skip
    locked.plan_goals.set(plan_goals)
    return locked


# Supports ------------------------------------------------------------------


def _refuse_closed(idea: Idea) -> None:
    if idea.is_hidden:
        raise CommunityError(_("Bu fikir moderatörler incelerken gizlendi."))


def support(*, idea: Idea, person: User) -> bool:
    """She supports the idea; True when this made a new support.

    One support per person and idea: the database refuses a second row, so two clicks (or two
    tabs) at once leave one support and one count; the loser's IntegrityError is answered as
    "already supported". The count changes in the same transaction as the row.
    """
    if idea.author_id == person.pk:
        raise CommunityError(_("Kendi fikrinizi destekleyemezsiniz."))
    ensure_may_post(person)  # a suspended person reads, and may still report abuse, not support
    _refuse_closed(idea)
    with transaction.atomic():
        try:
            with transaction.atomic():
                Support.objects.create(idea=idea, account=person)
        except IntegrityError:
            return False
        _touch(idea.pk, support_count=1)
    return True


def withdraw_support(*, idea: Idea, person: User) -> bool:
    """She takes her support back; True when there was one. Two withdrawals at once delete one
    row, and only the one that deleted it lowers the count."""
    with transaction.atomic():
        deleted, _rows = Support.objects.filter(idea=idea, account=person).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


# Comments ------------------------------------------------------------------


@transaction.atomic
def post_comment(*, idea: Idea, author: User, body: str, parent: Comment | None = None) -> Comment:
    """A comment on an idea, or a reply to one: one level of replies only (a reply to a reply
    joins its thread), so discussions stay readable without JavaScript."""
    ensure_may_post(author)
    _refuse_closed(idea)
    body = _text(body, field="body", limit=COMMENT_MAX, required=_("Yorumunuzu yazın."))
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise CommunityError(_("Yanıtladığınız yorum bu fikre ait değil."), field="body")
        if parent.parent_id is not None:
            parent = parent.parent
        if parent is None or parent.is_hidden:
            raise CommunityError(_("Bu yorum artık yanıtlanamıyor."), field="body")
    comment = Comment.objects.create(idea=idea, author=author, parent=parent, body=body)
    _touch(idea.pk, comment_count=1)
    return comment


def may_still_edit(comment: Comment, *, at: datetime.datetime | None = None) -> bool:
    return not comment.is_deleted and (at or timezone.now()) < comment.created_at + edit_window()


@transaction.atomic
def edit_comment(*, comment: Comment, by: User, body: str) -> Comment:
    """Her own comment, within `COMMUNITY_EDIT_WINDOW` minutes of writing it; the change is
    marked ("edited") so readers know the replies may answer an earlier text."""
    ensure_may_post(by)
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.author_id != by.pk:
        raise PermissionDenied
    _refuse_under_review(locked)
    if not may_still_edit(locked):
        raise CommunityError(
            _("Yorumlar yazıldıktan sonra %(minutes)d dakika içinde düzenlenebilir.")
            % {"minutes": int(edit_window().total_seconds() // 60)},
            field="body",
        )
    locked.body = _text(body, field="body", limit=COMMENT_MAX, required=_("Yorumunuzu yazın."))
    locked.edited_at = timezone.now()
    locked.save(update_fields=["body", "edited_at"])
    return locked


@transaction.atomic
def delete_comment(*, comment: Comment, by: User) -> None:
    """Her own comment goes. With replies it stays in place as "deleted" (without its text), so
    the replies keep their context; without replies it disappears. A deleted comment whose
    last reply goes disappears too.

    Refused while the comment is hidden or has open reports (the evidence stays as reported).
    A comment that was ever reported is deleted softly, its text kept for the moderators
    (volunteers see "deleted", the moderation page the text as it was reported)."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.author_id != by.pk:
        raise PermissionDenied
    if locked.is_deleted:
        return
    _refuse_under_review(locked)
    if was_reported(locked):
        locked.deleted_at = timezone.now()
        locked.save(update_fields=["deleted_at"])
    elif locked.replies.exists():
        locked.body = ""
        locked.deleted_at = timezone.now()
        locked.save(update_fields=["body", "deleted_at"])
    else:
        parent_id = locked.parent_id
        locked.delete()
        if parent_id is not None:
            Comment.objects.filter(
                pk=parent_id, deleted_at__isnull=False, replies__isnull=True
            ).delete()
    Idea.objects.filter(pk=locked.idea_id).update(comment_count=F("comment_count") - 1)


# Staff ---------------------------------------------------------------------


def _check_staff(by: User, idea: Idea) -> None:
    """Staff decide with the capability and within their scope (the idea's area and district)."""
    if not by.has_perm(MANAGE):
        raise PermissionDenied
    if not selectors.staff_ideas(user=by).filter(pk=idea.pk).exists():
        raise PermissionDenied


def _notify_status(change: StatusChange, *, by: User | None) -> int:
    """Tell the author and every supporter, each in her own language; never the one who
    changed it. The kind is optional: a person may turn it off on /me/notifications/."""
    people = {
        account.pk: account
        for account in selectors.people_following(idea=change.idea)
        if by is None or account.pk != by.pk
    }
    return notify_many(
        STATUS_KIND, [(change, Recipient.of_user(account)) for account in people.values()]
    )


def _move(idea: Idea, *, to: str, by: User, reason: str) -> StatusChange:
    change = StatusChange.objects.create(
        idea=idea, from_status=idea.status, to_status=to, reason=reason, changed_by=by
    )
    idea.status = to
    idea.status_reason = reason if to == Idea.Status.DECLINED else ""
    idea.last_activity_at = change.changed_at
    idea.save(update_fields=["status", "status_reason", "last_activity_at", "updated_at"])
    record(
        action="community.status_changed",
        actor=by,
        obj=idea,
        summary=f"{change.from_status} → {to}",
    )
    if not idea.is_hidden:
        # Hidden by moderation: its supporters are not told about what they may not read.
        _notify_status(change, by=by)
    return change


@transaction.atomic
def change_status(*, idea: Idea, by: User, to: str, reason: str = "") -> StatusChange:
    """Staff move an idea along new → under review → accepted → in progress → done, or decline
    it with a reason everyone reading the idea sees (a volunteer deserves to know why). The
    author and supporters are told."""
    _check_staff(by, idea)
    locked = _locked(idea)
    if to not in NEXT_STATUSES.get(locked.status, ()):
        raise CommunityError(_("Fikir bu duruma geçirilemez."), field="status")
    reason = (reason or "").strip()
    if to == Idea.Status.DECLINED and not reason:
        raise CommunityError(
            _("Fikri yazana ve destekleyenlere nedenini söyleyin: bir gerekçe yazın."),
            field="reason",
        )
    if len(reason) > REASON_MAX:
        raise CommunityError(
            _("En çok %(limit)d karakter yazılabilir.") % {"limit": REASON_MAX}, field="reason"
        )
    return _move(locked, to=to, by=by, reason=reason)


@transaction.atomic
def create_activity_from_idea(
    *,
    idea: Idea,
    by: User,
    kind: ActivityKind,
    district: District,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    address: str = "",
    online_url: str = "",
) -> Activity:
    """An accepted idea becomes a draft activity in one step, through activities' own rules
    (create_activity: the planner's capability, scope, dates and place): its title,
    description, area, district and plan goals come from the idea, staff add when and where.

    The idea then moves to "in progress": the work has started, and its page shows the
    activity's progress. It becomes "done" when staff say so, once the activity has happened.
    """
    _check_staff(by, idea)
    locked = _locked(idea)
    if locked.status != Idea.Status.ACCEPTED:
        raise CommunityError(_("Yalnızca kabul edilmiş bir fikir etkinliğe dönüştürülebilir."))
    if locked.activity_id is not None:
        raise CommunityError(_("Bu fikrin etkinliği zaten var."))
    activity = planning.create_activity(
        by=by,
        kind=kind,
        title_tr=locked.title,
        description_tr=locked.body,
        district=district,
        address=address,
        online_url=online_url,
        starts_at=starts_at,
        ends_at=ends_at,
        areas=[locked.area],
        plan_goals=list(locked.plan_goals.all()),
    )
    locked.activity = activity
    locked.save(update_fields=["activity", "updated_at"])
    record(
        action="community.activity_created",
        actor=by,
        obj=locked,
        summary=f"activities.Activity {activity.pk}",
    )
    _move(locked, to=Idea.Status.IN_PROGRESS, by=by, reason="")
    return activity

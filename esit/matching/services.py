"""Inviting volunteers to work, their answers, and "not interested" (docs/matching.md).

- `invite`: a coordinator invites the volunteers she selected from the ranked list. Each
  must still pass the hard rules of matching at that moment (selectors.py), so a tampered
  form or a list that went stale invites nobody it should not. Nobody is invited twice to
  the same shift or task: the database's unique constraint decides, even for two
  coordinators at once. Each invitation is audited and sent as the optional
  `matching.invitation` message, with accept and decline links.
- `accept_invitation`: the volunteer's answer from the e-mail, without signing in. It goes
  through the same race-safe services as any sign-up (activities' `sign_up`, `claim_task`),
  so a full shift puts her on its waitlist and a shift that clashes with another of hers
  is refused with the same message. A link is answered once and expires
  (`INVITATION_VALID_DAYS`, never past the shift's start or the task's due date).
- `decline_invitation`: records the answer.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.activities.models import Activity, Shift, SignUp, Task, TaskAssignment
from esit.activities.selectors.scope import RUN_ACTIVITIES, check_actor
from esit.activities.services import signups, work
from esit.activities.services.errors import ActivityError
from esit.audit import services as audit
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify
from esit.volunteers.models import Volunteer

from . import selectors
from .models import Dismissal, Invitation
from .selectors import INVITATION_KIND, Work

REASON_MAX = 1000


class MatchingError(RuleError):
    """A rule of matching or invitations refused the change; the message is safe to show."""


@dataclass(frozen=True)
class Invited:
    invitations: list[Invitation]
    skipped: int  # selected but not invited: no longer a candidate, or invited already


def check_open(work_: Work, *, now: datetime.datetime | None = None) -> None:
    """Invitations are for work someone can still take."""
    now = now or timezone.now()
    if work_.activity.status != Activity.Status.PUBLISHED:
        raise MatchingError(_("Etkinlik yayında değil; davet gönderilemez."))
    if work_.shift is not None and work_.shift.starts_at <= now:
        raise MatchingError(_("Bu vardiya başladı ya da sona erdi; davet gönderilemez."))
    if work_.task is not None and work_.task.due_date < timezone.localdate(now):
        raise MatchingError(_("Bu görevin teslim tarihi geçti; davet gönderilemez."))


def expiry_for(work_: Work, now: datetime.datetime) -> datetime.datetime:
    valid_until = now + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)
    if work_.shift is not None or work_.task is None:
        return min(valid_until, work_.shift.starts_at) if work_.shift else valid_until
    due_end = timezone.make_aware(
        datetime.datetime.combine(work_.task.due_date + datetime.timedelta(days=1), datetime.time())
    )
    return min(valid_until, due_end)


def invite(*, work: Work, volunteer_ids: Iterable[int], by: User) -> Invited:
    """Invite the selected volunteers who are still candidates; see the module docstring."""
    check_actor(by, RUN_ACTIVITIES, activity_id=work.activity.pk)
    check_open(work)
    ids = sorted(set(volunteer_ids))
    if not ids:
        raise MatchingError(_("Davet etmek için en az bir gönüllü seçin."), field="volunteers")
    # The reasons are kept in both languages (Invitation.reason_text); ranked in the
    # programme's language, as the audit trail's summaries are written.
    with translation.override(settings.LANGUAGE_CODE):
        matches = selectors.ranked(work, user=by, only_ids=ids, limit=len(ids))
    now = timezone.now()
    expires_at = expiry_for(work, now)
    invited = []
    with transaction.atomic():
        for match in matches:
            invitation = Invitation(
                shift=work.shift,
                task=work.task,
                volunteer=match.volunteer,
                invited_by=by,
                reason=match.summary[:REASON_MAX],
                reason_en=selectors.summary_in(work, match, "en")[:REASON_MAX],
                score=match.score,
                sent_at=now,
                expires_at=expires_at,
            )
            try:
                with transaction.atomic():
                    invitation.save()
            except IntegrityError:
                continue  # invited a moment ago by someone else: nobody is invited twice
            notify(INVITATION_KIND, obj=invitation, to=Recipient.of_user(match.volunteer.user))
            with translation.override(settings.LANGUAGE_CODE):
                audit.record(
                    action="matching.invited",
                    actor=by,
                    obj=invitation,
                    person=match.volunteer,
                    summary=str(_("Davet gönderildi; puan %(score)d.") % {"score": match.score}),
                )
            invited.append(invitation)
    return Invited(invitations=invited, skipped=len(ids) - len(invited))


# The volunteer's answer ------------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a link, or MatchingError for a link we never gave out."""
    invitation = (
        Invitation.objects.select_related(
            "shift__activity__district", "task__activity__district", "volunteer__user"
        )
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise MatchingError(
            _("Bu davet bağlantısı geçersiz. Lütfen e-postadaki bağlantıyı eksiksiz açın.")
        )
    return invitation


def is_expired(invitation: Invitation, *, now: datetime.datetime | None = None) -> bool:
    if invitation.status == Invitation.Status.EXPIRED:
        return True
    return invitation.status == Invitation.Status.SENT and invitation.expires_at <= (
        now or timezone.now()
    )


def refusal(invitation: Invitation) -> MatchingError | None:
    """Why this invitation can no longer be answered, or None while it can."""
    if is_expired(invitation):
        return MatchingError(_("Bu davetin süresi doldu; artık yanıtlanamaz."))
    if invitation.status == Invitation.Status.ACCEPTED:
        return MatchingError(_("Bu daveti zaten kabul ettiniz."))
    if invitation.status == Invitation.Status.DECLINED:
        return MatchingError(_("Bu daveti zaten geri çevirdiniz."))
    return None


def _locked(invitation: Invitation) -> Invitation:
    return Invitation.objects.select_for_update().get(pk=invitation.pk)


def _mark_expired(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.SENT).update(
        status=Invitation.Status.EXPIRED
    )


def _check_answerable(invitation: Invitation) -> None:
    # An expired one was marked so before the answer's transaction, which a refusal rolls back.
    if error := refusal(invitation):
        raise error


def accept_invitation(*, invitation: Invitation) -> SignUp | TaskAssignment:
    """She accepts: signed up for the shift (confirmed, pending approval or waitlisted, by
    the same rules as a sign-up of her own) or given the task; the link is then used up."""
    if is_expired(invitation):
        _mark_expired(invitation)
    with transaction.atomic():
        locked = _locked(invitation)
        _check_answerable(locked)
        try:
            if locked.shift_id:
                result: SignUp | TaskAssignment = signups.sign_up(
                    volunteer=invitation.volunteer, shift=Shift.objects.get(pk=locked.shift_id)
                )
            else:
                result = work.claim_task(
                    volunteer=invitation.volunteer, task=Task.objects.get(pk=locked.task_id or 0)
                )
        except ActivityError as error:
            raise MatchingError(error.message) from None
        locked.status = Invitation.Status.ACCEPTED
        locked.responded_at = timezone.now()
        locked.save(update_fields=["status", "responded_at"])
    invitation.status, invitation.responded_at = locked.status, locked.responded_at
    return result


def decline_invitation(*, invitation: Invitation) -> Invitation:
    """She declines; staff see it on the shift's page, and nobody invites her to it again."""
    if is_expired(invitation):
        _mark_expired(invitation)
    with transaction.atomic():
        locked = _locked(invitation)
        _check_answerable(locked)
        locked.status = Invitation.Status.DECLINED
        locked.responded_at = timezone.now()
        locked.save(update_fields=["status", "responded_at"])
    invitation.status, invitation.responded_at = locked.status, locked.responded_at
    return invitation


def expire_invitations(*, now: datetime.datetime | None = None) -> int:
    """Mark every unanswered invitation past its expiry as expired (pages show them so
    already; this keeps the stored status true for reports and exports)."""
    return Invitation.objects.filter(
        status=Invitation.Status.SENT, expires_at__lte=now or timezone.now()
    ).update(status=Invitation.Status.EXPIRED)


# "Not interested" ------------------------------------------------------------------------------


def dismiss(*, volunteer: Volunteer, shift: Shift | None = None, task: Task | None = None) -> None:
    """She is not interested in this shift or task: it leaves her recommendations."""
    if (shift is None) == (task is None):
        raise ValueError("Dismiss one shift or one task.")
    if not volunteer.in_programme:
        raise PermissionDenied
    try:
        with transaction.atomic():
            Dismissal.objects.get_or_create(volunteer=volunteer, shift=shift, task=task)
    except IntegrityError:
        pass  # dismissed twice at once: once is what counts

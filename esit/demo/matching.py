"""Demo data for matching: one upcoming shift with ranked matches and an invitation in every
state (sent, accepted, declined, expired), made through matching's own services.

Only the expired one is written directly (its link's time is moved into the past and it
is marked so): no service makes time pass. A second run finds the invitations and changes
nothing.
"""

import datetime

from django.utils import timezone

from esit.activities.models import Activity, Shift
from esit.matching import selectors, services
from esit.matching.models import Invitation

WANTED = 4  # one invitation per state


def _demo_shift() -> Shift | None:
    """The upcoming published shift with the most candidates (the demo's data decides)."""
    best, best_count = None, 0
    shifts = Shift.objects.filter(
        activity__status=Activity.Status.PUBLISHED, starts_at__gt=timezone.now()
    ).order_by("starts_at", "pk")
    for shift in shifts[:20]:
        count = selectors.candidates(selectors.work_of(shift), user=None).count()
        if count > best_count:
            best, best_count = shift, count
    return best if best_count >= WANTED else None


def seed_invitations(*, coordinator) -> int:
    """Invitations in every state for one shift; returns how many this run created."""
    if Invitation.objects.exists():
        return 0
    shift = _demo_shift()
    if shift is None:
        return 0
    work = selectors.work_of(shift)
    ranked = selectors.ranked(work, user=coordinator, limit=WANTED)
    invited = services.invite(
        work=work, volunteer_ids=[match.volunteer.pk for match in ranked], by=coordinator
    ).invitations
    if len(invited) < WANTED:
        return len(invited)
    invited.sort(key=lambda invitation: invitation.pk)
    accepted, declined, expired = invited[0], invited[1], invited[2]
    services.accept_invitation(invitation=accepted)
    services.decline_invitation(invitation=declined)
    Invitation.objects.filter(pk=expired.pk).update(
        status=Invitation.Status.EXPIRED,
        sent_at=timezone.now() - datetime.timedelta(days=10),
        expires_at=timezone.now() - datetime.timedelta(days=3),
    )
    return len(invited)

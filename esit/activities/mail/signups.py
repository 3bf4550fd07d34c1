"""E-mails to volunteers about their shift sign-ups: the `signups.*` kinds, in the volunteer's
own language.

A message may leave a while after the change it announces, so each kind checks that what
it is about to say is still true: a reminder only for a confirmed place in a published
activity's shift that has not started, a confirmation only while the volunteer still holds
it, and so on. Otherwise nothing is sent (the delivery is suppressed as no longer true).

The reminder is the one optional kind: a volunteer may turn it off on /me/notifications/
or with the link in the reminder itself.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from ..models import Activity, SignUp
from ..services.signups import coming_token

REMINDER = "signups.reminder"

_CONFIRMED = (SignUp.Status.CONFIRMED,)
_PENDING = (SignUp.Status.PENDING,)
_WAITLISTED = (SignUp.Status.WAITLISTED,)
_CANCELLED = (SignUp.Status.CANCELLED,)


def load(signup_id: str) -> SignUp | None:
    return (
        SignUp.objects.select_related("shift__activity__district", "volunteer__user")
        .filter(pk=signup_id)
        .first()
    )


def activity_url(signup: SignUp) -> str:
    return settings.SITE_URL + reverse("activities:detail", args=[signup.shift.activity_id])


def my_shifts_url() -> str:
    return settings.SITE_URL + reverse("signups:my_shifts")


def _context(signup: SignUp) -> dict:
    return {
        "signup": signup,
        "shift": signup.shift,
        "activity": signup.shift.activity,
        "volunteer": signup.volunteer,
        "activity_url": activity_url(signup),
        "my_shifts_url": my_shifts_url(),
    }


def _still(signup: SignUp, statuses, *, upcoming: bool) -> bool:
    """The sign-up still has one of `statuses` (and, with `upcoming`, its shift is ahead in a
    published activity)."""
    if signup.status not in statuses:
        return False
    return not upcoming or (
        signup.shift.starts_at > timezone.now()
        and signup.shift.activity.status == Activity.Status.PUBLISHED
    )


def while_(statuses, *, upcoming: bool = True):
    """A context builder that says something only while `_still` holds."""

    def context(signup: SignUp, delivery) -> dict | None:
        return _context(signup) if _still(signup, statuses, upcoming=upcoming) else None

    return context


def reminder_context(signup: SignUp, delivery) -> dict | None:
    if not _still(signup, _CONFIRMED, upcoming=True) or not signup.volunteer.is_active:
        return None
    confirm_url = settings.SITE_URL + reverse("signups:confirm_coming", args=[coming_token(signup)])
    return {**_context(signup), "confirm_url": confirm_url}


def _kind(name: str, label, context, **options) -> kinds.Kind:
    return kinds.Kind(
        key=f"signups.{name}",
        label=label,
        template=f"activities/email/signups/{name}",
        context=context,
        load=load,
        **options,
    )


KINDS = [
    _kind("confirmed", _("Vardiya kaydı onaylandı"), while_(_CONFIRMED)),
    _kind("pending", _("Vardiya kaydı koordinatör onayı bekliyor"), while_(_PENDING)),
    _kind("waitlisted", _("Vardiyanın bekleme listesine alındı"), while_(_WAITLISTED)),
    _kind("promoted", _("Vardiyada yer açıldı"), while_(SignUp.PLACE_HOLDING_STATUSES)),
    _kind("approved", _("Koordinatör vardiya kaydını onayladı"), while_(_CONFIRMED)),
    _kind(
        "declined", _("Koordinatör vardiya kaydını onaylamadı"), while_(_CANCELLED, upcoming=False)
    ),
    _kind(
        "added_by_staff",
        _("Koordinatör vardiyaya ekledi"),
        while_((*_CONFIRMED, *_WAITLISTED)),
    ),
    _kind(
        "cancelled_by_staff",
        _("Koordinatör vardiya kaydını iptal etti"),
        while_(_CANCELLED, upcoming=False),
    ),
    _kind(
        "activity_cancelled",
        _("Vardiyanın etkinliği iptal edildi"),
        while_(_CANCELLED, upcoming=False),
    ),
    _kind(
        "reminder",
        _("Vardiya hatırlatmaları"),
        reminder_context,
        optional=True,
        description=_("Katılacağınız vardiyalardan önce bir hatırlatma."),
    ),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)

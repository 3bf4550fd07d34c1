"""What matching holds about people, for the personal-data registry.

An invitation says that a volunteer was asked to take some work, why (the ranking's
reasons), and what she answered; a dismissal that she was not interested in it. Both hang
off her profile, which the volunteers app anonymises. Erasure keeps the invitations'
statuses (what reports count) and removes the reasons (they speak of her district, her
hours and her record) and the link's secret; her "not interested" rows go.
"""

from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject
from esit.volunteers.personal_data import profiles

from .models import Dismissal, Invitation, new_invitation_token


def invitations(subject: DataSubject):
    return Invitation.objects.filter(volunteer__in=profiles(subject))


def dismissals(subject: DataSubject):
    return Dismissal.objects.filter(volunteer__in=profiles(subject))


def _anonymise_invitations(subject: DataSubject) -> int:
    changed = 0
    for invitation in invitations(subject):
        invitation.reason = invitation.reason_en = ""
        invitation.token = new_invitation_token()
        invitation.save(update_fields=["reason", "reason_en", "token"])
        changed += 1
    return changed


def register() -> None:
    registry.register(
        Invitation,
        fields={
            "status": Category.ACTIVITY,
            "reason": Category.ACTIVITY,
            "reason_en": Category.ACTIVITY,
            "score": Category.ACTIVITY,
            "token": Category.TECHNICAL,
            "sent_at": Category.ACTIVITY,
            "expires_at": Category.ACTIVITY,
            "responded_at": Category.ACTIVITY,
        },
        rows=invitations,
        export=lambda subject: registry.sections_from(
            invitations(subject).select_related("shift__activity", "task__activity"),
            title=lambda row: _("Aldığınız davet"),
            fields=[
                "shift",
                "task",
                "status",
                "reason",
                "reason_en",
                "sent_at",
                "expires_at",
                "responded_at",
            ],
        ),
        anonymise=_anonymise_invitations,
    )
    registry.register(
        Dismissal,
        fields={"created_at": Category.ACTIVITY},
        rows=dismissals,
        export=lambda subject: registry.sections_from(
            dismissals(subject).select_related("shift__activity", "task__activity"),
            title=lambda row: _("İlgilenmediğinizi söylediğiniz iş"),
            fields=["shift", "task", "created_at"],
        ),
        anonymise=lambda subject: dismissals(subject).delete()[0],
    )

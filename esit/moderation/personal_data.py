"""What moderation holds about people, for the personal-data registry.

A report says who reported what and why; a suspension, who may not post until when and
why; a decision, which moderator hid what, and her note. Each belongs to the person it
names. Erasure deletes a person's own reports (the content they pointed at stays moderated
as it was), keeps suspensions without their reason and decisions without their moderator,
so the record of a moderator's decision stays and says nothing of the person.
"""

from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject

from .models import ModerationDecision, PostingSuspension, Report


def reports(subject: DataSubject):
    if subject.user is None:
        return Report.objects.none()
    return Report.objects.filter(reporter=subject.user)


def suspensions(subject: DataSubject):
    if subject.user is None:
        return PostingSuspension.objects.none()
    return PostingSuspension.objects.filter(person=subject.user)


def decisions(subject: DataSubject):
    if subject.user is None:
        return ModerationDecision.objects.none()
    return ModerationDecision.objects.filter(moderator=subject.user)


def register() -> None:
    registry.register(
        Report,
        fields={
            "object_id": Category.ACTIVITY,
            "reason": Category.ACTIVITY,
            "details": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
            "resolved_at": Category.ACTIVITY,
        },
        rows=reports,
        export=lambda subject: registry.sections_from(
            reports(subject),
            title=lambda row: _("Yaptığınız içerik bildirimi"),
            fields=["reason", "details", "created_at", "resolved_at"],
        ),
        anonymise=lambda subject: reports(subject).delete()[0],
    )
    registry.register(
        PostingSuspension,
        fields={
            "until": Category.ACTIVITY,
            "reason": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
            "lifted_at": Category.ACTIVITY,
        },
        rows=suspensions,
        export=lambda subject: registry.sections_from(
            suspensions(subject),
            title=lambda row: _("Paylaşımlarınızın askıya alınması"),
            fields=["until", "reason", "created_at", "lifted_at"],
        ),
        anonymise=lambda subject: suspensions(subject).update(reason=""),
    )
    registry.register(
        ModerationDecision,
        fields={"note": Category.ACTIVITY, "decided_at": Category.ACTIVITY},
        not_personal={"object_id", "kind", "reason"},
        rows=decisions,
        export=lambda subject: registry.sections_from(
            decisions(subject),
            title=lambda row: _("Verdiğiniz moderasyon kararı"),
            fields=["kind", "reason", "note", "decided_at"],
        ),
        # The decision stays (the content stays hidden by it); who took it is forgotten.
        anonymise=lambda subject: decisions(subject).update(moderator=None),
    )

"""What the KVKK app holds about people: the requests they made by another channel."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.anonymous import ANONYMOUS_NAME
from esit.core.encryption import lookup_hashes
from esit.core.personal_data_registry import Category, DataSubject, ExportSection
from esit.volunteers.personal_data import profiles

from .models import DataRequest, Incident, RetentionRun, RetentionWarning


def requests_of(subject: DataSubject) -> QuerySet[DataRequest]:
    condition = Q(pk__in=[])
    if subject.emails:
        condition |= Q(requester_email__in=subject.emails)
    if subject.phones:
        condition |= Q(requester_phone_hash__in=lookup_hashes(subject.phones))
    return DataRequest.objects.filter(condition)


def _export(subject: DataSubject) -> list[ExportSection]:
    return registry.sections_from(
        requests_of(subject),
        title=lambda request: _("KVKK başvurunuz"),
        fields=["kind", "channel", "received_on", "requester_name", "summary", "status", "answer"],
    )


def _anonymise(subject: DataSubject) -> int:
    """The request stays in the register (its dates prove it was answered in time), without
    who made it or what they wrote."""
    return requests_of(subject).update(
        requester_name=ANONYMOUS_NAME,
        requester_email="",
        requester_phone="",
        requester_phone_hash="",
        summary="",
        answer="",
    )


def warnings_of(subject: DataSubject) -> QuerySet[RetentionWarning]:
    return RetentionWarning.objects.filter(volunteer__in=profiles(subject))


def register() -> None:
    registry.register(
        RetentionWarning,
        fields=dict.fromkeys(
            ["warned_at", "anonymise_after", "stayed_at", "anonymised_at"], Category.ACTIVITY
        ),
        rows=warnings_of,
        export=lambda subject: registry.sections_from(
            warnings_of(subject),
            title=lambda warning: _("Hareketsizlik uyarısı"),
            fields=["warned_at", "anonymise_after", "stayed_at"],
        ),
        # Dates only, hanging off the profile the volunteers app anonymises: they then belong
        # to nobody, and they prove the retention rule warned before it acted.
        anonymise=lambda subject: 0,
    )
    registry.register_no_personal_data(
        RetentionRun,
        fields={"day", "started_at", "finished_at"},
        reason="When the retention rules ran; the counts are in the destruction records.",
    )
    registry.register_no_personal_data(
        Incident,
        fields={
            "title",
            "what_happened",
            "occurred_at",
            "discovered_at",
            "categories",
            "affected",
            "affected_count",
            "measures",
            "board_notified_at",
            "people_notified_at",
            "people_notified_how",
            "reminded_at",
            "logged_at",
        },
        reason=(
            "A breach is described by categories and counts of people, never by their names "
            "(the form says so); the staff who log it are staff."
        ),
    )
    registry.register(
        DataRequest,
        fields={
            "requester_name": Category.IDENTITY,
            "requester_email": Category.CONTACT,
            "requester_phone": Category.CONTACT,
            "requester_phone_hash": Category.TECHNICAL,
            "summary": Category.ACTIVITY,
            "answer": Category.ACTIVITY,
        },
        not_personal={
            "kind",
            "channel",
            "received_on",
            "deadline",
            "status",
            "answered_on",
            "reminded_on",
        },
        rows=requests_of,
        export=_export,
        anonymise=_anonymise,
        person_record=True,
    )

"""What activities hold about people, for the personal-data registry.

A volunteer's sign-ups, tasks and hours keep counting in the programme's figures
after she is erased: they hang off her profile, which the volunteers app
anonymises, so they then belong to nobody. What she wrote herself (delivery
notes, links and files, descriptions of her hours) and what names her (the name
on a certificate) is removed. A member of the public who registered for a
workshop is a person record of her own (Participant).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.anonymous import ANONYMOUS_NAME, anonymous_email
from esit.core.encryption import lookup_hashes
from esit.core.personal_data_registry import Category, DataSubject
from esit.volunteers.personal_data import profiles

from .models import (
    Activity,
    ActivityKind,
    Certificate,
    HoursEntry,
    Participant,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
    VolunteerRecord,
    new_token,
)
from .versions import bump_hours


def signups(subject: DataSubject):
    return SignUp.objects.filter(volunteer__in=profiles(subject))


def assignments(subject):
    return TaskAssignment.objects.filter(volunteer__in=profiles(subject))


def _anonymise_assignments(subject) -> int:
    changed = 0
    for assignment in assignments(subject):
        if assignment.delivery_file:
            assignment.delivery_file.delete(save=False)
        assignment.delivery_note = assignment.delivery_link = assignment.review_comment = ""
        assignment.save(
            update_fields=["delivery_note", "delivery_link", "delivery_file", "review_comment"]
        )
        changed += 1
    return changed


def hours(subject):
    return HoursEntry.objects.filter(volunteer__in=profiles(subject))


def _anonymise_hours(subject) -> int:
    changed = hours(subject).update(description="", review_comment="")
    bump_hours()  # an update() sends no signal: the staff hours queue shows both texts
    return changed


def certificates(subject):
    return Certificate.objects.filter(volunteer__in=profiles(subject))


def records(subject):
    return VolunteerRecord.objects.filter(volunteer__in=profiles(subject))


def participants(subject):
    condition = Q(email__in=subject.emails) | Q(phone_hash__in=lookup_hashes(subject.phones))
    return Participant.objects.filter(condition)


def _anonymise_participants(subject) -> int:
    changed = 0
    for participant in participants(subject):
        participant.name = ANONYMOUS_NAME
        participant.email = anonymous_email(f"participant-{participant.pk}")
        participant.phone = ""
        participant.cancel_token = new_token()
        participant.save(update_fields=["name", "email", "phone", "cancel_token"])
        changed += 1
    return changed


def _sections(rows, title, fields):
    return registry.sections_from(rows, title=lambda row: title, fields=fields)


def register() -> None:
    registry.register(
        SignUp,
        fields=dict.fromkeys(
            [
                "status",
                "created_at",
                "cancelled_at",
                "reminder_sent_at",
                "coming_confirmed_at",
                "attendance",
                "checked_in_at",
                "decided_at",
                "requirements_waived_at",
            ],
            Category.ACTIVITY,
        ),
        rows=signups,
        export=lambda subject: _sections(
            signups(subject).select_related("shift__activity"),
            _("Vardiya kaydınız"),
            ["shift", "status", "created_at", "cancelled_at", "attendance", "checked_in_at"],
        ),
        anonymise=lambda subject: 0,  # see the module docstring
    )
    registry.register(
        TaskAssignment,
        fields={
            "status": Category.ACTIVITY,
            "claimed_at": Category.ACTIVITY,
            "delivery_note": Category.ACTIVITY,
            "delivery_link": Category.ACTIVITY,
            "delivery_file": Category.ACTIVITY,
            "delivered_at": Category.ACTIVITY,
            "review_comment": Category.ACTIVITY,
            "reviewed_at": Category.ACTIVITY,
            "requirements_waived_at": Category.ACTIVITY,
        },
        rows=assignments,
        export=lambda subject: _sections(
            assignments(subject).select_related("task"),
            _("Üstlendiğiniz görev"),
            ["task", "status", "claimed_at", "delivery_note", "delivery_link", "delivery_file"],
        ),
        anonymise=_anonymise_assignments,
    )
    registry.register(
        HoursEntry,
        fields={
            "source": Category.ACTIVITY,
            "date": Category.ACTIVITY,
            "hours": Category.ACTIVITY,
            "description": Category.ACTIVITY,
            "status": Category.ACTIVITY,
            "reviewed_at": Category.ACTIVITY,
            "review_comment": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
        },
        rows=hours,
        export=lambda subject: _sections(
            hours(subject).select_related("area"),
            _("Gönüllülük saatiniz"),
            ["date", "hours", "area", "description", "status", "review_comment"],
        ),
        anonymise=_anonymise_hours,
    )
    registry.register(
        VolunteerRecord,
        fields={
            "attended": Category.ACTIVITY,
            "decided": Category.ACTIVITY,
            "recent_hours": Category.ACTIVITY,
            "recent_days": Category.TECHNICAL,
            "recent_until": Category.TECHNICAL,
            "refreshed_at": Category.TECHNICAL,
        },
        rows=records,
        export=lambda subject: _sections(
            records(subject),
            _("Katılım özetiniz"),
            ["attended", "decided", "recent_hours", "recent_days", "recent_until", "refreshed_at"],
        ),
        # Counts of her sign-ups and hours, kept after erasure with them (the module docstring).
        anonymise=lambda subject: 0,
    )
    registry.register(
        Certificate,
        fields={
            "holder_name": Category.IDENTITY,
            "code": Category.TECHNICAL,
            "issued_at": Category.ACTIVITY,
            "total_hours": Category.ACTIVITY,
            "first_date": Category.ACTIVITY,
            "last_date": Category.ACTIVITY,
            "areas": Category.ACTIVITY,
        },
        rows=certificates,
        export=lambda subject: _sections(
            certificates(subject), _("Gönüllülük belgeniz"), ["code", "issued_at", "total_hours"]
        ),
        anonymise=lambda subject: certificates(subject).update(holder_name=ANONYMOUS_NAME),
    )
    registry.register(
        Participant,
        fields={
            "name": Category.IDENTITY,
            "email": Category.CONTACT,
            "phone": Category.CONTACT,
            "phone_hash": Category.TECHNICAL,
            "status": Category.ACTIVITY,
            "language": Category.ACTIVITY,
            "cancel_token": Category.TECHNICAL,
            "registered_at": Category.ACTIVITY,
            "cancelled_at": Category.ACTIVITY,
            "attendance": Category.ACTIVITY,
            "attendance_recorded_at": Category.ACTIVITY,
        },
        rows=participants,
        export=lambda subject: _sections(
            participants(subject).select_related("activity"),
            _("Etkinlik kaydınız"),
            ["activity", "name", "email", "phone", "status", "registered_at", "attendance"],
        ),
        anonymise=_anonymise_participants,
        person_record=True,
    )
    for model, fields, reason in [
        (ActivityKind, {"name_tr", "name_en", "is_active", "position", "slug"}, "Reference list."),
        (
            Activity,
            {
                "title_tr",
                "title_en",
                "description_tr",
                "description_en",
                "address",
                "online_url",
                "starts_at",
                "ends_at",
                "status",
                "requires_approval",
                "cancellation_deadline_hours",
                "public_registration",
                "public_capacity",
                "search_text",
                "uid",
                "created_at",
                "updated_at",
            },
            "What the programme publishes; the staff member who created it is a link only.",
        ),
        (
            Shift,
            {"starts_at", "ends_at", "capacity", "newcomer_places", "notes"},
            "When and how many; notes are about the work, for the coordinators.",
        ),
        (
            Task,
            {"title", "description", "due_date", "places", "estimated_hours"},
            "The work offered to volunteers.",
        ),
    ]:
        registry.register_no_personal_data(model, fields=fields, reason=reason)

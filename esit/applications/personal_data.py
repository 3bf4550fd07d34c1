"""What applications hold about people, for the personal-data registry.

Anonymising an application keeps what the reports count (status, dates, district,
areas, languages, how they heard of us, the gender category, the birth year) and
removes who it was: names, address, phone, the free texts, the exact birth day,
staff notes, and the status link (a new token, so the old link opens nothing).
"""

import uuid

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.anonymous import ANONYMOUS_NAME, anonymous_email, coarse_birth_date
from esit.core.encryption import lookup_hashes
from esit.core.personal_data_registry import Category, DataSubject

from .models import (
    AccountReminder,
    Application,
    ApplicationLanguage,
    Decision,
    Note,
    new_status_token,
)


def applications(subject: DataSubject):
    condition = Q(email__in=subject.emails) | Q(phone_hash__in=lookup_hashes(subject.phones))
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return Application.objects.filter(condition)


def _export_applications(subject):
    return registry.sections_from(
        applications(subject).select_related("district"),
        title=lambda application: _("Gönüllülük başvurunuz"),
        fields=[
            "first_name",
            "last_name",
            "email",
            "phone",
            "birth_date",
            "district",
            "experience",
            "motivation",
            "heard_from",
            "gender",
            "gender_self_description",
            "language",
            "status",
            "decision_reason",
            "submitted_at",
            "decided_at",
        ],
    )


def _anonymise_applications(subject) -> int:
    changed = 0
    for application in applications(subject):
        if application.is_open:
            # Erased people are not in the queue: an open application ends as withdrawn.
            application.status = Application.Status.WITHDRAWN
            application.decided_at = timezone.now()
        application.first_name = ANONYMOUS_NAME
        application.last_name = ""
        application.email = anonymous_email(f"application-{application.pk}")
        application.phone = ""
        application.birth_date = coarse_birth_date(application.birth_date)
        application.experience = application.motivation = ""
        application.gender_self_description = ""
        application.decision_reason = ""
        application.search_text = ""
        application.status_token = new_status_token()
        application.status_link_sent_at = None
        application.submission_key = uuid.uuid4()
        application.user = None
        application.save()
        changed += 1
    return changed


def languages(subject):
    return ApplicationLanguage.objects.filter(application__in=applications(subject))


def decisions(subject):
    return Decision.objects.filter(application__in=applications(subject))


def notes(subject):
    return Note.objects.filter(application__in=applications(subject))


def reminders(subject):
    if subject.user is None:
        return AccountReminder.objects.none()
    return AccountReminder.objects.filter(user=subject.user)


def register() -> None:
    registry.register(
        Application,
        fields={
            "first_name": Category.IDENTITY,
            "last_name": Category.IDENTITY,
            "email": Category.CONTACT,
            "phone": Category.CONTACT,
            "phone_hash": Category.TECHNICAL,
            "birth_date": Category.IDENTITY,
            "birth_year": Category.IDENTITY,
            "availability": Category.ACTIVITY,
            "experience": Category.ACTIVITY,
            "motivation": Category.ACTIVITY,
            "heard_from": Category.ACTIVITY,
            "gender": Category.SPECIAL,
            "gender_self_description": Category.SPECIAL,
            "language": Category.ACTIVITY,
            "status": Category.ACTIVITY,
            "decision_reason": Category.ACTIVITY,
            "submitted_at": Category.ACTIVITY,
            "decided_at": Category.ACTIVITY,
            "status_token": Category.TECHNICAL,
            "status_link_sent_at": Category.TECHNICAL,
            "submission_key": Category.TECHNICAL,
            "search_text": Category.IDENTITY,
        },
        rows=applications,
        export=_export_applications,
        anonymise=_anonymise_applications,
        person_record=True,
    )
    registry.register(
        ApplicationLanguage,
        fields={"level": Category.ACTIVITY},
        rows=languages,
        export=lambda subject: registry.sections_from(
            languages(subject).select_related("language"),
            title=lambda row: _("Başvurudaki dil"),
            fields=["language", "level"],
        ),
        # Which languages an application names counts in reports; without the
        # application's person (anonymised above) it says nothing about anyone.
        anonymise=lambda subject: 0,
    )
    registry.register(
        Decision,
        fields={
            "kind": Category.ACTIVITY,
            "reason": Category.ACTIVITY,
            "decided_at": Category.ACTIVITY,
            "changed_fields": Category.ACTIVITY,
        },
        rows=decisions,
        export=lambda subject: registry.sections_from(
            decisions(subject),
            title=lambda decision: _("Başvurunuzla ilgili karar"),
            fields=["kind", "reason", "decided_at"],
        ),
        anonymise=lambda subject: decisions(subject).update(reason=""),
    )
    registry.register(
        Note,
        fields={"body": Category.ACTIVITY, "created_at": Category.ACTIVITY},
        rows=notes,
        export=lambda subject: registry.sections_from(
            notes(subject),
            title=lambda note: _("Personel notu"),
            fields=["body", "created_at"],
        ),
        anonymise=lambda subject: notes(subject).delete()[0],
    )
    registry.register(
        AccountReminder,
        fields={"sent_at": Category.TECHNICAL},
        rows=reminders,
        export=lambda subject: [],  # only when we last wrote to them; in the deliveries too
        anonymise=lambda subject: reminders(subject).delete()[0],
    )

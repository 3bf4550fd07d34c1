"""What a volunteer's profile holds about them, for the personal-data registry.

Anonymising a profile ends it (withdrawn) and keeps what the reports count
(district, areas, languages, week, gender category, birth year, when they
joined and left); names, phone, the exact birth day and the personal codes go.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.anonymous import ANONYMOUS_NAME, coarse_birth_date
from esit.core.encryption import lookup_hashes
from esit.core.personal_data_registry import Category, DataSubject

from .models import Volunteer, VolunteerLanguage, new_calendar_token, new_checkin_code


def profiles(subject: DataSubject):
    condition = Q(phone_hash__in=lookup_hashes(subject.phones)) | Q(user__email__in=subject.emails)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return Volunteer.objects.filter(condition)


def _export(subject):
    return registry.sections_from(
        profiles(subject).select_related("district"),
        title=lambda volunteer: _("Gönüllü profiliniz"),
        fields=[
            "first_name",
            "last_name",
            "phone",
            "birth_date",
            "district",
            "gender",
            "status",
            "joined_at",
            "left_at",
            "paused_at",
            "end_reason",
            "checkin_code",
        ],
    )


def _anonymise(subject) -> int:
    changed = 0
    for volunteer in profiles(subject):
        volunteer.first_name = ANONYMOUS_NAME
        volunteer.last_name = ""
        volunteer.phone = ""
        volunteer.birth_date = coarse_birth_date(volunteer.birth_date)
        volunteer.search_text = ""
        volunteer.name_key = ""
        volunteer.end_reason = ""
        volunteer.checkin_code = new_checkin_code()
        volunteer.calendar_token = new_calendar_token()
        if volunteer.status != Volunteer.Status.WITHDRAWN:
            volunteer.status = Volunteer.Status.WITHDRAWN
            volunteer.left_at = timezone.now()
        volunteer.save()
        changed += 1
    return changed


def languages(subject):
    return VolunteerLanguage.objects.filter(volunteer__in=profiles(subject))


def register() -> None:
    registry.register(
        Volunteer,
        fields={
            "first_name": Category.IDENTITY,
            "last_name": Category.IDENTITY,
            "phone": Category.CONTACT,
            "phone_hash": Category.TECHNICAL,
            "birth_date": Category.IDENTITY,
            "birth_year": Category.IDENTITY,
            "availability": Category.ACTIVITY,
            "gender": Category.SPECIAL,
            "status": Category.ACTIVITY,
            "joined_at": Category.ACTIVITY,
            "left_at": Category.ACTIVITY,
            "search_text": Category.IDENTITY,
            "name_key": Category.IDENTITY,
            "paused_at": Category.ACTIVITY,
            "end_reason": Category.ACTIVITY,
            "checkin_code": Category.TECHNICAL,
            "calendar_token": Category.TECHNICAL,
        },
        rows=profiles,
        export=_export,
        anonymise=_anonymise,
        person_record=True,
    )
    registry.register(
        VolunteerLanguage,
        fields={"level": Category.ACTIVITY},
        rows=languages,
        export=lambda subject: registry.sections_from(
            languages(subject).select_related("language"),
            title=lambda row: _("Bildiğiniz dil"),
            fields=["language", "level"],
        ),
        # Languages count in reports; without the anonymised profile they name nobody.
        anonymise=lambda subject: 0,
    )

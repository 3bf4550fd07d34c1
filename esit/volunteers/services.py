"""A volunteer's life in the programme: joining from an application, keeping a profile, leaving."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import Role
from esit.activities.services.signups import release_volunteer as release_shifts
from esit.activities.services.work import release_volunteer as release_tasks
from esit.core.turkish import search_key
from esit.privacy.services import withdraw_consent

from .models import Volunteer, VolunteerLanguage


class VolunteerError(Exception):
    """A rule refused the change; the message is translated and safe to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def create_volunteer_from_application(*, application) -> Volunteer:
    """Give an approved applicant an account and a profile copied from their application.

    Someone who left the programme and applied again keeps their account and
    history: their profile is refreshed and made active again, and the e-mail
    that leaving switched off is switched back on (they asked to take part).
    """
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=application.email).first()
        if user is not None and (user.is_staff_member or not user.is_active):
            # A staff or blocked account must not quietly become a volunteer's login.
            raise VolunteerError(
                _(
                    "Bu e-posta adresi bir personel hesabına ya da kapatılmış bir hesaba ait. "
                    "Başvuruyu onaylamadan önce hesabı yönetici ile birlikte inceleyin."
                )
            )
        if user is None:
            user = User.objects.create_user(
                email=application.email,
                first_name=application.first_name,
                last_name=application.last_name,
                preferred_language=application.language,
            )  # no password: the invitation lets them choose one
        user.groups.add(Group.objects.get(name=Role.VOLUNTEER))
        # They proved the address by following the e-mailed invitation; allauth needs it verified.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        profile = {
            "application": application,
            "first_name": application.first_name,
            "last_name": application.last_name,
            "phone": application.phone,
            "birth_date": application.birth_date,
            "district": application.district,
            "availability": application.availability,
            "gender": application.gender,
            "status": Volunteer.Status.ACTIVE,
            "left_at": None,
            "search_text": search_key(
                application.first_name, application.last_name, application.email
            ),
        }
        rejoining = Volunteer.objects.filter(user=user, status=Volunteer.Status.WITHDRAWN).exists()
        if rejoining:
            profile |= {
                "notify_announcements": True,
                "notify_activities": True,
                "notify_reminders": True,
            }
        volunteer, _joined = Volunteer.objects.update_or_create(
            user=user, defaults=profile, create_defaults={**profile, "joined_at": timezone.now()}
        )
        volunteer.areas.set(application.areas.all())
        volunteer.languages.all().delete()
        VolunteerLanguage.objects.bulk_create(
            VolunteerLanguage(volunteer=volunteer, language_id=item.language_id, level=item.level)
            for item in application.languages.all()
        )
    return volunteer


def invitation_url(user) -> str:
    """A one-time link to set a password, using allauth's own password-reset tokens."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path


def _locked_active(volunteer: Volunteer) -> Volunteer:
    """Lock the profile row and refuse changes once its owner has left the programme."""
    locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if not locked.is_active:
        raise VolunteerError(
            _(
                "Programdan ayrıldığınız için bu işlem yapılamaz. "
                "Yeniden katılmak için yeni bir başvuru yapabilirsiniz."
            )
        )
    return locked


def update_profile(
    *, volunteer: Volunteer, phone: str, district, areas, languages, availability: int
) -> Volunteer:
    """The volunteer keeps what matching reads up to date: district, areas, languages, week.

    `languages` is a list of (Language, level) pairs. The search text (name and
    e-mail) does not depend on anything changed here, so it stays as it is.
    """
    with transaction.atomic():
        locked = _locked_active(volunteer)
        locked.phone = phone
        locked.district = district
        locked.availability = availability
        locked.save(update_fields=["phone", "district", "availability"])
        locked.areas.set(areas)
        locked.languages.all().delete()
        VolunteerLanguage.objects.bulk_create(
            VolunteerLanguage(volunteer=locked, language=language, level=level)
            for language, level in languages
        )
    return locked


def update_notifications(
    *, volunteer: Volunteer, announcements: bool, activities: bool, reminders: bool
) -> Volunteer:
    """The volunteer decides which e-mail reaches them; someone who left gets none."""
    with transaction.atomic():
        locked = _locked_active(volunteer)
        locked.notify_announcements = announcements
        locked.notify_activities = activities
        locked.notify_reminders = reminders
        locked.save(update_fields=["notify_announcements", "notify_activities", "notify_reminders"])
    return locked


def withdraw_from_programme(*, volunteer: Volunteer) -> Volunteer:
    """Leaving stops all e-mail at once; the account stays so hours and certificates survive.

    Applying again and being approved reactivates the same account and profile.
    """
    with transaction.atomic():
        locked = _locked_active(volunteer)
        locked.status = Volunteer.Status.WITHDRAWN
        locked.left_at = timezone.now()
        locked.notify_announcements = False
        locked.notify_activities = False
        locked.notify_reminders = False
        locked.save(
            update_fields=[
                "status",
                "left_at",
                "notify_announcements",
                "notify_activities",
                "notify_reminders",
            ]
        )
        if locked.application_id:
            withdraw_consent(record=locked.application.consent, at=locked.left_at)
        # After commit, each in its own transaction locking the volunteer's row first:
        # the places they held in shifts and tasks go to others.
        transaction.on_commit(lambda: release_shifts(volunteer=locked), robust=True)
        transaction.on_commit(lambda: release_tasks(volunteer=locked), robust=True)
    return locked

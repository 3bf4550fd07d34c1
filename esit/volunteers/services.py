"""A volunteer's life in the programme: joining from an application, keeping a profile, leaving."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import Role
from esit.audit import services as audit
from esit.core import phones
from esit.core.email_address import normalise_email
from esit.core.errors import RuleError, checked
from esit.core.turkish import search_key
from esit.notifications import kinds, preferences
from esit.privacy.services import withdraw_consent
from esit.reference import rules as reference_rules

from .models import Volunteer, VolunteerLanguage, name_key
from .signals import send_after_commit, volunteer_left


class VolunteerError(RuleError):
    """A rule of a volunteer's life in the programme refused the change (esit/core/errors.py)."""


@dataclass(frozen=True)
class Enrolment:
    volunteer: Volunteer
    rejoined: bool  # a former volunteer's own profile, made active again


def enrol_from_application(*, application) -> Enrolment:
    """Give an approved applicant an account and a profile, or a former volunteer hers back.

    A newcomer's profile is copied from her application.

    Approval never overwrites an existing profile. Someone who left the programme
    (Volunteer.status withdrawn) and applied again rejoins: her account, profile and
    history are kept and made active again, and the e-mail that leaving switched off is
    switched back on (she asked to take part). The new application's details (phone,
    district, areas, languages, week) are NOT copied over her profile: an application
    can be sent by anyone who knows her e-mail address, and an approval must never let
    that person replace her details. They stay on the application, where staff see them,
    and the welcome-back e-mail asks her to check /me/profile/, signed in as herself.

    Refused: an address of a staff member's or a closed account (it must not quietly
    become a volunteer's login), of an active volunteer (she is in the programme
    already), and a phone that is on another active volunteer's profile.
    """
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email=normalise_email(application.email)).first()
        if user is not None and (user.is_staff_member or not user.is_active):
            raise VolunteerError(
                _(
                    "Bu e-posta adresi bir personel hesabına ya da kapatılmış bir hesaba ait. "
                    "Başvuruyu onaylamadan önce hesabı yönetici ile birlikte inceleyin."
                )
            )
        profile = Volunteer.objects.select_for_update().filter(user=user).first() if user else None
        if profile is not None and profile.in_programme:
            raise VolunteerError(
                _(
                    "Bu e-posta adresi etkin bir gönüllüye ait; başvuru onaylanamaz, çünkü onay "
                    "onun profilini değiştiremez. Gönüllü bilgilerini kendisi /me/profile/ "
                    "sayfasından günceller."
                )
            )
        others = Volunteer.objects.filter(phone=application.phone).exclude(
            status=Volunteer.Status.WITHDRAWN
        )
        if others.exclude(user=user).exists():
            raise VolunteerError(
                _(
                    "Bu telefon numarası başka bir etkin gönüllünün profilinde kayıtlı. "
                    "Onaylamadan önce iki kaydın aynı kişiye ait olup olmadığını inceleyin."
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
        if profile is not None:
            return Enrolment(_reactivate(profile, application=application), rejoined=True)
        volunteer = Volunteer.objects.create(
            user=user,
            application=application,
            first_name=application.first_name,
            last_name=application.last_name,
            phone=application.phone,
            birth_date=application.birth_date,
            district=application.district,
            availability=application.availability,
            gender=application.gender,
            joined_at=timezone.now(),
            search_text=search_key(
                application.first_name, application.last_name, application.email
            ),
            name_key=name_key(application.first_name, application.last_name),
        )
        volunteer.areas.set(application.areas.all())
        VolunteerLanguage.objects.bulk_create(
            VolunteerLanguage(volunteer=volunteer, language_id=item.language_id, level=item.level)
            for item in application.languages.all()
        )
    return Enrolment(volunteer, rejoined=False)


def _reactivate(profile: Volunteer, *, application) -> Volunteer:
    """A former volunteer's own profile, active again, her details untouched (see above).

    It now points at the application that brought her back, whose consent is the one
    that leaving again withdraws. Every optional message is on again, as for a newcomer.
    """
    profile.status = Volunteer.Status.ACTIVE
    profile.left_at = None
    profile.application = application
    profile.save(update_fields=["status", "left_at", "application"])
    preferences.set_all_optional(user=profile.user, enabled=True)
    return profile


def _locked_active(volunteer: Volunteer) -> Volunteer:
    """Lock the profile row and refuse changes once its owner has left the programme
    (a paused volunteer still keeps her profile and preferences, and may leave)."""
    locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if not locked.in_programme:
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

    `languages` is a list of (Language, level) pairs. The same rules as on the
    application form hold (a Turkish mobile, districts, areas and languages offered
    today, a week of the 21 slots). The search text (name and e-mail) does not depend
    on anything changed here, so it stays as it is.
    """
    phone = checked(phones.clean_turkish_mobile, phone, field="phone", error=VolunteerError)
    checked(reference_rules.check_district, district, field="district", error=VolunteerError)
    areas = list(areas or [])
    checked(reference_rules.check_areas, areas, field="areas", error=VolunteerError)
    languages = reference_rules.checked_languages(languages, error=VolunteerError)
    checked(
        reference_rules.check_availability, availability, field="availability", error=VolunteerError
    )
    with transaction.atomic():
        locked = _locked_active(volunteer)
        changed = [
            name
            for name, before, after in [
                ("phone", locked.phone, phone),
                ("district", locked.district_id, getattr(district, "pk", None)),
                ("availability", locked.availability, availability),
            ]
            if before != after
        ]
        if {area.pk for area in locked.areas.all()} != {area.pk for area in areas}:
            changed.append("areas")
        if {(known.language_id, known.level) for known in locked.languages.all()} != {
            (language.pk, level) for language, level in languages
        }:
            changed.append("languages")
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
        if changed:
            audit.record(
                action="volunteers.profile_changed",
                actor=locked.user,
                obj=locked,
                person=locked,
                summary=", ".join(changed),
            )
    return locked


def update_notifications(*, volunteer: Volunteer, enabled: dict[str, bool]) -> Volunteer:
    """The volunteer decides which optional e-mail reaches them; someone who left gets none.

    `enabled` maps the key of an optional notification kind to whether she wants it; a
    kind left out keeps what it was. Transactional messages (a sign-up confirmation, the
    status of her own work) are the service itself and cannot be turned off: naming one
    is refused.
    """
    chosen = {key: bool(value) for key, value in enabled.items()}
    for key in chosen:
        if not kinds.get(key).optional:
            raise ValueError(f"{key} cannot be turned off: it is part of the service.")
    with transaction.atomic():
        locked = _locked_active(volunteer)
        for key, value in chosen.items():
            preferences.set_preference(user=locked.user, kind_key=key, enabled=value)
    return locked


def withdraw_from_programme(*, volunteer: Volunteer) -> Volunteer:
    """Leaving stops every optional e-mail at once; the account stays so hours and
    certificates survive.

    Applying again and being approved reactivates the same account and profile. Once the
    change commits, `volunteer_left` tells the apps above (activities gives the places she
    held in shifts and tasks to others, each in its own transaction).
    """
    with transaction.atomic():
        locked = _locked_active(volunteer)
        locked.status = Volunteer.Status.WITHDRAWN
        locked.left_at = timezone.now()
        locked.save(update_fields=["status", "left_at"])
        preferences.set_all_optional(user=locked.user, enabled=False)
        if locked.application_id:
            withdraw_consent(record=locked.application.consent, at=locked.left_at)
        send_after_commit(volunteer_left, volunteer_id=locked.pk)
    return locked

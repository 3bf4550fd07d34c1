"""A volunteer's life in the programme: joining from an application, keeping a profile, leaving."""

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from esit.accounts.models import Role, User
from esit.accounts.scope import scope_of
from esit.audit import services as audit
from esit.core import phones
from esit.core.email_address import normalise_email
from esit.core.errors import RuleError, checked
from esit.core.turkish import search_key
from esit.notifications import kinds, preferences
from esit.notifications.services import Recipient, notify, notify_many
from esit.privacy.services import withdraw_consent
from esit.reference import rules as reference_rules
from esit.reference.models import District, Language, VolunteerArea

from .models import Volunteer, VolunteerLanguage, name_key
from .selectors import MANAGE, visible_to
from .signals import send_after_commit, volunteer_left


class VolunteerError(RuleError):
    """A rule of a volunteer's life in the programme refused the change (esit/core/errors.py)."""


class _All[T](Protocol):
    def all(self) -> Iterable[T]: ...


class _KnownLanguage(Protocol):
    @property
    def language_id(self) -> int: ...
    @property
    def level(self) -> str: ...


class ApprovedApplication(Protocol):
    """What enrolment reads of an approved application (esit/applications), which this app,
    a layer below, may not import; the profile's `application` link is set to it as well."""

    @property
    def pk(self) -> int: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def phone_hash(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def birth_date(self) -> datetime.date: ...
    @property
    def district(self) -> District: ...
    @property
    def availability(self) -> int: ...
    @property
    def gender(self) -> str: ...
    @property
    def areas(self) -> _All[VolunteerArea]: ...
    @property
    def languages(self) -> _All[_KnownLanguage]: ...


@dataclass(frozen=True)
class Enrolment:
    volunteer: Volunteer
    rejoined: bool  # a former volunteer's own profile, made active again


def enrol_from_application(*, application: ApprovedApplication) -> Enrolment:
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
        others = Volunteer.objects.filter(phone_hash=application.phone_hash).exclude(
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
            # An applications.Application at run time; the Protocol cannot say so (see above).
            application=application,  # type: ignore[misc]
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


def _reactivate(profile: Volunteer, *, application: ApprovedApplication) -> Volunteer:
    """A former volunteer's own profile, active again, her details untouched (see above).

    It now points at the application that brought her back, whose consent is the one
    that leaving again withdraws. Every optional message is on again, as for a newcomer.
    """
    profile.status = Volunteer.Status.ACTIVE
    profile.left_at = None
    profile.end_reason = ""
    # An applications.Application at run time; the Protocol cannot say so (see above).
    profile.application = application  # type: ignore[assignment]
    profile.save(update_fields=["status", "left_at", "end_reason", "application"])
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
    *,
    volunteer: Volunteer,
    phone: str,
    district: District,
    areas: Iterable[VolunteerArea],
    languages: Iterable[tuple[Language, str]],
    availability: int,
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
        if locked.application is not None:
            withdraw_consent(record=locked.application.consent, at=locked.left_at)
        send_after_commit(volunteer_left, volunteer_id=locked.pk)
    return locked


# Staff managing volunteers ---------------------------------------------------------------------

END_REASON_MAX = 1000
SUBJECT_MAX = 150
BODY_MAX = 5000


def _check_may_manage(by: User | None, volunteer: Volunteer) -> None:
    """Only staff with the capability, and only for a volunteer of their scope (the views
    never show others, but a service that decides refuses as well)."""
    if by is None or not by.has_perm(MANAGE):
        raise PermissionDenied
    allowed = scope_of(by).allows(
        area_ids=[area.pk for area in volunteer.areas.all()], district_id=volunteer.district_id
    )
    if not allowed:
        raise PermissionDenied


def _locked_for_staff(volunteer: Volunteer, *, by: User | None) -> Volunteer:
    locked = Volunteer.objects.select_for_update().select_related("user").get(pk=volunteer.pk)
    _check_may_manage(by, locked)
    return locked


def _tell(kind: str, volunteer: Volunteer, *, at: datetime.datetime) -> None:
    # Keyed by the moment: a volunteer paused twice is told twice, a retried request once.
    notify(kind, obj=volunteer, to=Recipient.of_user(volunteer.user), key=at.isoformat())


def pause_volunteer(*, volunteer: Volunteer, by: User | None) -> Volunteer:
    """Staff pause an active volunteer: she stays in the programme but takes no new work.

    A paused volunteer is not active (`Volunteer.is_active`), which every rule of
    activities reads: she cannot sign up, be added, take a task or be promoted from a
    waitlist. Nothing she did or holds is removed (her history, hours, certificates and
    existing sign-ups stay), so reactivating gives everything back. She is told.
    """
    with transaction.atomic():
        locked = _locked_for_staff(volunteer, by=by)
        if locked.status != Volunteer.Status.ACTIVE:
            raise VolunteerError(_("Yalnızca etkin bir gönüllü duraklatılabilir."))
        locked.status = Volunteer.Status.PAUSED
        locked.paused_at = timezone.now()
        locked.save(update_fields=["status", "paused_at"])
        audit.record(
            action="volunteers.paused",
            actor=by,
            obj=locked,
            person=locked,
            summary=str(_("Gönüllü duraklatıldı.")),
        )
        _tell("volunteers.paused", locked, at=locked.paused_at)
    return locked


def reactivate_volunteer(*, volunteer: Volunteer, by: User | None) -> Volunteer:
    """Staff end a pause; she may take work again and is told. Someone who left comes back
    through a new application instead, which staff review (enrol_from_application)."""
    with transaction.atomic():
        locked = _locked_for_staff(volunteer, by=by)
        if locked.status != Volunteer.Status.PAUSED:
            raise VolunteerError(_("Yalnızca duraklatılmış bir gönüllü yeniden etkinleştirilir."))
        locked.status = Volunteer.Status.ACTIVE
        locked.paused_at = None
        locked.save(update_fields=["status", "paused_at"])
        audit.record(
            action="volunteers.reactivated",
            actor=by,
            obj=locked,
            person=locked,
            summary=str(_("Gönüllü yeniden etkinleştirildi.")),
        )
        _tell("volunteers.reactivated", locked, at=timezone.now())
    return locked


def end_volunteer(*, volunteer: Volunteer, by: User | None, reason: str) -> Volunteer:
    """Staff end an active or paused volunteer's participation, with a reason she is told.

    It has the effects of leaving (withdraw_from_programme): she is withdrawn, every
    optional message stops, and once the change commits `volunteer_left` tells activities
    to give the places she held in shifts and tasks to come to others. Her consent is not
    touched: she did not withdraw it. The audit trail keeps the reason's length, not its
    words (they may name her); the words stay on her profile, which erasure clears.
    """
    reason = (reason or "").strip()
    if not reason:
        raise VolunteerError(_("Lütfen gönüllüye bildirilecek gerekçeyi yazın."), field="reason")
    if len(reason) > END_REASON_MAX:
        raise VolunteerError(
            _("Gerekçe en fazla %(max)d karakter olabilir.") % {"max": END_REASON_MAX},
            field="reason",
        )
    with transaction.atomic():
        locked = _locked_for_staff(volunteer, by=by)
        if not locked.in_programme:
            raise VolunteerError(_("Bu gönüllü programdan zaten ayrıldı."))
        locked.status = Volunteer.Status.WITHDRAWN
        locked.left_at = timezone.now()
        locked.paused_at = None
        locked.end_reason = reason
        locked.save(update_fields=["status", "left_at", "paused_at", "end_reason"])
        preferences.set_all_optional(user=locked.user, enabled=False)
        audit.record(
            action="volunteers.ended",
            actor=by,
            obj=locked,
            person=locked,
            summary=str(
                _("Gönüllülük sonlandırıldı (gerekçe %(length)d karakter).")
                % {"length": len(reason)}
            ),
        )
        _tell("volunteers.ended", locked, at=locked.left_at)
        send_after_commit(volunteer_left, volunteer_id=locked.pk)
    return locked


def message_volunteers(
    *, volunteers: QuerySet[Volunteer], by: User | None, subject: str, body: str
) -> int:
    """Staff write to one volunteer or a filtered selection; returns how many are queued.

    Only volunteers of the writer's scope who are still in the programme are written to,
    whatever `volunteers` holds. The message is the optional kind `volunteers.staff_message`
    (esit/volunteers/mail.py): whoever turned it off, or left, is not sent it, the
    notifications app checks when each message leaves. One audit event per message, with
    the number of recipients (the deliveries name each of them, in their history).
    """
    if by is None or not by.has_perm(MANAGE):
        raise PermissionDenied
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise VolunteerError(_("Lütfen bir konu yazın."), field="subject")
    if len(subject) > SUBJECT_MAX:
        raise VolunteerError(
            _("Konu en fazla %(max)d karakter olabilir.") % {"max": SUBJECT_MAX}, field="subject"
        )
    if not body:
        raise VolunteerError(_("Lütfen mesajı yazın."), field="body")
    if len(body) > BODY_MAX:
        raise VolunteerError(
            _("Mesaj en fazla %(max)d karakter olabilir.") % {"max": BODY_MAX}, field="body"
        )
    recipients = (
        visible_to(by)
        .filter(pk__in=volunteers.order_by().values("pk"))
        .exclude(status=Volunteer.Status.WITHDRAWN)
        .select_related("user")
        .order_by("pk")
    )
    message_id = uuid.uuid4().hex
    with transaction.atomic():
        people = list(recipients)
        if not people:
            raise VolunteerError(_("Bu seçimde mesaj gönderilebilecek gönüllü yok."))
        queued = notify_many(
            "volunteers.staff_message",
            ((person, Recipient.of_user(person.user)) for person in people),
            key=message_id,
            params={"subject": subject, "body": body},
        )
        audit.record(
            action="volunteers.messaged",
            actor=by,
            person=people[0] if len(people) == 1 else None,
            summary=str(
                ngettext(
                    "Mesaj %(count)d gönüllüye gönderildi (%(length)d karakter).",
                    "Mesaj %(count)d gönüllüye gönderildi (%(length)d karakter).",
                    len(people),
                )
                % {"count": len(people), "length": len(body)}
            ),
        )
    return queued

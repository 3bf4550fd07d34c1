"""The rules of the application journey: submit, withdraw, decide.

Each service runs in one transaction and locks the application it changes,
so two coordinators deciding at once cannot both win. E-mails are notifications
(kinds `applications.*`, mail.py) queued in the change's transaction: they leave
only after the commit, so nobody is told about a change that rolled back.

Every rule of the /apply/ form is checked here again, by the same functions
(`rules.py`), so a command or a task calling a service meets the same refusal
as a person at the form; the refusal names the field it belongs to.
"""

import datetime
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypedDict, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.audit import services as audit
from esit.core.encryption import lookup_hash
from esit.core.errors import RuleError, checked
from esit.core.turkish import search_key
from esit.notifications.services import Recipient, notify
from esit.privacy.services import record_consent, withdraw_consent
from esit.reference import rules as reference_rules
from esit.reference.models import District, Language, VolunteerArea
from esit.volunteers.models import Gender, Volunteer

from . import rules
from .models import (
    CORRECTABLE_FIELDS,
    AccountReminder,
    Application,
    ApplicationLanguage,
    Decision,
    HeardFrom,
    Note,
)
from .selectors import REVIEW, in_programme, visible_to

# Each kind of decision as the audit trail names it (registered in esit/applications/workspace.py).
DECISION_ACTIONS: dict[str, str] = {
    Decision.Kind.APPROVE: "applications.approved",
    Decision.Kind.WAITLIST: "applications.waitlisted",
    Decision.Kind.REJECT: "applications.rejected",
    Decision.Kind.WITHDRAW: "applications.withdrawn",
    Decision.Kind.CORRECT: "applications.corrected",
}


class ApplicationError(RuleError):
    """A rule of the application journey refused the change (esit/core/errors.py)."""


class DuplicateApplication(ApplicationError):
    """Someone applied with the e-mail or phone of an open application, of an active
    volunteer or of a staff account.

    The message is the same in every case and does not say which detail matched, so
    the form cannot be used to find out whose e-mail or phone is in the programme.
    `existing` is the open application that matched, if one did.
    """

    def __init__(self, existing: Application | None = None):
        super().__init__(
            _(
                "Bu e-posta adresi ya da telefon numarasıyla bir kayıt zaten var; yeni bir "
                "başvuru oluşturmadık. Ne yapabileceğinizi o kayıttaki e-posta adresine "
                "gönderdik."
            )
        )
        self.existing = existing


# One reminder a day per application or account, however often someone re-posts its details.
STATUS_LINK_REMINDER_INTERVAL = datetime.timedelta(hours=24)


@dataclass(frozen=True)
class Submission:
    application: Application
    created: bool


def _checked(field: str | None, rule: Callable[[Any], object], value: Any) -> Any:
    """Run one rule of rules.py; its refusal becomes an ApplicationError naming the field."""
    return checked(rule, value, field=field, error=ApplicationError)


# Each field of an application, the rule it must pass and its value when a caller leaves it out.
_FIELD_RULES: dict[str, tuple[Callable[[Any], object], object]] = {
    "first_name": (rules.clean_name, None),
    "last_name": (rules.clean_name, None),
    "email": (rules.clean_email, None),
    "phone": (rules.clean_phone, None),
    "birth_date": (rules.clean_birth_date, None),
    "district": (reference_rules.check_district, None),
    "availability": (reference_rules.check_availability, 0),
    "experience": (rules.clean_text, ""),
    "motivation": (lambda value: rules.clean_text(value, is_required=True), None),
    "heard_from": (lambda value: rules.check_choice(value, HeardFrom), ""),
    "gender": (lambda value: rules.check_choice(value, Gender), ""),
    "gender_self_description": (
        lambda value: rules.clean_text(value, limit=rules.SELF_DESCRIPTION_MAX),
        "",
    ),
}


class ApplicationFields(TypedDict):
    """An application's own fields as they are stored, each checked by its rule."""

    first_name: str
    last_name: str
    email: str
    phone: str
    birth_date: datetime.date
    district: District
    availability: int
    experience: str
    motivation: str
    heard_from: str
    gender: str
    gender_self_description: str


def _application_fields(fields: Mapping[str, Any]) -> ApplicationFields:
    """The application's own fields, each checked by its rule and in the form it is stored."""
    unknown = set(fields) - set(_FIELD_RULES)
    if unknown:
        raise TypeError(f"Not fields of an application: {', '.join(sorted(unknown))}")
    # One entry per rule, and the rules name exactly ApplicationFields' keys.
    cleaned = cast(
        ApplicationFields,
        {
            name: _checked(name, rule, fields.get(name, default))
            for name, (rule, default) in _FIELD_RULES.items()
        },
    )
    if cleaned["gender"] != Gender.SELF_DESCRIBED:
        cleaned["gender_self_description"] = ""
    return cleaned


def _checked_areas(areas: Iterable[VolunteerArea]) -> list[VolunteerArea]:
    checked_areas = list(areas or [])
    _checked("areas", reference_rules.check_areas, checked_areas)
    return checked_areas


def _checked_languages(languages: Iterable[tuple[Language, str]]) -> list[tuple[Language, str]]:
    return reference_rules.checked_languages(languages, error=ApplicationError)


def find_open_duplicate(*, email: str, phone: str) -> Application | None:
    return (
        Application.objects.open()
        .filter(Q(email=email) | Q(phone_hash=lookup_hash(phone)))
        .order_by("id")
        .first()
    )


def members_with(*, email: str | None, phone: str | None) -> list[User]:
    """The accounts already in the programme that own this e-mail or phone: a staff
    member's account, or an active volunteer's.

    A former volunteer (Volunteer.status withdrawn) is not among them: she may apply
    again, and approving her application reactivates her account (approve_application).
    """
    owners: dict[int, User] = {}
    account = get_user_model().objects.filter(email=email).first() if email else None
    if account is not None and in_programme(account):
        owners[account.pk] = account
    if phone:
        active = Volunteer.objects.filter(phone_hash=lookup_hash(phone)).exclude(
            status=Volunteer.Status.WITHDRAWN
        )
        for volunteer in active.select_related("user"):
            owners.setdefault(volunteer.user_id, volunteer.user)
    return list(owners.values())


def _is_this_submission(
    application: Application, *, submission_key: uuid.UUID, fields: ApplicationFields
) -> bool:
    """The application this very form created: its one-time key, for the same person.

    A key only counts for the same person: a form reused on a shared tablet by
    someone else must never hand them the first applicant's record.
    """
    return (
        application.submission_key == submission_key
        and application.email == fields["email"]
        and application.phone == fields["phone"]
    )


def _same_submission(*, submission_key: uuid.UUID) -> Application | None:
    """The application holding this form's one-time key (unique), if any: the very same
    submission when `_is_this_submission` says so (a double click or a resubmitted page),
    else someone else's form sent again with new details. One read answers both."""
    return Application.objects.filter(submission_key=submission_key).first()


def submit_application(
    *,
    fields: Mapping[str, Any],
    areas: Iterable[VolunteerArea],
    languages: Iterable[tuple[Language, str]],
    consent: bool,
    submission_key: uuid.UUID,
    language: str,
    ip: str,
) -> Submission:
    """Record a new application and its explicit consent, then confirm it by e-mail.

    Every rule of the form is checked again (rules.py): an adult (18 on the day,
    in İzmir), a Turkish mobile stored in E.164, consent given, lengths and the
    known choices; a refusal is an ApplicationError naming its field. The e-mail
    address is stored in its one normalised form (esit/core/email_address.py).

    An e-mail or phone that belongs to an active volunteer or a staff account
    gets no new application: anyone who knows a volunteer's address could
    otherwise replace her details. The page says what it says for any duplicate,
    and the owner is e-mailed at the address of her account (never the one
    typed), at most once a day, with the way to sign in and correct her profile.

    A resubmitted form (same one-time key) returns the first record, also when
    the two requests run at once: whichever check of this request first sees
    the other request's committed row (the key, the open duplicate or the unique
    constraint), it recognises the very same submission and answers with it, so
    a double click always lands on the same thank-you. An open application with
    the same e-mail or phone is never duplicated: the owner of that application
    is reminded of their status link instead, by e-mail to the address on that
    application, so nothing leaks to whoever typed it.
    """
    cleaned = _application_fields(fields)
    checked_areas = _checked_areas(areas)
    checked_languages = _checked_languages(languages)
    _checked("consent", rules.check_consent, consent)

    key = submission_key
    keyed = _same_submission(submission_key=submission_key)
    if keyed is not None:
        if _is_this_submission(keyed, submission_key=submission_key, fields=cleaned):
            return Submission(keyed, created=False)
        key = uuid.uuid4()  # someone else's form, sent again with new details
    members = members_with(email=cleaned["email"], phone=cleaned["phone"])
    if members:
        for member in members:
            _remind_member(member)
        raise DuplicateApplication()
    duplicate = find_open_duplicate(email=cleaned["email"], phone=cleaned["phone"])
    if duplicate is not None:
        if _is_this_submission(duplicate, submission_key=submission_key, fields=cleaned):
            return Submission(duplicate, created=False)  # the other click committed meanwhile
        _remind_of_status_link(duplicate)
        raise DuplicateApplication(duplicate)
    try:
        application = _create_application(
            fields=cleaned,
            areas=checked_areas,
            languages=checked_languages,
            key=key,
            language=language,
            ip=ip,
        )
    except IntegrityError:
        # A concurrent request won the race: the database's unique constraints decided.
        previous = _same_submission(submission_key=submission_key)
        if previous is not None and _is_this_submission(
            previous, submission_key=submission_key, fields=cleaned
        ):
            return Submission(previous, created=False)
        duplicate = find_open_duplicate(email=cleaned["email"], phone=cleaned["phone"])
        if duplicate is None:
            raise
        _remind_of_status_link(duplicate)
        raise DuplicateApplication(duplicate) from None
    return Submission(application, created=True)


def _create_application(
    *,
    fields: ApplicationFields,
    areas: list[VolunteerArea],
    languages: list[tuple[Language, str]],
    key: uuid.UUID,
    language: str,
    ip: str,
) -> Application:
    now = timezone.now()
    with transaction.atomic():
        consent = record_consent(email=fields["email"], ip=ip, at=now)
        application = Application.objects.create(
            **fields,
            language=language,
            submitted_at=now,
            submission_key=key,
            consent=consent,
            search_text=search_key(fields["first_name"], fields["last_name"], fields["email"]),
        )
        application.areas.add(*areas)  # a new row has none: no read of the current ones
        ApplicationLanguage.objects.bulk_create(
            ApplicationLanguage(application=application, language=lang, level=level)
            for lang, level in languages
        )
        audit.record(
            action="applications.submitted",
            obj=application,
            person=application,
            summary=str(_("Başvuru formu gönderildi.")),
        )
        _tell("applications.confirmation", application)
    return application


def _remind_of_status_link(application: Application) -> None:
    """E-mail the owner their status link, at most once a day, so nobody can flood their inbox."""
    now = timezone.now()
    claimed = (
        Application.objects.filter(pk=application.pk)
        .filter(
            Q(status_link_sent_at__isnull=True)
            | Q(status_link_sent_at__lt=now - STATUS_LINK_REMINDER_INTERVAL)
        )
        .update(status_link_sent_at=now)
    )
    if claimed:
        # One message per claim of the day's reminder: the moment claimed is its key.
        _tell("applications.status_link", application, key=now.isoformat())


def _remind_member(user: User) -> None:
    """Tell someone already in the programme that her details were typed into /apply/:
    at her account's own address, at most once a day, so nobody can flood her inbox."""
    now = timezone.now()
    _reminder, created = AccountReminder.objects.get_or_create(user=user, defaults={"sent_at": now})
    claimed = created or (
        AccountReminder.objects.filter(
            user=user, sent_at__lt=now - STATUS_LINK_REMINDER_INTERVAL
        ).update(sent_at=now)
    )
    if claimed:
        notify(
            "applications.already_in_programme",
            obj=user,
            to=Recipient.of_user(user),
            key=now.isoformat(),  # the moment this day's reminder was claimed
        )


def _tell(kind: str, application: Application, *, key: str = "") -> None:
    """Queue the message `kind` (applications.*) to the applicant: the application's address
    and language, and her account once she has one."""
    notify(
        kind,
        obj=application,
        to=Recipient(
            address=application.email, language=application.language, user=application.user
        ),
        key=key,
    )


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _check_reviewer(application: Application, by: User | None) -> None:
    """Staff decide only with the capability and within their scope (esit/accounts/scope.py).

    The review pages check first and never show anything else; this keeps a command, a
    task or a tampered request to the same rule. `by` None is the system itself.
    """
    if by is None:
        return
    if not by.has_perm(REVIEW) or not visible_to(by).filter(pk=application.pk).exists():
        raise PermissionDenied


def _record_decision(
    application: Application,
    *,
    kind: str,
    by: User | None,
    reason: str = "",
    changed_fields: Iterable[str] = (),
) -> Decision:
    """The application's own history, and the same step in the audit trail."""
    decision = Decision.objects.create(
        application=application,
        kind=kind,
        reason=reason,
        changed_fields=list(changed_fields),
        decided_by=by,
        decided_at=timezone.now(),
    )
    audit.record(
        action=DECISION_ACTIONS[kind],
        actor=by,
        obj=application,
        person=application,
        summary=_decision_summary(decision),
    )
    return decision


def _decision_summary(decision: Decision) -> str:
    """In words, never the reason's text (it may speak of the person): its length only."""
    with translation.override(settings.LANGUAGE_CODE):
        summary = str(decision.get_kind_display())
        if decision.reason:
            summary += str(_(" (gerekçe %(length)d karakter)") % {"length": len(decision.reason)})
        if decision.changed_fields:
            summary += ": " + ", ".join(decision.changed_fields)
    return summary


def withdraw_application(*, application: Application) -> Application:
    """The applicant withdraws; only an open application can be withdrawn."""
    with transaction.atomic():
        application = _locked(application)
        if not application.is_open:
            raise ApplicationError(_("Bu başvuru artık geri çekilemez."))
        application.status = Application.Status.WITHDRAWN
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at"])
        withdraw_consent(record=application.consent, at=application.decided_at)
        _record_decision(application, kind=Decision.Kind.WITHDRAW, by=None)
        _tell("applications.withdrawn", application)
    return application


@dataclass(frozen=True)
class Correction:
    application: Application
    changed: list[str]  # names from CORRECTABLE_FIELDS, in their order

    @property
    def email_changed(self) -> bool:
        return "email" in self.changed


def correct_application(
    *,
    application: Application,
    email: str,
    phone: str,
    district: District,
    areas: Iterable[VolunteerArea],
    languages: Iterable[tuple[Language, str]],
    availability: int,
) -> Correction:
    """The applicant corrects her pending application (docs/product.md, "Roles"): contact details,
    district, areas, languages and week, while it is submitted or waitlisted.

    The rules of /apply/ apply as they do to a new application (rules.py), duplicates
    included: a new e-mail or phone that is another open application's, an active
    volunteer's or a staff account's is refused with the same message, and its owner is
    told as a duplicate's owner is. The history records "corrected by the applicant" with
    the names of what changed (never the old values). A changed e-mail gets a confirmation
    at the new address, with the status link; the old address gets nothing, as it may be
    the very typo being corrected, someone else's mailbox.
    """
    email = _checked("email", rules.clean_email, email)
    phone = _checked("phone", rules.clean_phone, phone)
    _checked("district", reference_rules.check_district, district)
    checked_areas = _checked_areas(areas)
    checked_languages = _checked_languages(languages)
    _checked("availability", reference_rules.check_availability, availability)
    with transaction.atomic():
        application = _locked(application)
        if not application.is_open:
            raise ApplicationError(_("Bu başvuru artık düzeltilemez."))
        changed = _changes(
            application,
            email=email,
            phone=phone,
            district=district,
            areas=checked_areas,
            languages=checked_languages,
            availability=availability,
        )
        if not changed:
            return Correction(application, changed=[])
        taken: _Taken | None = _taken(
            application,
            email=email if "email" in changed else None,
            phone=phone if "phone" in changed else None,
        )
        if not taken:
            taken = _save_correction(
                application,
                email=email,
                phone=phone,
                district=district,
                areas=checked_areas,
                languages=checked_languages,
                availability=availability,
                changed=changed,
            )
    if taken:
        # Outside the transaction, which wrote nothing: the owners' reminders must stay.
        _refuse_as_duplicate(taken)
    return Correction(application, changed=changed)


@dataclass(frozen=True)
class _Taken:
    """Who already has an e-mail or phone: accounts in the programme, an open application."""

    members: list[User]
    duplicate: Application | None

    def __bool__(self) -> bool:
        return bool(self.members) or self.duplicate is not None


def _taken(application: Application, *, email: str | None, phone: str | None) -> _Taken:
    """The owners of a new e-mail or phone other than this application (reads only)."""
    matches = Q(email=email) if email else Q(pk__in=[])
    if phone:
        matches |= Q(phone_hash=lookup_hash(phone))
    others = Application.objects.open().exclude(pk=application.pk).filter(matches)
    return _Taken(
        members=members_with(email=email, phone=phone),
        duplicate=others.order_by("id").first(),
    )


def _refuse_as_duplicate(taken: _Taken) -> NoReturn:
    """The refusal every duplicate gets; each owner is told at her own address."""
    for member in taken.members:
        _remind_member(member)
    if taken.members or taken.duplicate is None:
        raise DuplicateApplication()
    _remind_of_status_link(taken.duplicate)
    raise DuplicateApplication(taken.duplicate)


def _save_correction(
    application: Application,
    *,
    email: str,
    phone: str,
    district: District,
    areas: list[VolunteerArea],
    languages: list[tuple[Language, str]],
    availability: int,
    changed: list[str],
) -> _Taken | None:
    """Write the correction and its history; the owners found instead if the database's
    unique constraints say an open application took the e-mail or phone meanwhile."""
    application.email = email
    application.phone = phone
    application.district = district
    application.availability = availability
    application.search_text = search_key(application.first_name, application.last_name, email)
    try:
        with transaction.atomic():
            application.save(
                update_fields=["email", "phone", "district", "availability", "search_text"]
            )
    except IntegrityError:
        taken = _taken(application, email=email, phone=phone)
        if not taken:
            raise
        return taken
    application.areas.set(areas)
    application.languages.all().delete()
    ApplicationLanguage.objects.bulk_create(
        ApplicationLanguage(application=application, language=language, level=level)
        for language, level in languages
    )
    correction = _record_decision(
        application, kind=Decision.Kind.CORRECT, by=None, changed_fields=changed
    )
    if "email" in changed:
        # Each correction of the address is confirmed at the address it gave.
        _tell("applications.email_corrected", application, key=str(correction.pk))
    return None


def _changes(application: Application, **new: Any) -> list[str]:
    """The names of the correctable details that differ from what the application says."""
    before: dict[str, object] = {
        "email": application.email,
        "phone": application.phone,
        "district": application.district_id,
        "areas": {area.pk for area in application.areas.all()},
        "languages": {(row.language_id, row.level) for row in application.languages.all()},
        "availability": application.availability,
    }
    after: dict[str, object] = {
        "email": new["email"],
        "phone": new["phone"],
        "district": new["district"].pk,
        "areas": {area.pk for area in new["areas"]},
        "languages": {(language.pk, level) for language, level in new["languages"]},
        "availability": new["availability"],
    }
    return [name for name in CORRECTABLE_FIELDS if before[name] != after[name]]


def approve_application(*, application: Application, by: User | None) -> Application:
    """Approval makes the applicant a volunteer: an account, a profile and an invitation.

    It never overwrites an existing profile. A former volunteer who left and applied
    again (rejoining) gets her own account and profile back, reactivated, and a
    welcome-back e-mail asking her to check her profile; the new application's details
    stay on the application, where staff see them, and are not copied over the
    profile, because an application can be sent by anyone who knows her address. An
    active volunteer's or a staff member's address is refused (enrol_from_application).
    """
    from esit.volunteers.services import VolunteerError, enrol_from_application

    with transaction.atomic():
        application = _locked(application)
        _check_reviewer(application, by)
        _check_can_decide(application)
        application.status = Application.Status.APPROVED
        application.decision_reason = ""
        application.decided_at = timezone.now()
        try:
            enrolment = enrol_from_application(application=application)
        except VolunteerError as error:
            raise ApplicationError(error.message) from None
        application.user = enrolment.volunteer.user
        application.save(update_fields=["status", "decision_reason", "decided_at", "user"])
        _record_decision(application, kind=Decision.Kind.APPROVE, by=by)
        if enrolment.rejoined:
            # To the address of the account she rejoined with (the one on file).
            notify(
                "applications.welcome_back",
                obj=application,
                to=Recipient(
                    address=application.user.email,
                    language=application.language,
                    user=application.user,
                ),
            )
        else:
            _tell("applications.approved", application)
    return application


def waitlist_application(
    *, application: Application, by: User | None, reason: str = ""
) -> Application:
    with transaction.atomic():
        application = _locked(application)
        _check_reviewer(application, by)
        _check_can_decide(application)
        if application.status == Application.Status.WAITLISTED:
            raise ApplicationError(_("Bu başvuru zaten bekleme listesinde."))
        application.status = Application.Status.WAITLISTED
        application.decision_reason = reason
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decision_reason", "decided_at"])
        _record_decision(application, kind=Decision.Kind.WAITLIST, by=by, reason=reason)
        _tell("applications.waitlisted", application)
    return application


def reject_application(*, application: Application, by: User | None, reason: str) -> Application:
    """A rejection always carries a reason: the applicant deserves to know why."""
    if not reason.strip():
        raise ApplicationError(_("Olumsuz kararın gerekçesini yazın; başvuru sahibi bunu görecek."))
    with transaction.atomic():
        application = _locked(application)
        _check_reviewer(application, by)
        _check_can_decide(application)
        application.status = Application.Status.REJECTED
        application.decision_reason = reason.strip()
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decision_reason", "decided_at"])
        _record_decision(application, kind=Decision.Kind.REJECT, by=by, reason=reason.strip())
        _tell("applications.rejected", application)
    return application


def _check_can_decide(application: Application) -> None:
    if not application.is_open:
        raise ApplicationError(
            _("Bu başvuru için karar verilmiş ya da başvuru geri çekilmiş; yeni karar verilemez.")
        )


@dataclass(frozen=True)
class BulkResult:
    done: list[Application]
    skipped: list[tuple[Application, str]]


def decide_in_bulk(
    *, applications: Iterable[Application], kind: str, by: User | None, reason: str = ""
) -> BulkResult:
    """Apply one decision to many applications; each succeeds or is skipped with its reason."""
    if kind == Decision.Kind.REJECT and not reason.strip():
        raise ApplicationError(_("Olumsuz kararın gerekçesini yazın; başvuru sahibi bunu görecek."))
    done: list[Application] = []
    skipped: list[tuple[Application, str]] = []
    for application in applications:
        try:
            if kind == Decision.Kind.APPROVE:
                done.append(approve_application(application=application, by=by))
            elif kind == Decision.Kind.REJECT:
                done.append(reject_application(application=application, by=by, reason=reason))
            else:
                raise ApplicationError(_("Bilinmeyen karar."))
        except ApplicationError as error:
            skipped.append((application, str(error.message)))
    return BulkResult(done, skipped)


def add_note(*, application: Application, author: User, body: str) -> Note:
    _check_reviewer(application, author)
    with transaction.atomic():
        note = Note.objects.create(application=application, author=author, body=body.strip())
        audit.record(
            action="applications.note_added",
            actor=author,
            obj=application,
            person=application,
            summary=str(
                _("Personel notu eklendi (%(length)d karakter).") % {"length": len(note.body)}
            ),
        )
    return note

"""The retention rules: personal data kept no longer than its purpose needs (KVKK article
4/2-d and the regulation on erasure, destruction and anonymisation).

Each rule is a plain function of a fixed "now", with the periods of `settings.RETENTION`
(the same numbers the information notice states):

- `applications`: rejected and withdrawn applications, `APPLICATION_MONTHS` after the
  decision;
- `participants`: public participants, `PARTICIPANT_MONTHS` after their last activity ended;
- `inactive_volunteers`: a volunteer with no sign of life for `INACTIVE_VOLUNTEER_MONTHS` is
  warned (she can choose to stay, signed in or from the e-mail's signed link) and anonymised
  `INACTIVE_VOLUNTEER_GRACE_DAYS` later unless she stayed or came back;
- `audit`: audit events older than `AUDIT_MONTHS` are deleted. The trail is append-only and
  cannot be rewritten (`esit.audit`), so deleting whole events through `purge_before()` is
  the only thing it allows; an event names people by record id only, so nothing is lost that
  anonymising would have kept.

People are anonymised through the personal-data registry (`services.anonymise_subject`),
exactly as erasure on request. A person is anonymised whole or not at all: someone who
still has a record that must be kept (an account, an open or approved application, a recent
registration, an open KVKK request) is left for the rule that covers that record. Every rule
that removed something writes one `DestructionRecord` (rule, method, categories, people,
rows, run). Destruction records themselves are never deleted: they are another table, which
the audit purge does not touch.

Safe to run twice: whatever a rule changed no longer matches it (anonymised rows have
anonymous addresses, warned volunteers have an open warning), so a second run finds nobody
and writes no record; the day's `RetentionRun` is one row.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.activities.models import Participant, SignUp
from esit.applications.models import Application
from esit.audit.models import AuditEvent
from esit.audit.services import purge_before, record
from esit.core import personal_data_registry as registry
from esit.core.anonymous import ANONYMOUS_DOMAIN
from esit.core.encryption import lookup_hashes
from esit.core.personal_data_registry import Category, DataSubject
from esit.notifications.services import Recipient, notify
from esit.volunteers import directory
from esit.volunteers.models import Volunteer

from .models import DataRequest, DestructionRecord, RetentionRun, RetentionWarning
from .services import anonymise_subject, subject_of_addresses, subject_of_user

ANONYMOUS_SUFFIX = "@" + ANONYMOUS_DOMAIN
STAY_SALT = "esit.kvkk.stay"
DECLINED = (Application.Status.REJECTED, Application.Status.WITHDRAWN)


@dataclass(frozen=True)
class Outcome:
    """What one rule did (or, in a dry run, would do) now."""

    rule: str
    label: StrOrPromise
    people: int
    rows: int = 0
    warned: int = 0  # inactive volunteers only: told they will be anonymised
    stayed: int = 0  # inactive volunteers only: warnings closed because she came back
    categories: list[str] = field(default_factory=list)
    record: DestructionRecord | None = None


@dataclass(frozen=True)
class Cutoffs:
    application: datetime.datetime
    participant: datetime.datetime
    inactive: datetime.datetime
    audit: datetime.datetime

    @classmethod
    def at(cls, now: datetime.datetime) -> "Cutoffs":
        rules = settings.RETENTION
        return cls(
            application=now - relativedelta(months=rules["APPLICATION_MONTHS"]),
            participant=now - relativedelta(months=rules["PARTICIPANT_MONTHS"]),
            inactive=now - relativedelta(months=rules["INACTIVE_VOLUNTEER_MONTHS"]),
            audit=now - relativedelta(months=rules["AUDIT_MONTHS"]),
        )


def grace_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.RETENTION["INACTIVE_VOLUNTEER_GRACE_DAYS"])


# Who is still "live" ---------------------------------------------------------------------------


def _subject(email: str, phone: str) -> DataSubject:
    return subject_of_addresses(email=email, phone=phone)


def _by_address(subject: DataSubject) -> Q:
    condition = Q(email__in=subject.emails)
    if subject.phones:
        condition |= Q(phone_hash__in=lookup_hashes(subject.phones))
    return condition


def has_live_records(subject: DataSubject, cut: Cutoffs) -> bool:
    """True when the person (known by addresses only) still has a record whose own period has
    not ended: then nothing of hers is anonymised by an address rule."""
    if User.objects.filter(email__in=subject.emails).exists():
        return True  # an account: a volunteer (her own rule) or staff
    if (
        subject.phones
        and Volunteer.objects.filter(phone_hash__in=lookup_hashes(subject.phones)).exists()
    ):
        return True
    applications = Application.objects.filter(_by_address(subject))
    if applications.exclude(status__in=DECLINED, decided_at__lt=cut.application).exists():
        return True
    if applications.filter(user__isnull=False).exists():
        return True
    participants = Participant.objects.filter(_by_address(subject))
    if participants.filter(activity__ends_at__gte=cut.participant).exists():
        return True
    requests = Q(requester_email__in=subject.emails)
    if subject.phones:
        requests |= Q(requester_phone_hash__in=lookup_hashes(subject.phones))
    return DataRequest.objects.filter(requests, status=DataRequest.Status.OPEN).exists()


def _categories_of(subject: DataSubject) -> set[str]:
    return {
        str(category)
        for declaration in registry.declarations()
        if declaration.rows(subject).exists()
        for category in declaration.fields.values()
    }


def _distinct_subjects(rows: Iterator[tuple[str, str]], cut: Cutoffs) -> list[DataSubject]:
    """The people behind (email, phone) pairs, once each, leaving out the live ones."""
    seen: set[str] = set()
    subjects = []
    for email, phone in rows:
        if email in seen:
            continue
        seen.add(email)
        subject = _subject(email, phone)
        if not has_live_records(subject, cut):
            subjects.append(subject)
    return subjects


# Rules -------------------------------------------------------------------------------------------


def declined_applications(cut: Cutoffs) -> QuerySet[Application]:
    return Application.objects.filter(
        status__in=DECLINED, decided_at__lt=cut.application, user__isnull=True
    ).exclude(email__endswith=ANONYMOUS_SUFFIX)


def past_participants(cut: Cutoffs) -> QuerySet[Participant]:
    return Participant.objects.filter(activity__ends_at__lt=cut.participant).exclude(
        email__endswith=ANONYMOUS_SUFFIX
    )


def application_subjects(cut: Cutoffs) -> list[DataSubject]:
    rows = declined_applications(cut).order_by("pk").values_list("email", "phone").iterator()
    return _distinct_subjects(rows, cut)


def participant_subjects(cut: Cutoffs) -> list[DataSubject]:
    rows = past_participants(cut).order_by("pk").values_list("email", "phone").iterator()
    return _distinct_subjects(rows, cut)


def inactive_since(since: datetime.datetime) -> QuerySet[Volunteer]:
    """Volunteers (not anonymised) with no sign of life at or after `since`: no sign-in, no
    joining, leaving or pause, no recorded work, no sign-up, and no choice to stay."""
    measures = directory.measures()
    return (
        Volunteer.objects.exclude(user__email__endswith=ANONYMOUS_SUFFIX)
        .filter(joined_at__lt=since)
        .filter(Q(user__last_login__isnull=True) | Q(user__last_login__lt=since))
        .filter(Q(left_at__isnull=True) | Q(left_at__lt=since))
        .filter(Q(paused_at__isnull=True) | Q(paused_at__lt=since))
        .alias(last_active_on=measures.last_active_on())
        .filter(Q(last_active_on__isnull=True) | Q(last_active_on__lt=timezone.localdate(since)))
        .exclude(Exists(SignUp.objects.filter(volunteer=OuterRef("pk"), created_at__gte=since)))
        .exclude(
            Exists(RetentionWarning.objects.filter(volunteer=OuterRef("pk"), stayed_at__gte=since))
        )
    )


def to_warn(cut: Cutoffs) -> QuerySet[Volunteer]:
    open_warning = RetentionWarning.objects.filter(
        volunteer=OuterRef("pk"), stayed_at=None, anonymised_at=None
    )
    return inactive_since(cut.inactive).exclude(Exists(open_warning)).select_related("user")


def due_warnings(now: datetime.datetime) -> QuerySet[RetentionWarning]:
    return RetentionWarning.objects.filter(
        stayed_at=None, anonymised_at=None, anonymise_after__lte=now
    ).select_related("volunteer__user")


def _still_inactive(warning: RetentionWarning) -> bool:
    return inactive_since(warning.warned_at).filter(pk=warning.volunteer_id).exists()


def audit_events(cut: Cutoffs) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(at__lt=cut.audit)


def _audit_people(events: QuerySet[AuditEvent]) -> int:
    return events.exclude(person_id="").values("person_type", "person_id").distinct().count()


# Applying -------------------------------------------------------------------------------------


def _destroy(
    *,
    rule: str,
    label: StrOrPromise,
    subjects: list[DataSubject],
    run: RetentionRun,
) -> Outcome:
    categories: set[str] = set()
    rows = 0
    for subject in subjects:
        held, changed = anonymise_subject(subject)
        categories |= held
        rows += changed
    return _write(
        rule=rule,
        label=label,
        people=len(subjects),
        rows=rows,
        categories=categories,
        method=DestructionRecord.Method.ANONYMISED,
        run=run,
    )


def _write(
    *,
    rule: str,
    label: StrOrPromise,
    people: int,
    rows: int,
    categories: set[str],
    method: str,
    run: RetentionRun,
    **extra: int,
) -> Outcome:
    destruction = None
    if people or rows:
        destruction = DestructionRecord.objects.create(
            reason=DestructionRecord.Reason.RETENTION,
            rule=rule,
            method=method,
            categories=sorted(categories),
            people=people,
            rows=rows,
            run=run,
        )
        record(
            action="kvkk.retention_applied",
            obj=destruction,
            summary=str(
                _("%(rule)s: %(people)d kişi, %(rows)d kayıt")
                % {"rule": label, "people": people, "rows": rows}
            ),
        )
    return Outcome(
        rule=rule,
        label=label,
        people=people,
        rows=rows,
        categories=sorted(categories),
        record=destruction,
        **extra,
    )


def stay_token(warning: RetentionWarning) -> str:
    return signing.Signer(salt=STAY_SALT).sign_object({"w": warning.pk})


def warning_from_token(token: str) -> RetentionWarning | None:
    """The warning a signed "stay" link names; None when the link was tampered with."""
    try:
        payload = signing.Signer(salt=STAY_SALT).unsign_object(token)
        pk = int(payload["w"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return RetentionWarning.objects.select_related("volunteer").filter(pk=pk).first()


def open_warning_of(user: User) -> RetentionWarning | None:
    return RetentionWarning.objects.filter(
        volunteer__user=user, stayed_at=None, anonymised_at=None
    ).first()


@transaction.atomic
def stay(*, warning: RetentionWarning, at: datetime.datetime | None = None) -> RetentionWarning:
    """The volunteer chose to stay: her records are kept, and the silence counts again from
    now. Choosing twice changes nothing; a warning already acted on cannot be undone here."""
    locked = RetentionWarning.objects.select_for_update().get(pk=warning.pk)
    if locked.is_open:
        locked.stayed_at = at or timezone.now()
        locked.save(update_fields=["stayed_at"])
        with translation.override(settings.LANGUAGE_CODE):
            record(
                action="kvkk.retention_stayed",
                obj=locked,
                person=locked.volunteer,
                summary=str(_("Gönüllü kalmayı seçti; kayıtları saklanıyor.")),
            )
    return locked


def _inactive_volunteers(now: datetime.datetime, cut: Cutoffs, run: RetentionRun) -> Outcome:
    label = RULE_LABELS["inactive_volunteers"]
    warned = 0
    for volunteer in to_warn(cut):
        warning = RetentionWarning.objects.create(
            volunteer=volunteer, warned_at=now, anonymise_after=now + grace_period()
        )
        notify(
            "kvkk.inactivity_warning",
            obj=warning,
            to=Recipient.of_user(volunteer.user),
            key=f"inactive:{warning.pk}",
        )
        warned += 1
    if warned:
        record(
            action="kvkk.retention_warned",
            summary=str(
                _("%(count)d gönüllüye hareketsizlik uyarısı gönderildi.") % {"count": warned}
            ),
        )
    stayed = 0
    subjects: list[DataSubject] = []
    due = list(due_warnings(now))
    for warning in due:
        if _still_inactive(warning):
            subjects.append(subject_of_user(warning.volunteer.user))
        else:  # she signed in or worked since the warning: as good as staying
            warning.stayed_at = now
            warning.save(update_fields=["stayed_at"])
            stayed += 1
    outcome = _destroy(rule="inactive_volunteers", label=label, subjects=subjects, run=run)
    RetentionWarning.objects.filter(pk__in=[w.pk for w in due if w.stayed_at is None]).update(
        anonymised_at=now
    )
    return Outcome(**{**outcome.__dict__, "warned": warned, "stayed": stayed})


def _applications(now: datetime.datetime, cut: Cutoffs, run: RetentionRun) -> Outcome:
    return _destroy(
        rule="applications",
        label=RULE_LABELS["applications"],
        subjects=application_subjects(cut),
        run=run,
    )


def _participants(now: datetime.datetime, cut: Cutoffs, run: RetentionRun) -> Outcome:
    return _destroy(
        rule="participants",
        label=RULE_LABELS["participants"],
        subjects=participant_subjects(cut),
        run=run,
    )


def _audit(now: datetime.datetime, cut: Cutoffs, run: RetentionRun) -> Outcome:
    events = audit_events(cut)
    people = _audit_people(events)
    deleted = purge_before(cut.audit) if events.exists() else 0
    return _write(
        rule="audit",
        label=RULE_LABELS["audit"],
        people=people,
        rows=deleted,
        categories={str(Category.ACTIVITY), str(Category.TECHNICAL)},
        method=DestructionRecord.Method.DELETED,
        run=run,
    )


RULE_LABELS: dict[str, StrOrPromise] = {
    "applications": _("Reddedilen ve geri çekilen başvurular"),
    "participants": _("Etkinlik katılımcıları"),
    "inactive_volunteers": _("Hareketsiz gönüllüler"),
    "audit": _("Denetim kayıtları"),
}

RULES: dict[str, Callable[[datetime.datetime, Cutoffs, RetentionRun], Outcome]] = {
    "applications": _applications,
    "participants": _participants,
    "inactive_volunteers": _inactive_volunteers,
    "audit": _audit,
}


def preview(*, now: datetime.datetime | None = None) -> list[Outcome]:
    """The dry run: per rule, how many people would be affected now. Changes nothing."""
    now = now or timezone.now()
    cut = Cutoffs.at(now)
    applicants = application_subjects(cut)
    participants = participant_subjects(cut)
    due = [w for w in due_warnings(now) if _still_inactive(w)]
    events = audit_events(cut)
    return [
        Outcome(
            rule="applications",
            label=RULE_LABELS["applications"],
            people=len(applicants),
            rows=declined_applications(cut).count(),
        ),
        Outcome(
            rule="participants",
            label=RULE_LABELS["participants"],
            people=len(participants),
            rows=past_participants(cut).count(),
        ),
        Outcome(
            rule="inactive_volunteers",
            label=RULE_LABELS["inactive_volunteers"],
            people=len(due),
            warned=to_warn(cut).count(),
        ),
        Outcome(
            rule="audit",
            label=RULE_LABELS["audit"],
            people=_audit_people(events),
            rows=events.count(),
        ),
    ]


@translation.override(settings.LANGUAGE_CODE)  # the audit trail speaks the site's language
def apply_rules(*, now: datetime.datetime | None = None) -> list[Outcome]:
    """Apply every rule now, each in its own transaction (a rule that fails leaves the others'
    work done and its own untouched). One `RetentionRun` per day."""
    now = now or timezone.now()
    cut = Cutoffs.at(now)
    run, _created = RetentionRun.objects.get_or_create(
        day=timezone.localdate(now), defaults={"started_at": now}
    )
    outcomes = []
    for rule in RULES.values():
        with transaction.atomic():
            outcomes.append(rule(now, cut, run))
    if run.finished_at is None:
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return outcomes


def recent_runs(limit: int = 10) -> QuerySet[RetentionRun]:
    return RetentionRun.objects.prefetch_related("destructions")[:limit]

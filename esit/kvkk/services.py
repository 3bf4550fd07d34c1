"""The rights of article 11 of KVKK (Law No. 6698) that the platform answers by itself:
to learn what is held about you (export) and to have it erased (anonymised).

Both are built on the personal-data registry (`esit.core.personal_data_registry`): every app
declares its models with an exporter and an anonymiser, so a new model is exported and
erased without a change here.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.audit.services import record
from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject, ExportSection
from esit.volunteers.models import Volunteer
from esit.volunteers.services import withdraw_from_programme

from .models import DestructionRecord

PHONE_FIELD_NAMES = frozenset({"phone"})

# What each category of data is, in plain words, beside the records of the export.
CATEGORY_MEANINGS: dict[Category, Promise] = {
    Category.IDENTITY: _("Sizi tanımlayan bilgiler: adınız, soyadınız, doğum tarihiniz."),
    Category.CONTACT: _("Size ulaşmamızı sağlayan bilgiler: e-posta adresiniz, telefonunuz."),
    Category.SPECIAL: _(
        "Kanunun özel olarak koruduğu bilgiler; yalnızca siz verdiyseniz ve açık rızanızla tutulur."
    ),
    Category.ACTIVITY: _(
        "Gönüllülüğünüzün kaydı: başvurunuz, alanlarınız, vardiyalarınız, saatleriniz, "
        "sertifikalarınız ve size gönderdiğimiz bildirimler."
    ),
    Category.TECHNICAL: _(
        "Güvenlik için tutulan teknik bilgiler: oturum açma zamanları, parolanızın özeti "
        "(parolanın kendisi değil), IP adresinin özeti."
    ),
}


def subject_of_user(user: User) -> DataSubject:
    """A person with an account: the account, its address, and the addresses and phones of
    the records that belong to the account (a profile, the application it came from).

    One step only, on purpose: records that merely share an address with those are included
    by each declaration's `rows`, but their own addresses are not followed further, so a
    phone a stranger once mistyped cannot pull that stranger in.
    """
    emails, phones = {user.email}, set()
    linked = DataSubject(user=user)
    for declaration in registry.declarations():
        if not declaration.person_record:
            continue
        contact = [
            name for name, category in declaration.fields.items() if category == Category.CONTACT
        ]
        for row in declaration.rows(linked):
            for name in contact:
                value = getattr(row, name, "")
                if not value:
                    continue
                if isinstance(row._meta.get_field(name), models.EmailField):
                    emails.add(value)
                elif name in PHONE_FIELD_NAMES:
                    phones.add(value)
    return DataSubject(user=user, emails=frozenset(emails), phones=frozenset(phones))


def subject_of_addresses(*, email: str, phone: str = "") -> DataSubject:
    """A person without an account (an applicant, a workshop participant)."""
    return DataSubject(
        emails=frozenset({email}) if email else frozenset(),
        phones=frozenset({phone}) if phone else frozenset(),
    )


@dataclass(frozen=True)
class HeldData:
    """One model's records about the person, as the export shows them."""

    label: str  # the model, e.g. "volunteers.volunteer"
    title: str | Promise  # the model's name, for people
    categories: list[Category]
    sections: list[ExportSection]


def held_data(subject: DataSubject) -> list[HeldData]:
    """Everything the platform holds about the person, model by model, only where it holds
    something."""
    held = []
    for declaration in registry.declarations():
        sections = declaration.export(subject)
        if not sections:
            continue
        held.append(
            HeldData(
                label=declaration.label,
                title=declaration.model._meta.verbose_name_plural or declaration.label,
                categories=sorted(set(declaration.fields.values()), key=list(Category).index),
                sections=sections,
            )
        )
    return held


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


def export_document(subject: DataSubject) -> dict[str, Any]:
    """The machine-readable export: every record, every field under its label."""
    return {
        "records": [
            {
                "model": held.label,
                "title": str(held.title),
                "categories": [str(category.label) for category in held.categories],
                "entries": [
                    {
                        "title": str(section.title),
                        "fields": [
                            {"label": str(row.label), "value": _plain(row.value)}
                            for row in section.rows
                        ],
                    }
                    for section in held.sections
                ],
            }
            for held in held_data(subject)
        ],
    }


@translation.override(settings.LANGUAGE_CODE)
def record_export(*, subject: DataSubject, actor: User | None, person: models.Model | None) -> None:
    record(
        action="kvkk.data_exported",
        actor=actor,
        person=person,
        summary=str(_("Kişisel veriler ilgili kişiye verildi.")),
    )


def anonymise_subject(subject: DataSubject) -> tuple[set[str], int]:
    """Run every registered anonymiser for the person: the one code path of erasure on
    request and of the retention rules (esit/kvkk/retention.py). Returns the categories of
    data that were held and how many rows changed; the caller writes the destruction record.

    A volunteer first leaves the programme as leaving always does (her places in shifts and
    tasks go to others once this commits).
    """
    if subject.user is not None:
        profile = Volunteer.objects.filter(user=subject.user).first()
        if profile is not None and profile.status != Volunteer.Status.WITHDRAWN:
            withdraw_from_programme(volunteer=profile)
    categories: set[str] = set()
    changed = 0
    for declaration in registry.declarations():
        if declaration.rows(subject).exists():
            categories |= {str(category) for category in declaration.fields.values()}
        changed += declaration.anonymise(subject)
    return categories, changed


@transaction.atomic
@translation.override(settings.LANGUAGE_CODE)  # the audit trail speaks the site's language
def erase(
    subject: DataSubject, *, actor: User | None, reason: str = DestructionRecord.Reason.REQUEST
) -> DestructionRecord:
    """Anonymise the person everywhere, in one transaction.

    A volunteer first leaves the programme as leaving always does (her places in shifts and
    tasks go to others once this commits); then every registered anonymiser removes who she
    was while her rows keep counting in anonymous figures. The account gets an unusable
    password, which ends all its sessions: Django checks the password hash on every request.
    """
    person = subject.user
    categories, changed = anonymise_subject(subject)
    destruction = DestructionRecord.objects.create(
        reason=reason,
        method=DestructionRecord.Method.ANONYMISED,
        categories=sorted(categories),
        people=1,
        rows=changed,
        actor=actor if actor is not None and actor != person else None,
    )
    record(
        action="kvkk.erased",
        actor=actor,
        obj=destruction,
        person=person,
        summary=str(
            _("%(rows)d kayıt anonim hale getirildi (%(categories)d veri kategorisi).")
            % {"rows": changed, "categories": len(categories)}
        ),
    )
    return destruction

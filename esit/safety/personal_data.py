"""What the safety channel holds about people (docs/safety.md, "Personal data").

A concern is special-category data in KVKK's sense (article 6: it may speak of sexual life,
health, and of a crime). The volunteer who raised it receives, in her export, what she wrote
and the replies staff sent her. The handlers' internal notes are left out of the automatic
export, and the export says how many there are: they may hold the personal data of other
people (the person the concern is about, witnesses), whose rights KVKK protects as well, so
she asks for them through a KVKK request (/staff/privacy/requests/), which staff answer case
by case, giving what the law allows.

Erasure keeps the handling record (dates, statuses, outcome, who handled it), which proves
that the concern was dealt with, and removes every text: hers, the replies and the notes,
and the link to her account.
"""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject, ExportRow, ExportSection

from .models import CONCERN_TEXTS, Concern, ConcernEntry
from .services import remove_texts


def concerns_of(subject: DataSubject) -> QuerySet[Concern]:
    if subject.user is None:
        return Concern.objects.none()
    return Concern.objects.filter(raised_by=subject.user)


def entries_of(subject: DataSubject) -> QuerySet[ConcernEntry]:
    return ConcernEntry.objects.filter(concern__in=concerns_of(subject))


def _export(subject: DataSubject) -> list[ExportSection]:
    sections = []
    for concern in concerns_of(subject).prefetch_related("entries"):
        [section] = registry.sections_from(
            [concern],
            title=lambda concern: _("Güvenlik bildiriminiz"),
            fields=[
                "raised_at",
                *CONCERN_TEXTS[:4],
                "contact",
                "contact_how",
                "status",
                "acknowledged_at",
                "closed_at",
                "outcome",
            ],
        )
        notes = 0
        for entry in concern.entries.all():
            if entry.kind == ConcernEntry.Kind.REPLY:
                section.rows.append(
                    ExportRow(
                        label=_("Size verilen yanıt"),
                        value=f"{entry.written_at:%Y-%m-%d %H:%M} {entry.text}",
                    )
                )
            else:
                notes += 1
        section.rows.append(
            ExportRow(label=_("Personelin iç notları (KVKK başvurusuyla istenebilir)"), value=notes)
        )
        sections.append(section)
    return sections


def _anonymise(subject: DataSubject) -> int:
    concerns = list(concerns_of(subject).values_list("pk", flat=True))
    return remove_texts(Concern.objects.filter(pk__in=concerns), at=timezone.now(), raised_by=None)


def register() -> None:
    registry.register(
        Concern,
        fields={
            **dict.fromkeys(CONCERN_TEXTS, Category.SPECIAL),
            "contact": Category.CONTACT,
        },
        not_personal={
            "status",
            "raised_at",
            "acknowledge_by",
            "acknowledged_at",
            "closed_at",
            "outcome",
            "texts_removed_at",
        },
        rows=concerns_of,
        export=_export,
        anonymise=_anonymise,
    )
    registry.register(
        ConcernEntry,
        fields={"text": Category.SPECIAL},
        not_personal={"kind", "written_at"},
        rows=entries_of,
        # Replies are in her concern's section (above); notes are not, and say why.
        export=lambda subject: [],
        # The concern's anonymiser removes the texts of its entries too.
        anonymise=lambda subject: 0,
    )

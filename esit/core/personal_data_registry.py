"""The personal-data registry: what every app stores about people, and how to give it back
or take it away (KVKK, Law No. 6698, articles 7 and 11).

Each app that stores data about people declares it once, in `AppConfig.ready()`:
which of a model's fields hold personal data and in which category, which of its
fields do not, which rows belong to a person, an exporter (what it holds about
that person, with labels a person understands) and an anonymiser (which strips
the person out while the row keeps counting in anonymous figures).

Every concrete field of every model is classified, personal or not, so a new
field cannot slip past: `tests/privacy/test_registry.py` walks all models and
fails on a field nobody classified. Data-subject requests (export, erasure) and
retention are built on `declarations()`, never on a hand-kept list of models.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class Category(models.TextChoices):
    IDENTITY = "identity", _("Kimlik")
    CONTACT = "contact", _("İletişim")
    SPECIAL = "special", _("Özel nitelikli")
    ACTIVITY = "activity", _("Gönüllülük ve katılım")
    TECHNICAL = "technical", _("Teknik ve güvenlik")


@dataclass(frozen=True)
class DataSubject:
    """Whom a request is about: their account if they have one, and every address they used.

    An applicant who never became a volunteer has no account; a member of the public who
    registered for a workshop has only an e-mail address. Addresses are normalised
    (esit.core.addresses) before they get here.
    """

    user: Any = None
    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ExportRow:
    label: StrOrPromise
    value: Any


@dataclass(frozen=True)
class ExportSection:
    """One record, as the person will read it: a title and labelled values."""

    title: StrOrPromise
    rows: list[ExportRow] = field(default_factory=list)


@dataclass(frozen=True)
class PersonalData:
    model: type[models.Model]
    fields: dict[str, Category]  # the fields that hold personal data, by category
    not_personal: frozenset[str]  # every other concrete, non-relational field, named on purpose
    rows: Callable[[DataSubject], models.QuerySet]  # the rows about this person
    export: Callable[[DataSubject], list[ExportSection]]
    anonymise: Callable[[DataSubject], int]  # returns how many rows it changed or deleted
    # True for the rows that stand for a person (an application, a volunteer, a participant,
    # an account): the audit trail names people by these.
    person_record: bool = False

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True)
class NoPersonalData:
    """A model that holds nothing about people, with every field named and the reason."""

    model: type[models.Model]
    fields: frozenset[str]
    reason: str

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


_DECLARATIONS: dict[str, PersonalData | NoPersonalData] = {}


def _register(declaration: PersonalData | NoPersonalData) -> None:
    if declaration.label in _DECLARATIONS:
        raise ValueError(f"{declaration.label} is already declared in the personal-data registry.")
    _DECLARATIONS[declaration.label] = declaration


def register(
    model: type[models.Model],
    *,
    fields: dict[str, Category],
    not_personal: Iterable[str] = (),
    rows: Callable[[DataSubject], models.QuerySet],
    export: Callable[[DataSubject], list[ExportSection]],
    anonymise: Callable[[DataSubject], int],
    person_record: bool = False,
) -> PersonalData:
    declaration = PersonalData(
        model=model,
        fields=dict(fields),
        not_personal=frozenset(not_personal),
        rows=rows,
        export=export,
        anonymise=anonymise,
        person_record=person_record,
    )
    _register(declaration)
    return declaration


def register_no_personal_data(
    model: type[models.Model], *, fields: Iterable[str], reason: str
) -> NoPersonalData:
    declaration = NoPersonalData(model=model, fields=frozenset(fields), reason=reason)
    _register(declaration)
    return declaration


def declarations() -> list[PersonalData]:
    """The models that hold personal data, in a stable order."""
    return [d for _label, d in sorted(_DECLARATIONS.items()) if isinstance(d, PersonalData)]


def declaration_of(model: type[models.Model]) -> PersonalData | NoPersonalData | None:
    return _DECLARATIONS.get(model._meta.label_lower)


def all_declarations() -> list[PersonalData | NoPersonalData]:
    return [declaration for _label, declaration in sorted(_DECLARATIONS.items())]


def records_about(subject: DataSubject) -> list[models.Model]:
    """The rows that stand for this person (`person_record`): how the audit trail finds them."""
    found: list[models.Model] = []
    for declaration in declarations():
        if declaration.person_record:
            found.extend(declaration.rows(subject))
    return found


def _shown(obj: models.Model, name: str) -> Any:
    field_object = obj._meta.get_field(name)
    if getattr(field_object, "choices", None):
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if isinstance(field_object, models.ForeignKey):
        return str(value) if value is not None else ""
    if isinstance(field_object, models.FileField):
        return value.name if value else ""
    return value


def _label(obj: models.Model, name: str) -> StrOrPromise:
    field_object = obj._meta.get_field(name)
    if not isinstance(field_object, models.Field):
        # A reverse relation has no label of its own: only a model's own fields are exported.
        raise TypeError(f"{obj._meta.label}.{name} is a reverse relation, not a field.")
    return field_object.verbose_name


def sections_from(
    queryset: Iterable[models.Model],
    *,
    title: Callable[[models.Model], StrOrPromise],
    fields: Iterable[str],
) -> list[ExportSection]:
    """One export section per row, each field under the label the model gives it."""
    sections = []
    for obj in queryset:
        rows = [ExportRow(label=_label(obj, name), value=_shown(obj, name)) for name in fields]
        sections.append(ExportSection(title=title(obj), rows=rows))
    return sections

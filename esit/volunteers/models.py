import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esit.core import phones
from esit.core.encryption import (
    BirthYearField,
    DerivedFieldsModel,
    EncryptedCharField,
    EncryptedDateField,
    LookupHashField,
)
from esit.core.turkish import fold, sort_key
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea


class Gender(models.TextChoices):
    """Optional and inclusive; never required, never shown to other volunteers."""

    WOMAN = "woman", _("Kadın")
    MAN = "man", _("Erkek")
    NON_BINARY = "non_binary", _("İkili olmayan")
    SELF_DESCRIBED = "self_described", _("Kendi ifademle")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("Belirtmek istemiyorum")


def new_checkin_code() -> str:
    """The code in a volunteer's personal QR: read by a scanner or typed at the door."""
    return secrets.token_hex(5).upper()


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


NAME_KEY_LENGTH = 330
_LETTERS = 32  # the Turkish alphabet with q, w and x (esit/core/turkish.py)


def name_key(first_name: str, last_name: str) -> str:
    """A column that sorts by surname, then first name, in Turkish order, in the database.

    Each letter becomes two digits (its rank in `core.turkish.sort_key`), a space or a
    hyphen "00": a string of digits sorts the same under SQLite's byte order and under any
    PostgreSQL collation, which an alphabet with ç, ğ, ı, ö, ş and ü does not.
    """
    digits = []
    text = f"{last_name} {first_name}"
    for ch, rank in zip(fold(text), sort_key(text), strict=True):
        if 0 <= rank < _LETTERS:
            digits.append(f"{11 + rank:02d}")
        elif ch.isdigit():
            digits.append(f"{1 + int(ch):02d}")
        elif ch.isalpha():
            digits.append("98")  # other scripts after the Turkish alphabet
        else:
            digits.append("00")
    return "".join(digits)[:NAME_KEY_LENGTH]


class Volunteer(DerivedFieldsModel):
    """An approved applicant's profile: what matching, activities and reports read."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Etkin")
        # Still in the programme, but takes no new work until staff reactivate her.
        PAUSED = "paused", _("Duraklatıldı")
        WITHDRAWN = "withdrawn", _("Programdan ayrıldı")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="volunteer"
    )
    application = models.OneToOneField(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer",
    )
    first_name = models.CharField(_("ad"), max_length=80)
    last_name = models.CharField(_("soyad"), max_length=80)
    # Encrypted at rest (esit/core/encryption.py): found by phone_hash, banded by birth_year.
    phone = EncryptedCharField(_("cep telefonu"), max_length=16)
    phone_hash = LookupHashField(source="phone", db_index=True)
    birth_date = EncryptedDateField(_("doğum tarihi"))
    birth_year = BirthYearField(source="birth_date", db_index=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="volunteers", verbose_name=_("ilçe")
    )
    areas = models.ManyToManyField(
        VolunteerArea, related_name="volunteers", verbose_name=_("gönüllülük alanları")
    )
    availability = models.PositiveIntegerField(_("haftalık uygunluk"), default=0)
    gender = models.CharField(_("cinsiyet"), max_length=20, choices=Gender, blank=True)
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.ACTIVE, db_index=True
    )
    joined_at = models.DateTimeField(_("katılım tarihi"))
    left_at = models.DateTimeField(_("ayrılış tarihi"), null=True, blank=True)
    search_text = models.CharField(max_length=420, db_index=True, editable=False)
    name_key = models.CharField(
        max_length=NAME_KEY_LENGTH, db_index=True, editable=False, default=""
    )
    paused_at = models.DateTimeField(_("duraklatılma tarihi"), null=True, blank=True)
    # Why staff ended her participation (she is told); empty when she left by herself.
    end_reason = models.CharField(_("ayrılış gerekçesi"), max_length=1000, blank=True)

    # Which messages reach the volunteer is in notifications.Preference, by kind and channel.

    checkin_code = models.CharField(max_length=16, unique=True, default=new_checkin_code)
    # The private calendar feed's secret; the volunteer can replace it if it leaks.
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    class Meta:
        verbose_name = _("gönüllü")
        verbose_name_plural = _("gönüllüler")
        permissions = [("manage_volunteers", _("Gönüllüleri yönetebilir"))]
        indexes = [
            models.Index(fields=["status", "district"], name="volunteer_status_district"),
            models.Index(fields=["joined_at", "id"], name="volunteer_joined"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone_national(self) -> str:
        """The stored E.164 number the way people write it: 0532 123 45 67."""
        return phones.national(self.phone)

    @property
    def is_active(self) -> bool:
        """Takes part now: may sign up, check in, take tasks (a paused volunteer may not)."""
        return self.status == self.Status.ACTIVE

    @property
    def in_programme(self) -> bool:
        """Has not left: active or paused; keeps her profile and preferences up to date."""
        return self.status != self.Status.WITHDRAWN


class VolunteerLanguage(models.Model):
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("düzey"), max_length=12, choices=LanguageLevel)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "language"], name="volunteer_language_once"
            )
        ]

    def __str__(self):
        return f"{self.language} ({self.get_level_display()})"

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esit.core import phones
from esit.core.encryption import (
    BirthYearField,
    DerivedFieldsModel,
    EncryptedCharField,
    EncryptedDateField,
    EncryptedTextField,
    LookupHashField,
)
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea
from esit.volunteers.models import Gender


class HeardFrom(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Sosyal medya (@izbbkadin)")
    FRIEND = "friend", _("Arkadaş ya da tanıdık")
    EVENT = "event", _("Bir etkinlik ya da atölye")
    MUNICIPALITY = "municipality", _("Belediye birimi ya da web sitesi")
    NGO = "ngo", _("Sivil toplum kuruluşu")
    UNIVERSITY = "university", _("Üniversite ya da okul")
    PRESS = "press", _("Basın")
    OTHER = "other", _("Diğer")


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Whole years of age on `day`; someone born on 29 February comes of age on 1 March."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def new_status_token() -> str:
    return secrets.token_urlsafe(32)


class ApplicationQuerySet(models.QuerySet["Application"]):
    def open(self) -> "ApplicationQuerySet":
        return self.filter(status__in=Application.OPEN_STATUSES)


class Application(DerivedFieldsModel):
    """A citizen's request to join the volunteer network (docs/product.md, "Applications").

    The phone, the exact birth date and the free texts are encrypted at rest
    (esit/core/encryption.py): `phone_hash` finds a phone, `birth_year` sorts into age bands."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("İnceleniyor")
        WAITLISTED = "waitlisted", _("Bekleme listesinde")
        APPROVED = "approved", _("Onaylandı")
        REJECTED = "rejected", _("Olumsuz sonuçlandı")
        WITHDRAWN = "withdrawn", _("Geri çekildi")

    OPEN_STATUSES = (Status.SUBMITTED, Status.WAITLISTED)

    first_name = models.CharField(_("ad"), max_length=80)
    last_name = models.CharField(_("soyad"), max_length=80)
    email = models.EmailField(_("e-posta"), max_length=254)
    phone = EncryptedCharField(_("cep telefonu"), max_length=16, help_text=_("E.164 biçiminde"))
    phone_hash = LookupHashField(source="phone", db_index=True)
    birth_date = EncryptedDateField(_("doğum tarihi"))
    birth_year = BirthYearField(source="birth_date", db_index=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="applications", verbose_name=_("ilçe")
    )
    areas = models.ManyToManyField(
        VolunteerArea, related_name="applications", verbose_name=_("gönüllülük alanları")
    )
    availability = models.PositiveIntegerField(_("haftalık uygunluk"), default=0)
    experience = EncryptedTextField(_("deneyim"), max_length=2000, blank=True)
    motivation = EncryptedTextField(_("motivasyon"), max_length=2000)
    heard_from = models.CharField(
        _("bizi nereden duydunuz"), max_length=20, choices=HeardFrom, blank=True
    )
    gender = models.CharField(_("cinsiyet"), max_length=20, choices=Gender, blank=True)
    gender_self_description = EncryptedCharField(
        _("cinsiyet (kendi ifadeniz)"), max_length=60, blank=True
    )
    language = models.CharField(_("başvuru dili"), max_length=8, default="tr")

    status = models.CharField(
        _("durum"), max_length=12, choices=Status, default=Status.SUBMITTED, db_index=True
    )
    decision_reason = models.TextField(_("karar gerekçesi"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(_("başvuru tarihi"), db_index=True)
    decided_at = models.DateTimeField(_("karar tarihi"), null=True, blank=True)
    status_token = models.CharField(max_length=64, unique=True, default=new_status_token)
    status_link_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The form's one-time key: a double click or a resubmitted page finds the same record.
    submission_key = models.UUIDField(unique=True)
    consent = models.ForeignKey(
        "privacy.ConsentRecord", on_delete=models.PROTECT, related_name="applications"
    )
    # Turkish-folded "first last email", so search knows İ/i and I/ı on every database.
    search_text = models.CharField(max_length=420, db_index=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("başvuru")
        verbose_name_plural = _("başvurular")
        permissions = [("review_applications", _("Başvuruları inceleyip karar verebilir"))]
        ordering = ["-submitted_at", "-id"]
        constraints = [
            # One open application per e-mail and per phone, enforced by the database.
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(status__in=["submitted", "waitlisted"]),
                name="application_one_open_per_email",
            ),
            models.UniqueConstraint(
                fields=["phone_hash"],
                condition=Q(status__in=["submitted", "waitlisted"]),
                name="application_one_open_per_phone",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-submitted_at"], name="application_queue_idx"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def phone_national(self) -> str:
        """The stored E.164 number the way people write it: 0532 123 45 67."""
        return phones.national(self.phone)


class ApplicationLanguage(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("düzey"), max_length=12, choices=LanguageLevel)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "language"], name="application_language_once"
            )
        ]

    def __str__(self):
        return f"{self.language} ({self.get_level_display()})"


# What an applicant may correct while it is pending (docs/product.md, "Roles"), by name.
CORRECTABLE_FIELDS = {
    "email": _("e-posta"),
    "phone": _("cep telefonu"),
    "district": _("ilçe"),
    "areas": _("gönüllülük alanları"),
    "languages": _("diller"),
    "availability": _("haftalık uygunluk"),
}


class Decision(models.Model):
    """Every change of an application's status or details, who made it and why: its history."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("Onay")
        WAITLIST = "waitlist", _("Bekleme listesi")
        REJECT = "reject", _("Ret")
        WITHDRAW = "withdraw", _("Başvuru sahibi geri çekti")
        CORRECT = "correct", _("Başvuru sahibi düzeltti")

    # Kinds the applicant makes herself (decided_by is empty for them).
    BY_APPLICANT = (Kind.WITHDRAW, Kind.CORRECT)

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("karar"), max_length=10, choices=Kind)
    reason = models.TextField(_("gerekçe"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("tarih"))
    # For a correction: which CORRECTABLE_FIELDS changed (names only, never the old values).
    changed_fields = models.JSONField(_("düzeltilen bilgiler"), default=list, blank=True)

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("karar")
        verbose_name_plural = _("kararlar")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.decided_at:%Y-%m-%d}"

    @property
    def by_applicant(self) -> bool:
        return self.kind in self.BY_APPLICANT

    @property
    def changed_labels(self) -> list[str]:
        """The corrected details by their names in the reader's language."""
        return [str(CORRECTABLE_FIELDS[name]) for name in self.changed_fields]


class AccountReminder(models.Model):
    """When the owner of an account was last told that someone tried to apply with their
    e-mail address or phone: at most once a day, like the status-link reminder, however
    often someone posts those details."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    sent_at = models.DateTimeField()

    def __str__(self):
        return f"{self.user_id} · {self.sent_at:%Y-%m-%d %H:%M}"


class Note(models.Model):
    """An internal note on an application; staff only, never shown to the applicant."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("not"), max_length=2000)
    created_at = models.DateTimeField(_("tarih"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("not")
        verbose_name_plural = _("notlar")

    def __str__(self):
        return self.body[:60]

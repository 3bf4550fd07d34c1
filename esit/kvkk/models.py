"""What the KVKK rights leave behind: the record that personal data was destroyed.

The regulation on erasure, destruction and anonymisation asks the controller to keep, for at
least three years, a record of every destruction: which rule or request, which category of
data, how many people, when. The record itself names nobody.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esit.core.encryption import DerivedFieldsModel, EncryptedCharField, LookupHashField


class RetentionRun(models.Model):
    """One day's run of the retention rules (esit/kvkk/retention.py). One row per day: a
    second run the same day finds the same row, and the rules themselves find nobody left."""

    day = models.DateField(_("gün"), unique=True)
    started_at = models.DateTimeField(_("başladığı an"))
    finished_at = models.DateTimeField(_("bittiği an"), null=True, blank=True)

    class Meta:
        verbose_name = _("saklama kuralları çalışması")
        verbose_name_plural = _("saklama kuralları çalışmaları")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day:%Y-%m-%d}"


class DestructionRecord(models.Model):
    class Reason(models.TextChoices):
        REQUEST = "request", _("İlgili kişinin başvurusu")
        STAFF = "staff", _("Personelin kaydettiği başvuru")
        RETENTION = "retention", _("Saklama süresinin dolması")

    class Method(models.TextChoices):
        ANONYMISED = "anonymised", _("Anonim hale getirme")
        DELETED = "deleted", _("Silme")

    reason = models.CharField(_("gerekçe"), max_length=20, choices=Reason)
    rule = models.CharField(
        _("kural"), max_length=100, blank=True, help_text=_("Saklama kuralının adı.")
    )
    method = models.CharField(_("yöntem"), max_length=20, choices=Method)
    categories = models.JSONField(_("veri kategorileri"), default=list)
    people = models.PositiveIntegerField(_("kişi sayısı"))
    rows = models.PositiveIntegerField(_("kayıt sayısı"))
    at = models.DateTimeField(_("zaman"), auto_now_add=True)
    # Who carried it out; kept when the staff account is later closed (SET_NULL loses nothing
    # the record must prove: the time, the rule and the counts stay).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("işlemi yapan"),
    )
    # The run of the retention rules that wrote it (empty for a request).
    run = models.ForeignKey(
        RetentionRun,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="destructions",
        verbose_name=_("saklama çalışması"),
    )

    class Meta:
        verbose_name = _("imha kaydı")
        verbose_name_plural = _("imha kayıtları")
        ordering = ["-at"]
        indexes = [models.Index(fields=["at"])]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.at:%Y-%m-%d}"


class DataRequest(DerivedFieldsModel):
    """A request under KVKK article 11 that reached the municipality by another channel
    (a petition, an e-mail, a phone call): logged, answered within 30 days (article 13)."""

    ANSWER_DAYS = 30

    class Kind(models.TextChoices):
        ACCESS = "access", _("Bilgi ve kopya talebi")
        CORRECTION = "correction", _("Düzeltme talebi")
        ERASURE = "erasure", _("Silme talebi")
        OBJECTION = "objection", _("İtiraz")
        OTHER = "other", _("Diğer")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-posta")
        KEP = "kep", _("KEP")
        PETITION = "petition", _("Dilekçe")
        PHONE = "phone", _("Telefon")
        IN_PERSON = "in_person", _("Yüz yüze")

    class Status(models.TextChoices):
        OPEN = "open", _("Yanıt bekliyor")
        ANSWERED = "answered", _("Yanıtlandı")
        REFUSED = "refused", _("Reddedildi")

    kind = models.CharField(_("talep türü"), max_length=20, choices=Kind)
    channel = models.CharField(_("geldiği yol"), max_length=20, choices=Channel)
    requester_name = models.CharField(_("başvuranın adı soyadı"), max_length=200)
    requester_email = models.EmailField(_("başvuranın e-postası"), blank=True)
    requester_phone = EncryptedCharField(_("başvuranın telefonu"), max_length=20, blank=True)
    requester_phone_hash = LookupHashField(source="requester_phone", db_index=True)
    summary = models.TextField(_("talebin özeti"), max_length=2000)
    received_on = models.DateField(_("alındığı gün"))
    deadline = models.DateField(_("yanıt için son gün"))
    status = models.CharField(_("durum"), max_length=20, choices=Status, default=Status.OPEN)
    answer = models.TextField(_("verilen yanıt"), max_length=4000, blank=True)
    answered_on = models.DateField(_("yanıtlandığı gün"), null=True, blank=True)
    reminded_on = models.DateField(_("hatırlatıldığı gün"), null=True, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("KVKK başvurusu")
        verbose_name_plural = _("KVKK başvuruları")
        ordering = ["status", "deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.received_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class RetentionWarning(models.Model):
    """A volunteer told that her records will be anonymised after a long silence, unless
    she stays. `stayed_at` is set when she chooses to stay (or came back by herself);
    `anonymised_at` when the grace period ran out."""

    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="retention_warnings"
    )
    warned_at = models.DateTimeField(_("uyarıldığı an"))
    anonymise_after = models.DateTimeField(_("anonim hale getirileceği an"))
    stayed_at = models.DateTimeField(_("kalmayı seçtiği an"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonim hale getirildiği an"), null=True, blank=True)

    class Meta:
        verbose_name = _("hareketsizlik uyarısı")
        verbose_name_plural = _("hareketsizlik uyarıları")
        ordering = ["-warned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer"],
                condition=Q(stayed_at=None, anonymised_at=None),
                name="kvkk_one_open_retention_warning",
            )
        ]

    def __str__(self):
        return f"{self.volunteer_id} · {self.warned_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.stayed_at is None and self.anonymised_at is None


class Incident(models.Model):
    """A personal-data breach (KVKK article 12/5): the controller notifies the KVK Board
    within 72 hours of learning of it, and the people affected as soon as possible.

    The register describes categories and counts of people, never the people themselves:
    who was affected is said in words ("42 applicants of March"), not with their names.
    """

    BOARD_HOURS = 72

    title = models.CharField(_("kısa başlık"), max_length=200)
    what_happened = models.TextField(_("ne oldu"), max_length=4000)
    occurred_at = models.DateTimeField(_("ihlalin olduğu an"), null=True, blank=True)
    discovered_at = models.DateTimeField(_("öğrenildiği an"))
    categories = models.JSONField(_("etkilenen veri kategorileri"), default=list)
    affected = models.TextField(_("kimler etkilendi"), max_length=2000)
    affected_count = models.PositiveIntegerField(_("etkilenen kişi sayısı"), null=True, blank=True)
    measures = models.TextField(_("alınan önlemler"), max_length=4000, blank=True)
    board_notified_at = models.DateTimeField(_("Kurula bildirildiği an"), null=True, blank=True)
    people_notified_at = models.DateTimeField(
        _("ilgili kişilere bildirildiği an"), null=True, blank=True
    )
    people_notified_how = models.TextField(
        _("ilgili kişilere nasıl bildirildi"), max_length=2000, blank=True
    )
    reminded_at = models.DateTimeField(_("hatırlatıldığı an"), null=True, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    logged_at = models.DateTimeField(_("kaydedildiği an"), auto_now_add=True)

    class Meta:
        verbose_name = _("veri ihlali")
        verbose_name_plural = _("veri ihlalleri")
        ordering = ["-discovered_at", "-pk"]
        permissions = [("manage_incidents", _("Veri ihlallerini kaydedebilir"))]

    def __str__(self):
        return self.title

    @property
    def board_deadline(self) -> datetime.datetime:
        return self.discovered_at + datetime.timedelta(hours=self.BOARD_HOURS)

"""Every message to a person is a Delivery: one row per message and channel.

A delivery is created (queued) in the same transaction as the change it
announces, under a unique idempotency key, so the same message is never
queued twice however often the code that asks for it runs. The worker claims
it (sending), hands it to its channel and records the outcome (sent, failed
and retried, or suppressed when the person turned the kind off or what it
announced is no longer true). A claimed delivery is never sent again by
itself: if a worker dies in the middle of sending, nobody can know whether the
message left, and a second copy is worse than asking a person to press "retry"
(`services.requeue_stale` marks it failed after a while, with that reason).

Preferences hold only what differs from the default (every kind on): a row
per person, kind and channel, or kind "*" for "no optional messages at all".
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-posta")
    SMS = "sms", _("Kısa mesaj (SMS)")


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Sırada")
        SENDING = "sending", _("Gönderiliyor")
        SENT = "sent", _("Gönderildi")
        FAILED = "failed", _("Gönderilemedi")
        SUPPRESSED = "suppressed", _("Gönderilmedi")

    class Why(models.TextChoices):
        """Why a delivery was not sent (status suppressed)."""

        PREFERENCE = "preference", _("Kişi bu bildirimi kapattı")
        NO_LONGER_TRUE = "no_longer_true", _("Bildirilen durum artık geçerli değil")
        NO_ADDRESS = "no_address", _("Gönderilecek adres yok")

    kind = models.CharField(_("tür"), max_length=64)
    channel = models.CharField(_("kanal"), max_length=8, choices=Channel, default=Channel.EMAIL)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
        verbose_name=_("alıcı hesabı"),
    )
    address = models.CharField(_("adres"), max_length=254)
    language = models.CharField(_("dil"), max_length=8, default="tr")
    # What the message is about, reloaded fresh when it is sent.
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    idempotency_key = models.CharField(max_length=255, unique=True)
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    suppressed_because = models.CharField(
        _("gönderilmeme nedeni"), max_length=16, choices=Why, blank=True
    )
    subject = models.CharField(_("konu"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("deneme"), default=0)
    last_error = models.TextField(_("son hata"), blank=True)
    created_at = models.DateTimeField(_("oluşturulma"), default=timezone.now)
    enqueued_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("gönderilme"), null=True, blank=True)

    class Meta:
        verbose_name = _("bildirim")
        verbose_name_plural = _("bildirimler")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="delivery_recipient_idx"),
            models.Index(fields=["address", "-created_at"], name="delivery_address_idx"),
            models.Index(fields=["status", "enqueued_at"], name="delivery_status_idx"),
            models.Index(fields=["object_type", "object_id"], name="delivery_object_idx"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.channel} ({self.get_status_display()})"


class Preference(models.Model):
    ALL_OPTIONAL = "*"  # kind: every optional kind at once

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("tür"), max_length=64)
    channel = models.CharField(_("kanal"), max_length=8, choices=Channel, default=Channel.EMAIL)
    enabled = models.BooleanField(_("açık"))
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bildirim tercihi")
        verbose_name_plural = _("bildirim tercihleri")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "channel"], name="preference_one_per_kind_and_channel"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.kind} · {self.channel}: {self.enabled}"

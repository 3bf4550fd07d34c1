"""Invitations to work and the recommendations a volunteer set aside (docs/matching.md).

An `Invitation` asks one volunteer to take one shift or one task. Nobody is invited twice
to the same shift or task: the database refuses a second row, whatever its status. Its
link works without signing in (a random token stored here, answered once, until it
expires), and accepting goes through the same sign-up and claim services as everywhere.

A `Dismissal` is a volunteer's "not interested" for a shift or task in her
recommendations: it hides that work from her list, and nothing else.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _one_target() -> Q:
    return (Q(shift__isnull=False) & Q(task__isnull=True)) | (
        Q(shift__isnull=True) & Q(task__isnull=False)
    )


class Invitation(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Gönderildi")
        ACCEPTED = "accepted", _("Kabul edildi")
        DECLINED = "declined", _("Geri çevrildi")
        EXPIRED = "expired", _("Süresi doldu")

    shift = models.ForeignKey(
        "activities.Shift",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("vardiya"),
    )
    task = models.ForeignKey(
        "activities.Task",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("görev"),
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("gönüllü"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("davet eden"),
    )
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.SENT, db_index=True
    )
    # What the ranking said when she was invited, so staff can see why later ("Alanı
    # eşleşiyor: +30; …"): written in both languages then, because the reasons quote what
    # was true that day (her hours, her record), which a later ranking would not say.
    reason = models.CharField(_("gerekçe"), max_length=1000, blank=True)
    reason_en = models.CharField(_("gerekçe (İngilizce)"), max_length=1000, blank=True)
    score = models.IntegerField(_("puan"), default=0)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    sent_at = models.DateTimeField(_("gönderilme zamanı"))
    expires_at = models.DateTimeField(_("son geçerlilik"))
    responded_at = models.DateTimeField(_("yanıt zamanı"), null=True, blank=True)

    class Meta:
        verbose_name = _("davet")
        verbose_name_plural = _("davetler")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=_one_target(), name="invitation_one_target"),
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=Q(shift__isnull=False),
                name="invitation_once_per_shift",
            ),
            models.UniqueConstraint(
                fields=["task", "volunteer"],
                condition=Q(task__isnull=False),
                name="invitation_once_per_task",
            ),
        ]
        indexes = [models.Index(fields=["volunteer", "status"], name="invitation_volunteer")]

    def __str__(self):
        return f"{self.volunteer} · {self.shift or self.task}"

    @property
    def reason_text(self) -> str:
        """The reason in the reader's language; Turkish where no English was written (the
        invitations sent before there was)."""
        return self.reason_en if get_language() == "en" and self.reason_en else self.reason

    @property
    def target(self):
        return self.shift if self.shift_id else self.task

    @property
    def activity(self):
        return self.target.activity


class Dismissal(models.Model):
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="dismissals"
    )
    shift = models.ForeignKey(
        "activities.Shift", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    task = models.ForeignKey(
        "activities.Task", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ilgilenmiyorum kaydı")
        verbose_name_plural = _("ilgilenmiyorum kayıtları")
        constraints = [
            models.CheckConstraint(condition=_one_target(), name="dismissal_one_target"),
            models.UniqueConstraint(
                fields=["volunteer", "shift"],
                condition=Q(shift__isnull=False),
                name="dismissal_once_per_shift",
            ),
            models.UniqueConstraint(
                fields=["volunteer", "task"],
                condition=Q(task__isnull=False),
                name="dismissal_once_per_task",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer_id} · {self.shift_id or self.task_id}"

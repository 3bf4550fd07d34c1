"""What the network's moderation keeps (docs/moderation.md).

Content that people can report (an idea, a comment, a resource) is a model of its own app
that inherits `Moderated` and is declared in `registry.py`; this app never imports those
apps. A `Report` is one person's report of one piece of content: the database refuses a
second one by the same person, so three different people are needed to hide content
automatically. A `PostingSuspension` stops a person posting until a moment.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModeratedQuerySet(models.QuerySet):
    def visible(self):
        """What volunteers may see: everything not hidden, by a moderator or by reports."""
        return self.filter(hidden_at__isnull=True)


class Moderated(models.Model):
    """Fields every reportable model carries: hidden content disappears for volunteers at once."""

    class HiddenBecause(models.TextChoices):
        REPORTS = "reports", _("Birden çok kişi bildirdi")
        MODERATOR = "moderator", _("Moderatör gizledi")

    hidden_at = models.DateTimeField(_("gizlendiği an"), null=True, blank=True, db_index=True)
    hidden_because = models.CharField(
        _("gizlenme nedeni"), max_length=20, choices=HiddenBecause.choices, blank=True
    )

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Report(models.Model):
    class Reason(models.TextChoices):
        HARASSMENT = "harassment", _("Taciz veya zorbalık")
        HATE = "hate", _("Nefret söylemi veya ayrımcılık")
        PERSONAL_DATA = "personal_data", _("Kişisel bilgilerin paylaşılması")
        SPAM = "spam", _("Reklam veya spam")
        FALSE = "false", _("Yanıltıcı bilgi")
        OTHER = "other", _("Başka bir neden")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="content_reports",
        verbose_name=_("bildiren"),
    )
    reason = models.CharField(_("neden"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("açıklama"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("bildirildiği an"), default=timezone.now)
    # Set when a moderator has decided on the content (hidden, restored or left as it is);
    # only reports still open count towards hiding it automatically.
    resolved_at = models.DateTimeField(_("karara bağlandığı an"), null=True, blank=True)

    class Meta:
        verbose_name = _("içerik bildirimi")
        verbose_name_plural = _("içerik bildirimleri")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_content", "Moderate the network's content")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                name="one_report_per_person_and_content",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.reason}"


class PostingSuspension(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="posting_suspensions",
        verbose_name=_("kişi"),
    )
    until = models.DateTimeField(_("bitiş"))
    reason = models.TextField(_("neden"), max_length=1000)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("askıya alan"),
    )
    created_at = models.DateTimeField(_("oluşturulduğu an"), default=timezone.now)
    lifted_at = models.DateTimeField(_("kaldırıldığı an"), null=True, blank=True)

    class Meta:
        verbose_name = _("paylaşım askısı")
        verbose_name_plural = _("paylaşım askıları")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "until"])]

    def __str__(self) -> str:
        return f"{self.person_id} until {self.until:%Y-%m-%d %H:%M}"


class ModerationDecision(models.Model):
    """A moderator's hiding of one piece of content, with her free-text note.

    The note stays here, read on the content's moderation page by moderators only, and never
    in the audit event's summary: the audit trail is read by more people, and its summaries
    speak of counts and field names, never of a person's details (docs/architecture.md).
    """

    class Kind(models.TextChoices):
        HIDDEN = "hidden", _("Gizlendi")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("karar"), max_length=20, choices=Kind.choices)
    reason = models.CharField(_("neden"), max_length=20, choices=Report.Reason.choices)
    note = models.TextField(_("not"), max_length=300, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderatör"),
    )
    decided_at = models.DateTimeField(_("karar anı"), default=timezone.now)

    class Meta:
        verbose_name = _("moderasyon kararı")
        verbose_name_plural = _("moderasyon kararları")
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.kind}"

"""A safety concern a volunteer raises in confidence, and what designated staff do with it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core.encryption import EncryptedTextField

WHAT_HAPPENED_MAX = 5000
ABOUT_MAX = 1000
LINK_MAX = 500
WHEN_MAX = 200
CONTACT_HOW_MAX = 300
ENTRY_MAX = 5000


# What a concern holds in words, hers: the entries (replies, notes) hold the rest.
CONCERN_TEXTS = ("what_happened", "about", "link", "happened_when", "contact_how")


class Concern(models.Model):
    """A harassment or safety concern about a person or a conversation, raised by a volunteer
    directly with the staff who hold `safety.handle_concerns`, and nobody else.

    Every free text is encrypted at rest (docs/architecture.md, "Encryption at rest"): a copy
    of the database, a backup or a query by an engineer shows no word of what she wrote.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Alındı")
        ACKNOWLEDGED = "acknowledged", _("Görüldü")
        IN_HANDLING = "in_handling", _("İlgileniliyor")
        CLOSED = "closed", _("Kapatıldı")

    class Contact(models.TextChoices):
        NONE = "none", _("Benimle iletişime geçilmesin")
        EMAIL = "email", _("E-posta ile")
        PHONE = "phone", _("Telefonla")
        IN_PERSON = "in_person", _("Yüz yüze görüşerek")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Çözüldü")
        ACTION_TAKEN = "action_taken", _("Önlem alındı")
        REFERRED = "referred", _("Yetkili bir birime yönlendirildi")
        NO_ACTION = "no_action", _("İşlem gerekmedi")
        WITHDRAWN = "withdrawn", _("Bildiren geri çekti")

    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="safety_concerns",
        verbose_name=_("bildiren"),
    )
    what_happened = EncryptedTextField(_("ne oldu"))
    about = EncryptedTextField(_("kim ya da hangi yazışma hakkında"))
    link = EncryptedTextField(_("bağlantı"), blank=True)
    happened_when = EncryptedTextField(_("ne zaman"), blank=True)
    contact = models.CharField(
        _("iletişim isteği"), max_length=16, choices=Contact.choices, default=Contact.NONE
    )
    contact_how = EncryptedTextField(_("nasıl iletişime geçilsin"), blank=True)
    status = models.CharField(
        _("durum"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    raised_at = models.DateTimeField(_("bildirildiği an"), default=timezone.now)
    acknowledge_by = models.DateTimeField(_("görülmesi gereken son an"))
    acknowledged_at = models.DateTimeField(_("görüldüğü an"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kapatıldığı an"), null=True, blank=True)
    outcome = models.CharField(
        _("sonuç"), max_length=16, choices=Outcome.choices, blank=True, default=""
    )
    texts_removed_at = models.DateTimeField(_("metinlerin silindiği an"), null=True, blank=True)
    # Her explicit consent given with it (KVKK 6/2): taking it back erases the texts.
    consent = models.ForeignKey(
        "privacy.ConsentRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("açık rıza kaydı"),
    )

    class Meta:
        verbose_name = _("güvenlik bildirimi")
        verbose_name_plural = _("güvenlik bildirimleri")
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["status", "raised_at"], name="safety_concern_status")]
        permissions = [("handle_concerns", _("Güvenlik ve taciz bildirimleriyle ilgilenebilir"))]

    def __str__(self):
        return str(_("Güvenlik bildirimi {number}")).format(number=self.pk)

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED


class ConcernEntry(models.Model):
    """One step of a concern's handling: an internal note for the designated staff, or a
    reply to the volunteer who raised it (she reads replies on her page, never notes)."""

    class Kind(models.TextChoices):
        NOTE = "note", _("İç not")
        REPLY = "reply", _("Bildirene yanıt")

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("tür"), max_length=8, choices=Kind.choices)
    text = EncryptedTextField(_("metin"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("yazıldığı an"), default=timezone.now)

    class Meta:
        verbose_name = _("bildirim kaydı")
        verbose_name_plural = _("bildirim kayıtları")
        ordering = ["written_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

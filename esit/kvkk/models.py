"""What the KVKK rights leave behind: the record that personal data was destroyed.

The regulation on erasure, destruction and anonymisation asks the controller to keep, for at
least three years, a record of every destruction: which rule or request, which category of
data, how many people, when. The record itself names nobody.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("imha kaydı")
        verbose_name_plural = _("imha kayıtları")
        ordering = ["-at"]
        indexes = [models.Index(fields=["at"])]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.at:%Y-%m-%d}"

"""KVKK records: the versioned texts people are shown and what they agreed to.

Law No. 6698 (KVKK) requires that the data controller can prove which
information notice a person saw and when they gave explicit consent; so
texts are versioned and never edited once published, and every consent keeps
its version, time and a hashed address.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PrivacyNotice(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Aydınlatma metni")
        EXPLICIT_CONSENT = "explicit_consent", _("Açık rıza metni")

    kind = models.CharField(_("tür"), max_length=20, choices=Kind)
    version = models.CharField(_("sürüm"), max_length=20)
    title_tr = models.CharField(_("başlık (Türkçe)"), max_length=200)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=200, blank=True)
    body_tr = models.TextField(_("metin (Türkçe)"))
    body_en = models.TextField(_("metin (İngilizce)"), blank=True)
    # Empty while the text is a draft; a published text is never edited again.
    published_at = models.DateTimeField(_("yayın tarihi"), null=True, blank=True)
    # A material change asks every volunteer to read and accept again at her next visit.
    material_change = models.BooleanField(_("esaslı değişiklik"), default=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("yayımlayan"),
    )

    class Meta:
        verbose_name = _("KVKK metni")
        verbose_name_plural = _("KVKK metinleri")
        permissions = [("publish_notices", _("KVKK metinlerini yayımlayabilir"))]
        ordering = ["kind", "-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "version"], name="privacy_notice_unique_version"
            )
        ]
        get_latest_by = "published_at"

    def __str__(self):
        return f"{self.get_kind_display()} {self.version}"

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" and self.title_en else self.title_tr

    @property
    def body(self) -> str:
        return self.body_en if get_language() == "en" and self.body_en else self.body_tr


class ConsentRecord(models.Model):
    """One person's explicit consent to one version of the consent text: which version,
    when, how (`method`), what for (`purpose`: the programme, or the safety channel's
    special-category texts) and, when staff wrote it down, who (`recorded_by`)."""

    class Method(models.TextChoices):
        ONLINE = "online", _("Çevrim içi form")
        PAPER = "paper", _("Kâğıt form")
        PHONE = "phone", _("Telefon")
        IN_PERSON = "in_person", _("Yüz yüze")

    class Purpose(models.TextChoices):
        # The volunteer programme: an application, a registration, a renewed acceptance.
        PROGRAMME = "programme", _("Gönüllü programı")
        # The safety channel's special-category texts (KVKK 6/2): given with each concern.
        SAFETY = "safety", _("Güvenlik bildirimi")

    notice = models.ForeignKey(PrivacyNotice, on_delete=models.PROTECT, related_name="consents")
    information_notice = models.ForeignKey(
        PrivacyNotice,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gösterilen aydınlatma metni"),
    )
    email = models.EmailField(_("e-posta"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    given_at = models.DateTimeField(_("verildiği an"))
    ip_hash = models.CharField(_("IP özeti"), max_length=64)
    withdrawn_at = models.DateTimeField(_("geri alındığı an"), null=True, blank=True)
    method = models.CharField(
        _("nasıl verildi"), max_length=12, choices=Method, default=Method.ONLINE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kaydeden personel"),
    )
    purpose = models.CharField(_("amaç"), max_length=20, choices=Purpose, default=Purpose.PROGRAMME)

    class Meta:
        verbose_name = _("açık rıza kaydı")
        verbose_name_plural = _("açık rıza kayıtları")
        permissions = [("handle_data_requests", _("Kişisel veri başvurularını yürütebilir"))]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.email} · {self.notice}"

"""Announcements: what the programme tells the public and its volunteers (docs/product.md).

An announcement is written in Markdown (Turkish, English optional) and rendered to
sanitised HTML when shown (`esit/core/markdown.py`). Its audience says who it is for: the
public (the site and the Atom feed, never e-mailed), every active volunteer, the
volunteers of some areas and/or districts, or those taking part in one activity. It
is a draft, scheduled (it publishes itself at `publish_at`), published, or archived.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from esit.reference.models import District, VolunteerArea


class AnnouncementQuerySet(models.QuerySet["Announcement"]):
    def published(self) -> "AnnouncementQuerySet":
        return self.filter(status=Announcement.Status.PUBLISHED)

    def public(self) -> "AnnouncementQuerySet":
        return self.published().filter(audience=Announcement.Audience.PUBLIC)

    def pinned_first(self) -> "AnnouncementQuerySet":
        return self.order_by("-pinned", "-published_at", "-id")


class Announcement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        SCHEDULED = "scheduled", _("Zamanlandı")
        PUBLISHED = "published", _("Yayında")
        ARCHIVED = "archived", _("Arşivlendi")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Herkese açık (site ve akış)")
        VOLUNTEERS = "volunteers", _("Tüm gönüllüler")
        AREAS = "areas", _("Seçilen alanların ve/veya ilçelerin gönüllüleri")
        ACTIVITY = "activity", _("Bir etkinliğin gönüllüleri")

    title_tr = models.CharField(_("başlık (Türkçe)"), max_length=200)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=200, blank=True)
    body_tr = models.TextField(_("metin (Türkçe)"), max_length=20000)
    body_en = models.TextField(_("metin (İngilizce)"), max_length=20000, blank=True)
    cover = models.FileField(_("kapak görseli"), upload_to="announcements/covers/", blank=True)
    cover_alt_tr = models.CharField(
        _("kapak görseli açıklaması (Türkçe)"), max_length=300, blank=True
    )
    cover_alt_en = models.CharField(
        _("kapak görseli açıklaması (İngilizce)"), max_length=300, blank=True
    )
    audience = models.CharField(_("kime"), max_length=12, choices=Audience, default=Audience.PUBLIC)
    areas = models.ManyToManyField(
        VolunteerArea, related_name="announcements", blank=True, verbose_name=_("alanlar")
    )
    districts = models.ManyToManyField(
        District, related_name="announcements", blank=True, verbose_name=_("ilçeler")
    )
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
        verbose_name=_("etkinlik"),
    )
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(_("yayın zamanı"), null=True, blank=True)
    published_at = models.DateTimeField(_("yayımlanma"), null=True, blank=True)
    pinned = models.BooleanField(_("başa sabitlendi"), default=False)
    # Set once every recipient has a queued delivery; the sweep finishes a fan-out a crash
    # interrupted (services.deliver_announcement is safe to run again).
    deliveries_queued_at = models.DateTimeField(null=True, blank=True)
    # Both titles folded the Turkish way (esit.core.turkish.search_key), kept by the services.
    search_text = models.CharField(max_length=420, db_index=True, editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("duyuru")
        verbose_name_plural = _("duyurular")
        permissions = [("publish_announcements", _("Duyuru yazabilir ve yayımlayabilir"))]
        ordering = ["-pinned", "-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "audience", "published_at"], name="announcement_public"),
            models.Index(fields=["status", "publish_at"], name="announcement_scheduled"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(publish_at__isnull=False),
                name="announcement_scheduled_has_time",
            ),
            models.CheckConstraint(
                condition=Q(cover="") | ~Q(cover_alt_tr=""),
                name="announcement_cover_has_alt_text",
            ),
        ]

    def __str__(self):
        return self.title

    def _localised(self, name: str) -> str:
        english = getattr(self, f"{name}_en")
        return english if get_language() == "en" and english else getattr(self, f"{name}_tr")

    @property
    def title(self) -> str:
        return self._localised("title")

    @property
    def body(self) -> str:
        return self._localised("body")

    @property
    def cover_alt(self) -> str:
        return self._localised("cover_alt")

    @property
    def is_for_volunteers(self) -> bool:
        return self.audience != self.Audience.PUBLIC

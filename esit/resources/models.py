"""The resource library (docs/resources.md): guides, documents and links for the network.

A `Resource` is a file or a link, for everyone or for volunteers only, proposed by staff
(published at once) or by a volunteer (published after a coordinator's review). It is
reportable content (`Moderated`): hidden resources disappear for everyone but moderators.
Files are kept by Django's default storage under a random name; the name the uploader gave
is kept apart, for the download's `Content-Disposition`.
"""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core.turkish import search_key
from esit.moderation.models import Moderated, ModeratedQuerySet
from esit.reference.models import VolunteerArea

TITLE_MAX = 200
DESCRIPTION_MAX = 5000
TAG_MAX = 40
TAGS_MAX = 8


def random_file_name(instance: "Resource", filename: str) -> str:
    """A name nobody can guess or choose: the original name is never a path on the disk."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"resources/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}{suffix}"


class Tag(models.Model):
    name = models.CharField(_("etiket adı"), max_length=TAG_MAX)
    slug = models.SlugField(_("kısa ad"), max_length=TAG_MAX + 10, unique=True, allow_unicode=False)

    class Meta:
        verbose_name = _("etiket")
        verbose_name_plural = _("etiketler")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ResourceQuerySet(ModeratedQuerySet):
    def published(self):
        return self.filter(status=Resource.Status.PUBLISHED)


class Resource(Moderated):
    class Kind(models.TextChoices):
        FILE = "file", _("Dosya")
        LINK = "link", _("Bağlantı")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Herkes")
        VOLUNTEERS = "volunteers", _("Yalnızca gönüllüler")

    class Status(models.TextChoices):
        PENDING = "pending", _("İnceleme bekliyor")
        PUBLISHED = "published", _("Yayında")
        REJECTED = "rejected", _("Reddedildi")
        ARCHIVED = "archived", _("Arşivlendi")

    title = models.CharField(_("başlık"), max_length=TITLE_MAX)
    description = models.TextField(_("açıklama"), max_length=DESCRIPTION_MAX, blank=True)
    kind = models.CharField(_("tür"), max_length=10, choices=Kind.choices)
    url = models.URLField(_("bağlantı"), max_length=500, blank=True)
    file = models.FileField(_("dosya"), upload_to=random_file_name, max_length=200, blank=True)
    file_name = models.CharField(_("dosyanın adı"), max_length=200, blank=True)
    file_type = models.CharField(_("dosya türü"), max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(_("dosya boyutu"), default=0)
    areas = models.ManyToManyField(
        VolunteerArea, blank=True, related_name="resources", verbose_name=_("alanlar")
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="resources", verbose_name=_("etiketler")
    )
    audience = models.CharField(
        _("kimler görür"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("ret nedeni"), max_length=1000, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        verbose_name=_("ekleyen"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("inceleyen"),
    )
    reviewed_at = models.DateTimeField(_("incelendiği an"), null=True, blank=True)
    created_at = models.DateTimeField(_("eklendiği an"), default=timezone.now)
    published_at = models.DateTimeField(_("yayımlandığı an"), null=True, blank=True)
    # Title and tags folded (esit.core.turkish.search_key), for esit.core.search.matching.
    search_text = models.TextField(editable=False, blank=True)

    # Moderated declares `objects` (its `visible()`); this manager adds `published()` to it.
    objects = ResourceQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("kaynak")
        verbose_name_plural = _("kaynaklar")
        ordering = ["-published_at", "-created_at", "-pk"]
        permissions = [("manage_resources", "Review and manage the resource library")]
        indexes = [models.Index(fields=["status", "audience", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="file") & ~models.Q(file=""))
                | (models.Q(kind="link") & ~models.Q(url="")),
                name="resource_has_its_file_or_link",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", kwargs={"pk": self.pk})

    @property
    def extension(self) -> str:
        return PurePath(self.file_name or "").suffix.lower()

    def refresh_search_text(self, tag_names: list[str]) -> None:
        self.search_text = search_key(self.title, *tag_names)

"""The lists the programme runs on: districts, volunteer areas, languages.

İzmir's lists are loaded by a data migration (docs/product.md, "Reference data"); staff may add
more, and another city can replace them, so nothing refers to an entry by
anything but its database row.
"""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from esit.core.turkish import sort_key


class BilingualName(models.Model):
    name_tr = models.CharField(_("ad (Türkçe)"), max_length=120)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=120, blank=True)
    is_active = models.BooleanField(_("etkin"), default=True)
    position = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        abstract = True
        # The database's order, close to the shown one; lists shown to people go through
        # sorted_by_name() (the form fields in reference/forms.py do) for the Turkish order.
        ordering = ["position", "name_tr"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_tr


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class District(BilingualName):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("İlçe")
        OUTSIDE = "outside", _("İzmir dışı")
        ONLINE = "online", _("Yalnızca çevrim içi")

    slug = models.SlugField(unique=True)
    kind = models.CharField(_("tür"), max_length=10, choices=Kind, default=Kind.DISTRICT)

    objects = ActiveQuerySet.as_manager()

    class Meta(BilingualName.Meta):
        verbose_name = _("ilçe")
        verbose_name_plural = _("ilçeler")


class VolunteerArea(BilingualName):
    slug = models.SlugField(unique=True)

    objects = ActiveQuerySet.as_manager()

    class Meta(BilingualName.Meta):
        verbose_name = _("gönüllülük alanı")
        verbose_name_plural = _("gönüllülük alanları")


class Language(BilingualName):
    code = models.CharField(_("kod"), max_length=16, unique=True)

    objects = ActiveQuerySet.as_manager()

    class Meta(BilingualName.Meta):
        verbose_name = _("dil")
        verbose_name_plural = _("diller")


class LanguageLevel(models.TextChoices):
    BASIC = "basic", pgettext_lazy("language level", "Başlangıç")
    INTERMEDIATE = "intermediate", _("Orta")
    FLUENT = "fluent", _("İleri")
    NATIVE = "native", _("Ana dil")


def sorted_by_name(items, *, by: str | None = None) -> list:
    """Reference rows in the order every list shows them: `position` first (so staff can
    keep "outside İzmir" and "online only" last), then the shown name in Turkish
    alphabetical order (Bayındır before Bayraklı, Çeşme after Buca), which no database
    collation here gets right.

    `by` names the attribute holding the reference row, for rows that point at one
    (an application's languages: `by="language"`).
    """

    def key(item):
        row = getattr(item, by) if by else item
        return (row.position, sort_key(row.name))

    return sorted(items, key=key)


class PlanArea(BilingualName):
    """An area of the local equality action plan the municipality reports in.

    İzmir's default list (migration 0003) is the frame of İzmir Büyükşehir Belediyesi's
    Yerel Eşitlik Eylem Planı (YEEP) 2025–2027; staff edit it in the admin when the plan
    is revised, or replace it with another city's (docs/reports.md, "Equality plan tags").
    """

    slug = models.SlugField(unique=True)
    code = models.CharField(_("kod"), max_length=12, blank=True)

    objects = ActiveQuerySet.as_manager()

    class Meta(BilingualName.Meta):
        verbose_name = _("eşitlik planı alanı")
        verbose_name_plural = _("eşitlik planı alanları")


class PlanGoal(BilingualName):
    """A goal inside a plan area: what an activity is tagged with."""

    area = models.ForeignKey(
        PlanArea, on_delete=models.PROTECT, related_name="goals", verbose_name=_("plan alanı")
    )
    slug = models.SlugField(unique=True)
    code = models.CharField(_("kod"), max_length=12, blank=True)

    objects = ActiveQuerySet.as_manager()

    class Meta(BilingualName.Meta):
        verbose_name = _("eşitlik planı hedefi")
        verbose_name_plural = _("eşitlik planı hedefleri")
        ordering = ["area__position", "position", "name_tr"]

    @property
    def label(self) -> str:
        """The goal with its code and area, as a checkbox shows it."""
        prefix = f"{self.code} " if self.code else ""
        return f"{prefix}{self.name}"

"""The solidarity network's ideas and proposals (docs/community.md).

An `Idea` is a volunteer's proposal; others `Support` it (one each, the database refuses a
second) and discuss it in `Comment`s with one level of replies. Staff move it through its
statuses (each move a `StatusChange`, the idea's public history); an accepted idea becomes an
activity, the network's concrete step. A `Member` row holds the nickname a person chose to
appear under; without one she appears as her first name and the initial of her last name.

Ideas and comments inherit `Moderated`: hidden content disappears for volunteers at once.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.moderation.models import Moderated
from esit.reference.models import District, PlanGoal, VolunteerArea

TITLE_MAX = 150
BODY_MAX = 10_000
COMMENT_MAX = 2_000
NICKNAME_MAX = 40
REASON_MAX = 1_000


def display_name(user) -> str:
    """How the network names a person to others: her nickname, or her first name and the
    initial of her last name. Never her e-mail address or phone. None: an erased author."""
    if user is None:
        return str(_("eski gönüllü"))
    member = getattr(user, "community_member", None)
    if member is not None and member.nickname:
        return member.nickname
    volunteer = getattr(user, "volunteer", None)
    first, last = (
        (volunteer.first_name, volunteer.last_name)
        if volunteer is not None
        else (user.first_name, user.last_name)
    )
    first, last = first.strip(), last.strip()
    if not first:
        return str(_("Gönüllü"))
    return f"{first} {last[0]}." if last else first


class Member(models.Model):
    """A person's choices on the network: today the nickname she appears under."""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_member",
        verbose_name=_("hesap"),
    )
    nickname = models.CharField(_("takma ad"), max_length=NICKNAME_MAX, blank=True)
    # The nickname folded the Turkish way (esit/community/nicknames.py), set with it by
    # services.set_nickname: unique among those who chose one.
    # A text, not a CharField: compatibility forms may fold longer than they are ("ﬁ", "㎞").
    nickname_key = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("ağ üyesi")
        verbose_name_plural = _("ağ üyeleri")
        constraints = [
            models.UniqueConstraint(
                fields=["nickname_key"],
                condition=~models.Q(nickname_key=""),
                name="member_nickname_unique",
            )
        ]

    def __str__(self) -> str:
        return self.nickname or str(self.account_id)


class Idea(Moderated):
    class Status(models.TextChoices):
        NEW = "new", _("Yeni")
        UNDER_REVIEW = "under_review", _("İnceleniyor")
        ACCEPTED = "accepted", _("Kabul edildi")
        IN_PROGRESS = "in_progress", _("Hayata geçiriliyor")
        DONE = "done", _("Gerçekleşti")
        DECLINED = "declined", _("Uygun bulunmadı")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("yazan"),
    )
    title = models.CharField(_("başlık"), max_length=TITLE_MAX)
    body = models.TextField(_("açıklama"), max_length=BODY_MAX)
    area = models.ForeignKey(
        VolunteerArea, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("alan")
    )
    district = models.ForeignKey(
        District,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ideas",
        verbose_name=_("ilçe"),
    )
    plan_goals = models.ManyToManyField(
        PlanGoal, related_name="ideas", blank=True, verbose_name=_("eşitlik planı hedefleri")
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status, default=Status.NEW, db_index=True
    )
    # Why staff declined it, shown to everyone who can read the idea.
    status_reason = models.TextField(_("gerekçe"), max_length=REASON_MAX, blank=True)
    activity = models.OneToOneField(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea",
        verbose_name=_("etkinlik"),
    )
    # Kept by the services (F() expressions in the transaction of the change), for sorting.
    support_count = models.PositiveIntegerField(_("destek sayısı"), default=0)
    comment_count = models.PositiveIntegerField(_("yorum sayısı"), default=0)
    last_activity_at = models.DateTimeField(_("son hareket"), default=timezone.now)
    # Title and body folded the Turkish way (esit.core.turkish.search_key), kept by the services.
    search_text = models.CharField(max_length=420, editable=False, blank=True)
    created_at = models.DateTimeField(_("yazıldığı an"), default=timezone.now)
    updated_at = models.DateTimeField(_("değiştiği an"), auto_now=True)

    class Meta:
        verbose_name = _("fikir")
        verbose_name_plural = _("fikirler")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_ideas", _("Fikirlerin durumunu değiştirebilir, etkinliğe dönüştürebilir"))
        ]
        indexes = [
            models.Index(fields=["-support_count", "-id"], name="idea_most_supported"),
            models.Index(fields=["-last_activity_at", "-id"], name="idea_recently_active"),
            models.Index(fields=["-created_at", "-id"], name="idea_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:detail", kwargs={"pk": self.pk})

    @property
    def author_name(self) -> str:
        return display_name(self.author)


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idea_supports",
        verbose_name=_("destekleyen"),
    )
    created_at = models.DateTimeField(_("desteklediği an"), default=timezone.now)

    class Meta:
        verbose_name = _("destek")
        verbose_name_plural = _("destekler")
        constraints = [
            models.UniqueConstraint(fields=["idea", "account"], name="one_support_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.account_id} → {self.idea_id}"


class Comment(Moderated):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea_comments",
        verbose_name=_("yazan"),
    )
    # One level of replies: a reply's parent is always a comment without a parent.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("yorum"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(_("yazıldığı an"), default=timezone.now)
    edited_at = models.DateTimeField(_("düzenlendiği an"), null=True, blank=True)
    # A deleted comment with replies stays in place as "deleted", without its text.
    deleted_at = models.DateTimeField(_("silindiği an"), null=True, blank=True)

    class Meta:
        verbose_name = _("yorum")
        verbose_name_plural = _("yorumlar")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_idea_time")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.idea.get_absolute_url()}#comment-{self.pk}"

    @property
    def author_name(self) -> str:
        return display_name(self.author)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class StatusChange(models.Model):
    """One move of an idea's status: its public history and what the e-mail announces."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("önceki durum"), max_length=12, choices=Idea.Status)
    to_status = models.CharField(_("yeni durum"), max_length=12, choices=Idea.Status)
    reason = models.TextField(_("gerekçe"), max_length=REASON_MAX, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("değiştiren"),
    )
    changed_at = models.DateTimeField(_("değiştiği an"), default=timezone.now)

    class Meta:
        verbose_name = _("fikir durum değişikliği")
        verbose_name_plural = _("fikir durum değişiklikleri")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.from_status} → {self.to_status}"

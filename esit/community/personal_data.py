"""What the network holds about people, for the personal-data registry (docs/community.md).

Her ideas, comments and supports are hers: the export lists them all. On erasure her ideas
and comments lose their author (shown as "former volunteer") and her comments' text is
replaced by "deleted", because the discussion others built around them stays readable; an
idea's text stays, as staff decided on it and an activity may have come of it (its text is
about the proposal, not about her). Her supports are deleted (the counts follow) and her
nickname goes with her `Member` row. Status changes name only the staff member who decided.
"""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject

from .models import Comment, Idea, Member, StatusChange, Support
from .versions import bump_ideas


def _none(model):
    return model.objects.none()


def ideas(subject: DataSubject):
    return _none(Idea) if subject.user is None else Idea.objects.filter(author=subject.user)


def comments(subject: DataSubject):
    return _none(Comment) if subject.user is None else Comment.objects.filter(author=subject.user)


def supports(subject: DataSubject):
    return _none(Support) if subject.user is None else Support.objects.filter(account=subject.user)


def members(subject: DataSubject):
    return _none(Member) if subject.user is None else Member.objects.filter(account=subject.user)


def status_changes(subject: DataSubject):
    if subject.user is None:
        return _none(StatusChange)
    return StatusChange.objects.filter(changed_by=subject.user)


def _anonymise_comments(subject: DataSubject) -> int:
    changed = comments(subject).update(
        author=None, body=str(_("silindi")), deleted_at=timezone.now(), edited_at=None
    )
    bump_ideas()  # an update() sends no signal: the list's counts of comments change
    return changed


def _anonymise_ideas(subject: DataSubject) -> int:
    changed = ideas(subject).update(author=None)
    bump_ideas()  # the cards name her no more
    return changed


def _anonymise_supports(subject: DataSubject) -> int:
    deleted = 0
    for support in supports(subject):
        Idea.objects.filter(pk=support.idea_id).update(support_count=F("support_count") - 1)
        support.delete()
        deleted += 1
    return deleted


MODERATION_FIELDS = {"hidden_at", "hidden_because"}
IDEA_NOT_PERSONAL = {
    "status", "status_reason", "support_count", "comment_count", "last_activity_at",
    "search_text", "updated_at", *MODERATION_FIELDS,
}  # fmt: skip


def register() -> None:
    registry.register(
        Member,
        # The key is the nickname folded (esit/community/nicknames.py): the same data.
        fields={"nickname": Category.IDENTITY, "nickname_key": Category.IDENTITY},
        rows=members,
        export=lambda subject: registry.sections_from(
            members(subject), title=lambda row: _("Ağda görünen adınız"), fields=["nickname"]
        ),
        anonymise=lambda subject: members(subject).delete()[0],
    )
    registry.register(
        Idea,
        fields={
            "title": Category.ACTIVITY,
            "body": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
        },
        not_personal=IDEA_NOT_PERSONAL,
        rows=ideas,
        export=lambda subject: registry.sections_from(
            ideas(subject).select_related("area", "district"),
            title=lambda row: _("Yazdığınız fikir"),
            fields=["title", "body", "area", "district", "status", "created_at"],
        ),
        anonymise=_anonymise_ideas,
    )
    registry.register(
        Comment,
        fields={
            "body": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
            "edited_at": Category.ACTIVITY,
            "deleted_at": Category.ACTIVITY,
        },
        not_personal=MODERATION_FIELDS,
        rows=comments,
        export=lambda subject: registry.sections_from(
            comments(subject).select_related("idea"),
            title=lambda row: _("Yazdığınız yorum"),
            fields=["idea", "body", "created_at", "edited_at", "deleted_at"],
        ),
        anonymise=_anonymise_comments,
    )
    registry.register(
        Support,
        fields={"created_at": Category.ACTIVITY},
        rows=supports,
        export=lambda subject: registry.sections_from(
            supports(subject).select_related("idea"),
            title=lambda row: _("Desteklediğiniz fikir"),
            fields=["idea", "created_at"],
        ),
        anonymise=_anonymise_supports,
    )
    registry.register(
        StatusChange,
        fields={"changed_at": Category.ACTIVITY},
        not_personal={"from_status", "to_status", "reason"},
        rows=status_changes,
        export=lambda subject: registry.sections_from(
            status_changes(subject).select_related("idea"),
            title=lambda row: _("Değiştirdiğiniz fikir durumu"),
            fields=["idea", "from_status", "to_status", "changed_at"],
        ),
        anonymise=lambda subject: status_changes(subject).update(changed_by=None),
    )

"""Reading the network: lists, an idea's page, staff's ideas in scope, the public record.

Volunteers read only what is visible (`Moderated.visible()`); staff who moderate
(`moderation.moderate_content`) and passed the staff second factor also read hidden content,
marked "hidden" on the page: the view says so with `with_hidden=permissions.sees_hidden(request)`
(a selector sees no request). Counts shown to readers count visible comments only. Staff
who manage ideas act on those of their scope: an idea is in a coordinator's scope by its area
and its district (accounts/scope.py); an idea without a district is outside a district scope.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from esit.accounts.models import User
from esit.accounts.scope import scope_of
from esit.activities.models import Activity, HoursEntry, Shift
from esit.core.disclosure import suppressed
from esit.core.search import matching
from esit.volunteers import selectors as volunteers

from .models import Comment, Idea, Member, StatusChange, Support

MANAGE = "community.manage_ideas"
MODERATE = "moderation.moderate_content"

SORTS = {
    "newest": ("-created_at", "-pk"),
    "supported": ("-support_count", "-pk"),
    "active": ("-last_activity_at", "-pk"),
}
DEFAULT_SORT = "newest"


def sees_hidden(user: User, *, with_hidden: bool = False) -> bool:
    """Hidden content is shown only when the view vouches the request passed the staff second
    factor (`with_hidden`) and the reader holds the moderators' capability."""
    return bool(with_hidden and user.is_authenticated and user.has_perm(MODERATE))


def visible_comments() -> QuerySet[Comment]:
    """The comments a volunteer reads: not hidden, not deleted, not under a hidden comment."""
    shown: QuerySet[Comment] = Comment.objects.visible()
    return shown.filter(deleted_at__isnull=True).filter(
        Q(parent__isnull=True) | Q(parent__hidden_at__isnull=True)
    )


def _with_authors(queryset: QuerySet[Idea]) -> QuerySet[Idea]:
    """With the authors the page names and `shown_comment_count`, the comments volunteers can
    read (the stored comment_count also counts hidden ones), in the same query."""
    shown = (
        visible_comments()
        .filter(idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return queryset.select_related(
        "author__community_member", "author__volunteer", "area", "district"
    ).annotate(
        shown_comment_count=Coalesce(
            Subquery(shown, output_field=IntegerField()), Value(0), output_field=IntegerField()
        )
    )


def readable_ideas(*, user: User, with_hidden: bool = False) -> QuerySet[Idea]:
    """The ideas this reader may open: visible ones, and hidden ones for moderators who passed
    the second factor."""
    ideas = Idea.objects.all()
    return ideas if sees_hidden(user, with_hidden=with_hidden) else ideas.visible()


def may_read_idea(*, idea: Idea, user: User) -> bool:
    """Moderation's `visible_to` for ideas (the report page): the ideas pages' rule, a person
    of the programme (volunteers.selectors.in_programme) and an idea that is not hidden."""
    return volunteers.in_programme(user=user) and not idea.is_hidden


def may_read_comment(*, comment: Comment, user: User) -> bool:
    """Moderation's `visible_to` for comments: she may read its idea, and neither the comment,
    nor the comment it answers, is hidden (or deleted): what the idea's page shows her."""
    if comment.is_hidden or comment.is_deleted:
        return False
    if comment.parent_id is not None and comment.parent is not None and comment.parent.is_hidden:
        return False
    return may_read_idea(idea=comment.idea, user=user)


# What a card of the list never shows: an idea's text (up to 10,000 characters) and search
# key, and of its author only the names are read, not her account's password or her
# volunteer record's encrypted phone and birth date (two decryptions a card).
LIST_DEFERRED = (
    "body",
    "search_text",
    "author__password",
    *volunteers.not_listed("author__volunteer__"),
)


def idea_list(*, user: User, sort: str = DEFAULT_SORT, with_hidden: bool = False) -> QuerySet[Idea]:
    """The /ideas/ list, sorted newest, most supported or recently active; the filters
    (idea_filters.IdeaFilter) narrow it."""
    order = SORTS.get(sort, SORTS[DEFAULT_SORT])
    ideas = _with_authors(readable_ideas(user=user, with_hidden=with_hidden))
    return ideas.defer(*LIST_DEFERRED).order_by(*order)


def search(queryset: QuerySet[Idea], text: str) -> QuerySet[Idea]:
    """Turkish search over the folded title and body, through the one search module."""
    return matching(queryset, text)


def idea_page(*, pk: int, user: User, with_hidden: bool = False) -> Idea:
    """One idea with what its page shows; DoesNotExist when this reader may not open it."""
    return (
        _with_authors(readable_ideas(user=user, with_hidden=with_hidden))
        .select_related("activity__district")
        .prefetch_related(
            "plan_goals",
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.order_by("changed_at", "pk"),
            ),
        )
        .get(pk=pk)
    )


def comments_of(*, idea: Idea, user: User, with_hidden: bool = False) -> list[Comment]:
    """The idea's discussion: comments in order, each with its replies prefetched. Hidden
    comments (and their replies) are left out for volunteers."""
    visible = (
        Comment.objects.all()
        if sees_hidden(user, with_hidden=with_hidden)
        else Comment.objects.visible()
    )
    authors = ("author__community_member", "author__volunteer")
    replies = visible.select_related(*authors).order_by("created_at", "pk")
    return list(
        visible.filter(idea=idea, parent__isnull=True)
        .select_related(*authors)
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def has_supported(*, idea: Idea, user: User) -> bool:
    return Support.objects.filter(idea=idea, account=user).exists()


def supported_ids(*, user: User, idea_ids: list[int]) -> set[int]:
    """Which ideas of a page this reader supports, in one query."""
    return set(
        Support.objects.filter(account=user, idea_id__in=idea_ids).values_list("idea_id", flat=True)
    )


def people_following(*, idea: Idea) -> list[User]:
    """Who hears of an idea's status: its author and its supporters (active accounts)."""
    supporters = Support.objects.filter(idea=idea).values("account_id")
    return list(
        User.objects.filter(Q(pk=idea.author_id) | Q(pk__in=supporters), is_active=True).order_by(
            "pk"
        )
    )


def member_of(*, user: User) -> Member | None:
    return Member.objects.filter(account=user).first()


def own_ideas(*, user: User) -> list[Idea]:
    """Her ideas, for the /me/ panel: the latest ten, hidden ones too (they are hers)."""
    return list(Idea.objects.filter(author=user).order_by("-created_at", "-pk")[:10])


# Staff ---------------------------------------------------------------------


def managed_ideas(*, user: User) -> QuerySet[Idea]:
    """The ideas of this staff member's scope, hidden ones included: what the reports count
    (figures, not texts). What she opens and decides on is `staff_ideas`."""
    return scope_of(user).filter(Idea.objects.all(), areas="area", district="district")


def staff_ideas(*, user: User) -> QuerySet[Idea]:
    """The ideas this staff member may open and decide on (/staff/ideas/): those of her scope;
    hidden ones only for moderators (marked hidden on the list), since a coordinator who does
    not moderate must not read what reports hid. Every /staff/ page passed the staff gate
    (second factor) already."""
    ideas = managed_ideas(user=user)
    return ideas if user.has_perm(MODERATE) else ideas.filter(hidden_at__isnull=True)


def staff_list(*, user: User) -> QuerySet[Idea]:
    return _with_authors(staff_ideas(user=user)).order_by("-created_at", "-pk")


def may_manage(*, user: User, idea: Idea) -> bool:
    if not user.has_perm(MANAGE):
        return False
    return scope_of(user).allows(area_ids=[idea.area_id], district_id=idea.district_id)


# The activity an idea became -------------------------------------------------


@dataclass(frozen=True)
class Progress:
    shifts: int
    shifts_done: int
    approved_hours: Decimal


def progress_of(activity: Activity) -> Progress:
    """How far the idea's activity has come: its shifts held so far and the hours approved."""
    now = timezone.now()
    shifts = Shift.objects.filter(activity=activity)
    hours = HoursEntry.objects.filter(
        activity=activity, status=HoursEntry.Status.APPROVED
    ).aggregate(total=Sum("hours"))["total"]
    return Progress(
        shifts=shifts.count(),
        shifts_done=shifts.filter(ends_at__lte=now).count(),
        approved_hours=hours or Decimal(0),
    )


def done_ideas() -> QuerySet[Idea]:
    """The public record (/ideas/done/): visible ideas whose activity has happened (completed,
    or published with a shift already over), with the hours approved for that activity,
    counted by the database in the same query (a subquery per activity, no query per idea),
    with how many volunteers gave them (`public_hours` hides a sum fewer than 5 gave)."""
    now = timezone.now()
    past_shift = Shift.objects.filter(activity=OuterRef("activity"), ends_at__lte=now)
    approved = (
        HoursEntry.objects.filter(activity=OuterRef("activity"), status=HoursEntry.Status.APPROVED)
        .order_by()
        .values("activity")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    people = (
        HoursEntry.objects.filter(activity=OuterRef("activity"), status=HoursEntry.Status.APPROVED)
        .order_by()
        .values("activity")
        .annotate(total=Count("volunteer", distinct=True))
        .values("total")
    )
    decimal = DecimalField(max_digits=12, decimal_places=2)
    visible: QuerySet[Idea] = Idea.objects.visible()
    return (
        visible.filter(activity__isnull=False)
        .filter(
            Q(activity__status=Activity.Status.COMPLETED)
            | Q(Exists(past_shift), activity__status=Activity.Status.PUBLISHED)
        )
        .select_related("activity__district", "district", "area")
        .annotate(
            approved_hours=Coalesce(
                Subquery(approved, output_field=decimal), Value(Decimal(0)), output_field=decimal
            ),
            hours_people=Coalesce(
                Subquery(people, output_field=IntegerField()),
                Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("-activity__starts_at", "-pk")
    )


def public_hours(idea: Idea) -> Decimal | None:
    """The hours a done idea's page shows everyone: None (shown as "—") when fewer than
    MIN_CELL volunteers gave them, since the sum would tell what one or two people did
    (esit.core.disclosure, the reports' rule)."""
    return suppressed(idea.approved_hours, people=idea.hours_people)  # type: ignore[attr-defined]

"""What the safety channel's pages read."""

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from esit.accounts.models import User

from .models import CONCERN_TEXTS, Concern, ConcernEntry

LIST_MAX = 200


def own_concerns(*, user: User) -> QuerySet[Concern]:
    """The concerns she raised, newest first, with the replies she was sent (never the
    handlers' notes)."""
    return Concern.objects.filter(raised_by=user).prefetch_related(
        Prefetch(
            "entries",
            queryset=ConcernEntry.objects.filter(kind=ConcernEntry.Kind.REPLY),
            to_attr="replies",
        )
    )


def concern_list(*, handler: User, status: str = "") -> QuerySet[Concern]:
    """The handlers' list: open concerns first, the longest waiting on top, then closed ones;
    filtered by status. It reads no text (the list is not a reading: opening one is).

    Not the concerns this handler raised herself: she may not handle her own (she reads it
    on /me/safety/, like any volunteer); another handler does."""
    closed_last = Case(
        When(status=Concern.Status.CLOSED, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    queryset = Concern.objects.defer(*CONCERN_TEXTS).annotate(
        reply_count=Count("entries", filter=Q(entries__kind=ConcernEntry.Kind.REPLY)),
        note_count=Count("entries", filter=Q(entries__kind=ConcernEntry.Kind.NOTE)),
    )
    queryset = queryset.exclude(raised_by=handler)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by(closed_last, "raised_at", "pk")


def concern_for_handler(*, pk: int, handler: User) -> Concern:
    """One concern with its whole handling record, for a handler's page; never one she
    raised herself (Concern.DoesNotExist, as for a concern that is not there)."""
    return (
        Concern.objects.exclude(raised_by=handler)
        .select_related("raised_by")
        .prefetch_related(
            Prefetch("entries", queryset=ConcernEntry.objects.select_related("written_by"))
        )
        .get(pk=pk)
    )

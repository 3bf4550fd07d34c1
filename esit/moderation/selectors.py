"""What moderators read: the queue of reported content, one row per piece of content.

Content of every registered kind is read here through the registry, never by importing the
apps that own it. The queue is small by nature (content with open reports, content hidden
by reports), so it is grouped in two queries over the open reports and one per kind of
content on the page.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from esit.accounts.models import User

from . import registry
from .models import Moderated, ModerationDecision, PostingSuspension, Report


def display_name(user: User | None) -> str:
    """How a person appears to others in the network: first name and the initial of the
    last name, never the e-mail address (volunteers' contact details stay private)."""
    if user is None:
        return _("Silinmiş hesap")
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    if not first and not last:
        return _("Adsız kişi")
    return f"{first} {last[:1]}.".strip() if last else first


@dataclass
class QueueItem:
    kind: registry.ContentKind
    content: Moderated
    title: str
    url: str
    author: str
    reporters: int = 0
    reasons: list[str] = field(default_factory=list)
    last_reported_at: datetime.datetime | None = None

    @property
    def is_hidden(self) -> bool:
        return self.content.is_hidden

    @property
    def hidden_by_reports(self) -> bool:
        return self.content.hidden_because == Moderated.HiddenBecause.REPORTS


def _kinds(kind: str | None) -> list[registry.ContentKind]:
    if kind:
        try:
            return [registry.get(kind)]
        except LookupError:
            return []
    return registry.all_kinds()


def _contents(kind: registry.ContentKind, ids: set[int]) -> dict[int, Moderated]:
    rows = kind.model.objects.filter(pk__in=ids)
    if kind.select_related:
        rows = rows.select_related(*kind.select_related)
    return {row.pk: row for row in rows}


def _item(kind: registry.ContentKind, content: Moderated) -> QueueItem:
    return QueueItem(
        kind=kind,
        content=content,
        title=kind.title(content),
        url=kind.url(content),
        author=display_name(kind.author(content)),
    )


def _open_reports(
    kinds: list[registry.ContentKind],
) -> tuple[QuerySet[Report], dict[int, registry.ContentKind]]:
    by_type = {ContentType.objects.get_for_model(kind.model).pk: kind for kind in kinds}
    return (
        Report.objects.filter(resolved_at__isnull=True, content_type_id__in=list(by_type)),
        by_type,
    )


def _with_reports(items: dict[tuple[int, int], QueueItem], open_reports: QuerySet[Report]) -> None:
    for row in open_reports.values("content_type_id", "object_id").annotate(
        reporters=Count("reporter", distinct=True), last=Max("created_at")
    ):
        item = items.get((row["content_type_id"], row["object_id"]))
        if item is not None:
            item.reporters, item.last_reported_at = row["reporters"], row["last"]
    for reason_row in (
        open_reports.values("content_type_id", "object_id", "reason").distinct().order_by("reason")
    ):
        item = items.get((reason_row["content_type_id"], reason_row["object_id"]))
        if item is not None:
            item.reasons.append(str(Report.Reason(reason_row["reason"]).label))


def reported_content(
    *, kind: str | None = None, hidden: bool | None = None, reason: str | None = None
) -> list[QueueItem]:
    """Content with open reports, the most recently reported first; filtered by kind, by
    hidden or visible, and by a reason at least one open report gives."""
    kinds = _kinds(kind)
    open_reports, by_type = _open_reports(kinds)
    wanted = open_reports
    if reason:
        wanted = wanted.filter(reason=reason)
    pairs = set(wanted.values_list("content_type_id", "object_id"))
    items: dict[tuple[int, int], QueueItem] = {}
    for type_id, content_kind in by_type.items():
        ids = {object_id for pair_type, object_id in pairs if pair_type == type_id}
        for pk, content in _contents(content_kind, ids).items() if ids else []:
            if hidden is None or content.is_hidden == hidden:
                items[(type_id, pk)] = _item(content_kind, content)
    _with_reports(items, open_reports.filter(object_id__in={pk for _t, pk in items}))
    return sorted(
        items.values(),
        key=lambda item: item.last_reported_at or timezone.now(),
        reverse=True,
    )


def hidden_by_reports(*, kind: str | None = None) -> list[QueueItem]:
    """Content the reports of several people hid and no moderator has looked at yet."""
    kinds = _kinds(kind)
    open_reports, by_type = _open_reports(kinds)
    items: dict[tuple[int, int], QueueItem] = {}
    for type_id, content_kind in by_type.items():
        rows = content_kind.model.objects.filter(hidden_because=Moderated.HiddenBecause.REPORTS)
        if content_kind.select_related:
            rows = rows.select_related(*content_kind.select_related)
        for content in rows.order_by("-hidden_at")[:200]:
            items[(type_id, content.pk)] = _item(content_kind, content)
    _with_reports(items, open_reports.filter(object_id__in={pk for _t, pk in items}))
    return sorted(
        items.values(), key=lambda item: item.content.hidden_at or timezone.now(), reverse=True
    )


def content_of(kind: str, pk: int) -> tuple[registry.ContentKind, Moderated]:
    """A piece of content by its kind and id, hidden or not; LookupError if neither exists."""
    content_kind = registry.get(kind)
    rows = content_kind.model.objects.all()
    if content_kind.select_related:
        rows = rows.select_related(*content_kind.select_related)
    content = rows.filter(pk=pk).first()
    if content is None:
        raise LookupError(f"{kind} {pk}")
    return content_kind, content


def reports_about(content: Moderated) -> QuerySet[Report]:
    """Every report about this content, open ones first, with who reported (display names)."""
    return (
        Report.objects.filter(
            content_type=ContentType.objects.get_for_model(content), object_id=content.pk
        )
        .select_related("reporter")
        .order_by(F("resolved_at").desc(nulls_first=True), "-created_at")
    )


def decisions_about(content: Moderated) -> QuerySet[ModerationDecision]:
    """The moderators' hidings of this content with their notes, newest first (moderators
    read them here; the audit trail keeps only the count and the reason)."""
    return ModerationDecision.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk
    ).select_related("moderator")


def suspensions_in_force(*, at: datetime.datetime | None = None) -> QuerySet[PostingSuspension]:
    moment = at or timezone.now()
    return (
        PostingSuspension.objects.filter(until__gt=moment, lifted_at__isnull=True)
        .select_related("person", "suspended_by")
        .order_by("until")
    )

"""Reading announcements: the staff list (scoped), the public pages, a volunteer's own, the
audience of one, its delivery progress and a volunteer's weekly digest.

Scope (esit/accounts/scope.py): a coordinator limited to some areas and/or districts sees
the announcements for areas and districts inside her scope and those for the volunteers
of an activity she can see; public and programme-wide ones belong to unscoped staff
(services.check_audience says why). Every list runs a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from esit.accounts.models import User
from esit.accounts.scope import Scope, scope_of
from esit.activities.models import Activity, SignUp, TaskAssignment
from esit.notifications.models import Delivery
from esit.volunteers.models import Volunteer

from .models import Announcement

PUBLISH = "announcements.publish_announcements"
KIND = "announcements.announcement"
DIGEST_KIND = "announcements.digest"
OBJECT_TYPE = "announcements.announcement"


def activities_in_scope(scope: Scope) -> QuerySet[Activity]:
    return scope.filter(Activity.objects.all(), areas="areas", district="district")


def _inside(scope: Scope) -> Q:
    """Announcements for areas/districts that fall inside the scope, or an activity in it."""
    targeted = Q(audience=Announcement.Audience.AREAS)
    if scope.area_ids is not None:
        targeted &= Q(
            Exists(
                Announcement.areas.through.objects.filter(
                    announcement=OuterRef("pk"), volunteerarea_id__in=scope.area_ids
                )
            )
        )
    if scope.district_ids is not None:
        targeted &= Q(
            Exists(
                Announcement.districts.through.objects.filter(
                    announcement=OuterRef("pk"), district_id__in=scope.district_ids
                )
            )
        )
    activity = Q(audience=Announcement.Audience.ACTIVITY) & Q(
        Exists(activities_in_scope(scope).filter(pk=OuterRef("activity_id")))
    )
    return targeted | activity


def visible_to(user: User) -> QuerySet[Announcement]:
    """The announcements a staff member may see; every staff page about them starts here."""
    scope = scope_of(user)
    announcements = Announcement.objects.all()
    if scope.is_whole_programme:
        return announcements
    return announcements.filter(_inside(scope))


def staff_list(*, user: User) -> QuerySet[Announcement]:
    return (
        visible_to(user)
        .select_related("activity", "created_by")
        .prefetch_related("areas", "districts")
        .order_by("-updated_at", "-id")
    )


def staff_detail(pk: int, *, user: User) -> Announcement:
    """Raises Announcement.DoesNotExist, also for one outside the staff member's scope."""
    return (
        visible_to(user)
        .select_related("activity", "created_by")
        .prefetch_related("areas", "districts")
        .get(pk=pk)
    )


def public_announcements() -> QuerySet[Announcement]:
    """Published announcements for everyone, pinned first, then the newest. Without their
    activities: neither the list nor the feed names one, and the join made PostgreSQL hash
    every activity before sorting (12 ms at 1.0, against 1.5 ms without)."""
    return Announcement.objects.public().pinned_first()


def public_detail(pk: int) -> Announcement:
    return Announcement.objects.public().select_related("activity").get(pk=pk)


def meant_for(volunteer: Volunteer) -> Q:
    """The published announcements whose audience includes this volunteer."""
    # A subquery, not a list: the /me/ panel reads its announcements in one query.
    area_ids = Volunteer.areas.through.objects.filter(volunteer_id=volunteer.pk).values(
        "volunteerarea_id"
    )
    areas_match = Q(
        Exists(
            Announcement.areas.through.objects.filter(
                announcement=OuterRef("pk"), volunteerarea_id__in=area_ids
            )
        )
    ) | ~Q(Exists(Announcement.areas.through.objects.filter(announcement=OuterRef("pk"))))
    district_match = Q(
        Exists(
            Announcement.districts.through.objects.filter(
                announcement=OuterRef("pk"), district_id=volunteer.district_id
            )
        )
    ) | ~Q(Exists(Announcement.districts.through.objects.filter(announcement=OuterRef("pk"))))
    takes_part = Q(
        Exists(
            SignUp.objects.filter(
                shift__activity=OuterRef("activity_id"),
                volunteer=volunteer,
                status__in=SignUp.ACTIVE_STATUSES,
            )
        )
    ) | Q(
        Exists(
            TaskAssignment.objects.filter(
                task__activity=OuterRef("activity_id"),
                volunteer=volunteer,
                status__in=TaskAssignment.ACTIVE_STATUSES,
            )
        )
    )
    return (
        Q(audience__in=[Announcement.Audience.PUBLIC, Announcement.Audience.VOLUNTEERS])
        | (Q(audience=Announcement.Audience.AREAS) & areas_match & district_match)
        | (Q(audience=Announcement.Audience.ACTIVITY) & takes_part)
    )


ME_SHOWN = 5


def for_volunteer(volunteer: Volunteer, *, limit: int = ME_SHOWN) -> list[Announcement]:
    """What /me/ shows: the latest announcements meant for her, pinned first."""
    return list(
        Announcement.objects.published().filter(meant_for(volunteer)).pinned_first()[:limit]
    )


def audience_of(announcement: Announcement) -> QuerySet[Volunteer]:
    """The active volunteers an announcement is e-mailed to (none for a public one).

    Areas and districts combine as a coordinator's scope does: with both chosen, a
    volunteer of one of the areas who lives in one of the districts.
    """
    volunteers = Volunteer.objects.filter(status=Volunteer.Status.ACTIVE, user__is_active=True)
    audience = announcement.audience
    if audience == Announcement.Audience.VOLUNTEERS:
        return volunteers
    if audience == Announcement.Audience.AREAS:
        area_ids = [area.pk for area in announcement.areas.all()]
        district_ids = [district.pk for district in announcement.districts.all()]
        if not area_ids and not district_ids:
            return volunteers.none()
        if area_ids:
            volunteers = volunteers.filter(
                Exists(
                    Volunteer.areas.through.objects.filter(
                        volunteer=OuterRef("pk"), volunteerarea_id__in=area_ids
                    )
                )
            )
        if district_ids:
            volunteers = volunteers.filter(district_id__in=district_ids)
        return volunteers
    if audience == Announcement.Audience.ACTIVITY and announcement.activity_id:
        return volunteers.filter(
            Exists(
                SignUp.objects.filter(
                    shift__activity=announcement.activity_id,
                    volunteer=OuterRef("pk"),
                    status__in=SignUp.ACTIVE_STATUSES,
                )
            )
            | Exists(
                TaskAssignment.objects.filter(
                    task__activity=announcement.activity_id,
                    volunteer=OuterRef("pk"),
                    status__in=TaskAssignment.ACTIVE_STATUSES,
                )
            )
        )
    return volunteers.none()


@dataclass(frozen=True)
class DeliveryProgress:
    queued: int
    sent: int
    failed: int
    suppressed: int

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.failed + self.suppressed

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.suppressed

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)

    @property
    def finished(self) -> bool:
        return self.queued == 0


def deliveries_of(announcement: Announcement) -> QuerySet[Delivery]:
    return Delivery.objects.filter(
        kind=KIND, object_type=OBJECT_TYPE, object_id=str(announcement.pk)
    )


def delivery_progress(announcement: Announcement) -> DeliveryProgress:
    """Counts by status in one query; "queued" includes the ones being sent right now."""
    counted = dict(
        deliveries_of(announcement)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    status = Delivery.Status
    return DeliveryProgress(
        queued=counted.get(status.QUEUED, 0) + counted.get(status.SENDING, 0),
        sent=counted.get(status.SENT, 0),
        failed=counted.get(status.FAILED, 0),
        suppressed=counted.get(status.SUPPRESSED, 0),
    )


def due_for_publishing(*, now: datetime.datetime | None = None) -> QuerySet[Announcement]:
    now = now or timezone.now()
    return Announcement.objects.filter(
        status=Announcement.Status.SCHEDULED, publish_at__lte=now
    ).order_by("publish_at", "id")


def fan_outs_unfinished() -> QuerySet[Announcement]:
    """Published for volunteers, but a crash stopped before every delivery was queued."""
    return (
        Announcement.objects.published()
        .exclude(audience=Announcement.Audience.PUBLIC)
        .filter(deliveries_queued_at__isnull=True)
        .order_by("published_at", "id")
    )

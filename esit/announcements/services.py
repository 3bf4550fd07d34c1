"""Writing, publishing and delivering announcements.

Words: the *audience* is who an announcement is for (public, every volunteer, the
volunteers of some areas and/or districts, those taking part in one activity); the
*fan-out* queues one delivery per volunteer of the audience through the notifications
app. Only holders of `announcements.publish_announcements` act here, within their scope:
a scoped coordinator targets areas and districts inside her scope, or an activity she can
see; speaking to the public or to the whole programme is for unscoped staff, because a
coordinator of one district does not speak for the programme. Every change is audited.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.accounts.scope import scope_of
from esit.activities.models import Activity
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.core.turkish import search_key
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from esit.reference.models import District, VolunteerArea

from . import images, selectors
from .models import Announcement
from .selectors import KIND, PUBLISH

FAN_OUT_BATCH = 500


class AnnouncementError(RuleError):
    """A rule of announcements refused the change (esit/core/errors.py)."""


def _check_publisher(by: User | None) -> None:
    if by is None or not by.has_perm(PUBLISH):
        raise PermissionDenied


def check_audience(
    *,
    by: User,
    audience: str,
    areas: Iterable[VolunteerArea],
    districts: Iterable[District],
    activity: Activity | None,
) -> None:
    """Refuse an audience that is empty or outside the publisher's scope."""
    areas, districts = list(areas), list(districts)
    scope = scope_of(by)
    Audience = Announcement.Audience
    if audience not in Audience.values:
        raise AnnouncementError(_("Lütfen kime gideceğini seçin."), field="audience")
    if audience == Audience.AREAS and not areas and not districts:
        raise AnnouncementError(
            _("En az bir alan ya da ilçe seçin; boş bir hedef kimseye ulaşmaz."), field="areas"
        )
    if audience == Audience.ACTIVITY and activity is None:
        raise AnnouncementError(_("Gönüllülerine duyurulacak etkinliği seçin."), field="activity")
    if scope.is_whole_programme:
        return
    if audience in (Audience.PUBLIC, Audience.VOLUNTEERS):
        raise AnnouncementError(
            _(
                "Kapsamınız bazı alan ya da ilçelerle sınırlı: halka ya da tüm gönüllülere "
                "duyuruyu kapsamı olmayan bir koordinatör yayımlar. Kapsamınızdaki alanları ya "
                "da ilçeleri seçin."
            ),
            field="audience",
        )
    if audience == Audience.AREAS:
        if scope.area_ids is not None and (
            not areas or not {area.pk for area in areas} <= scope.area_ids
        ):
            raise AnnouncementError(
                _("Yalnızca kapsamınızdaki alanları seçebilirsiniz."), field="areas"
            )
        if scope.district_ids is not None and (
            not districts or not {district.pk for district in districts} <= scope.district_ids
        ):
            raise AnnouncementError(
                _("Yalnızca kapsamınızdaki ilçeleri seçebilirsiniz."), field="districts"
            )
    if (
        activity is not None
        and not selectors.activities_in_scope(scope).filter(pk=activity.pk).exists()
    ):
        raise AnnouncementError(_("Bu etkinlik kapsamınızın dışında."), field="activity")


def save_announcement(
    *,
    by: User,
    announcement: Announcement | None = None,
    title_tr: str,
    body_tr: str,
    title_en: str = "",
    body_en: str = "",
    audience: str = Announcement.Audience.PUBLIC,
    areas: Iterable[VolunteerArea] = (),
    districts: Iterable[District] = (),
    activity: Activity | None = None,
    pinned: bool = False,
    cover: "UploadedFile[bytes] | None" = None,
    remove_cover: bool = False,
    cover_alt_tr: str = "",
    cover_alt_en: str = "",
    request: HttpRequest | None = None,
) -> Announcement:
    """Create a draft, or change one that is not archived.

    A cover is re-encoded without its metadata (images.clean_cover) and needs a
    description for people who cannot see it. Changing a published announcement does
    not send it again (each volunteer gets it once), so its audience cannot change:
    those who were told and those who were not would no longer be the audience.
    """
    _check_publisher(by)
    areas, districts = list(areas), list(districts)
    check_audience(by=by, audience=audience, areas=areas, districts=districts, activity=activity)
    if announcement is not None and announcement.status == Announcement.Status.ARCHIVED:
        raise AnnouncementError(_("Arşivlenmiş bir duyuru değiştirilemez."))
    new_cover = None
    if cover:
        try:
            new_cover = images.clean_cover(cover)
        except images.CoverError as error:
            raise AnnouncementError(str(error), field="cover") from None
    keeps_cover = bool(new_cover) or (
        announcement is not None and announcement.cover and not remove_cover
    )
    if keeps_cover and not cover_alt_tr.strip():
        raise AnnouncementError(
            _("Görseli göremeyenler için kısa bir açıklama yazın."), field="cover_alt_tr"
        )
    with transaction.atomic():
        created = announcement is None
        if announcement is None:
            announcement = Announcement(created_by=by)
        else:
            announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
            if announcement.status == Announcement.Status.PUBLISHED and _target_of(
                announcement
            ) != _target(audience, areas, districts, activity):
                raise AnnouncementError(
                    _("Yayındaki bir duyurunun hedefi değiştirilemez; yeni bir duyuru yazın."),
                    field="audience",
                )
        announcement.title_tr = title_tr.strip()
        announcement.title_en = title_en.strip()
        announcement.body_tr = body_tr
        announcement.body_en = body_en
        announcement.audience = audience
        announcement.activity = activity
        announcement.pinned = pinned
        announcement.search_text = search_key(announcement.title_tr, announcement.title_en)
        if new_cover is not None:
            announcement.cover.save(new_cover.name or "cover", new_cover, save=False)
        elif remove_cover:
            announcement.cover = ""
        has_cover = bool(announcement.cover)
        announcement.cover_alt_tr = cover_alt_tr.strip() if has_cover else ""
        announcement.cover_alt_en = cover_alt_en.strip() if has_cover else ""
        announcement.save()
        is_targeted = audience == Announcement.Audience.AREAS
        announcement.areas.set(areas if is_targeted else [])
        announcement.districts.set(districts if is_targeted else [])
        record(
            action="announcements.created" if created else "announcements.changed",
            actor=by,
            obj=announcement,
            summary=f"{announcement.get_audience_display()}; "
            f"{len(areas)} alan, {len(districts)} ilçe",
            request=request,
        )
    return announcement


Target = tuple[str, set[int], set[int], int | None]


def _target(
    audience: str,
    areas: Iterable[VolunteerArea],
    districts: Iterable[District],
    activity: Activity | None,
) -> Target:
    if audience == Announcement.Audience.AREAS:
        return (audience, {a.pk for a in areas}, {d.pk for d in districts}, None)
    if audience == Announcement.Audience.ACTIVITY:
        return (audience, set(), set(), activity.pk if activity is not None else None)
    return (audience, set(), set(), None)


def _target_of(announcement: Announcement) -> Target:
    return _target(
        announcement.audience,
        announcement.areas.all(),
        announcement.districts.all(),
        announcement.activity,
    )


def _check_can_change(by: User, announcement: Announcement) -> None:
    """Only an announcement the publisher's scope covers (the same rule as when it was saved)."""
    check_audience(
        by=by,
        audience=announcement.audience,
        areas=announcement.areas.all(),
        districts=announcement.districts.all(),
        activity=announcement.activity,
    )


def publish(
    *,
    by: User,
    announcement: Announcement,
    at: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> tuple[Announcement, bool]:
    """Publish now, or schedule for `at`; returns the announcement and whether it went out now.

    A time in the past (or now) publishes at once: nobody can publish in the past, and
    the page says so. Publishing for volunteers queues their e-mails after the commit.
    """
    _check_publisher(by)
    _check_can_change(by, announcement)
    now = timezone.now()
    with transaction.atomic():
        announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if announcement.status in (Announcement.Status.PUBLISHED, Announcement.Status.ARCHIVED):
            raise AnnouncementError(_("Bu duyuru zaten yayımlandı ya da arşivlendi."))
        if at is not None and at > now:
            announcement.status = Announcement.Status.SCHEDULED
            announcement.publish_at = at
            announcement.save(update_fields=["status", "publish_at", "updated_at"])
            record(
                action="announcements.scheduled",
                actor=by,
                obj=announcement,
                summary=at.isoformat(),
                request=request,
            )
            return announcement, False
        _publish_locked(announcement, now=now)
        record(
            action="announcements.published",
            actor=by,
            obj=announcement,
            summary=announcement.get_audience_display(),
            request=request,
        )
    return announcement, True


def _publish_locked(announcement: Announcement, *, now: datetime.datetime) -> None:
    announcement.status = Announcement.Status.PUBLISHED
    announcement.published_at = now
    announcement.publish_at = announcement.publish_at or now
    announcement.save(update_fields=["status", "published_at", "publish_at", "updated_at"])
    if announcement.is_for_volunteers:
        announcement_id = announcement.pk
        transaction.on_commit(lambda: _enqueue_fan_out(announcement_id))


def _enqueue_fan_out(announcement_id: int) -> None:
    from .tasks import deliver_announcement_task

    deliver_announcement_task.enqueue(announcement_id)


def unschedule(
    *, by: User, announcement: Announcement, request: HttpRequest | None = None
) -> Announcement:
    """A scheduled announcement goes back to draft."""
    _check_publisher(by)
    _check_can_change(by, announcement)
    with transaction.atomic():
        announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if announcement.status != Announcement.Status.SCHEDULED:
            return announcement
        announcement.status = Announcement.Status.DRAFT
        announcement.publish_at = None
        announcement.save(update_fields=["status", "publish_at", "updated_at"])
        record(
            action="announcements.unscheduled",
            actor=by,
            obj=announcement,
            summary=str(_("Zamanlama kaldırıldı; duyuru taslak.")),
            request=request,
        )
    return announcement


def archive(
    *, by: User, announcement: Announcement, request: HttpRequest | None = None
) -> Announcement:
    """Off the public pages and /me/; e-mails not yet sent are not sent any more (the kind
    finds it archived and suppresses them)."""
    _check_publisher(by)
    _check_can_change(by, announcement)
    with transaction.atomic():
        announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if announcement.status == Announcement.Status.ARCHIVED:
            return announcement
        announcement.status = Announcement.Status.ARCHIVED
        announcement.pinned = False
        announcement.save(update_fields=["status", "pinned", "updated_at"])
        record(
            action="announcements.archived",
            actor=by,
            obj=announcement,
            summary=str(_("Duyuru arşivlendi.")),
            request=request,
        )
    return announcement


def publish_due(*, now: datetime.datetime | None = None) -> int:
    """Publish every scheduled announcement whose time has come; returns how many.

    Run by `publish_scheduled_announcements` on the notifications sweep's timer. Each one
    is locked and checked again, so two runs at once publish it once.
    """
    now = now or timezone.now()
    published = 0
    for announcement_id in selectors.due_for_publishing(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            announcement = (
                Announcement.objects.select_for_update()
                .filter(pk=announcement_id, status=Announcement.Status.SCHEDULED)
                .first()
            )
            if announcement is None:
                continue
            _publish_locked(announcement, now=now)
            record(
                action="announcements.published",
                obj=announcement,
                summary=str(_("Zamanı gelince kendiliğinden yayımlandı.")),
            )
            published += 1
    return published


def resume_fan_outs() -> int:
    """Queue again the fan-outs a crashed worker left unfinished (safe: deliveries are keyed)."""
    ids = list(selectors.fan_outs_unfinished().values_list("pk", flat=True))
    for announcement_id in ids:
        _enqueue_fan_out(announcement_id)
    return len(ids)


def deliver_announcement(announcement_id: int) -> int:
    """Queue one e-mail per volunteer of the audience, in batches; returns how many wait.

    Each batch commits on its own, so a worker that dies half way keeps what it queued,
    and running this again queues only the rest: a delivery is keyed by announcement and
    address (notifications.notify_many), so nobody gets it twice. The preference is
    checked when each e-mail leaves: a volunteer who turned announcements off is counted
    as suppressed, not left out, so staff see why.
    """
    announcement = (
        Announcement.objects.filter(pk=announcement_id, status=Announcement.Status.PUBLISHED)
        .prefetch_related("areas", "districts")
        .first()
    )
    if announcement is None or not announcement.is_for_volunteers:
        return 0
    audience = selectors.audience_of(announcement).select_related("user").order_by("pk")
    waiting = 0
    last_pk = 0
    while True:
        batch = list(audience.filter(pk__gt=last_pk)[:FAN_OUT_BATCH])
        if not batch:
            break
        with transaction.atomic():
            waiting += notifications.notify_many(
                KIND,
                [(announcement, Recipient.of_user(volunteer.user)) for volunteer in batch],
            )
        last_pk = batch[-1].pk
    Announcement.objects.filter(pk=announcement.pk, deliveries_queued_at__isnull=True).update(
        deliveries_queued_at=timezone.now()
    )
    return waiting


def retry_failed(
    *, by: User, announcement: Announcement, request: HttpRequest | None = None
) -> int:
    """Send again the e-mails of this announcement that failed; returns how many.

    A failure may be a message that left while the worker died: staff choose to retry,
    the notifications app never does it by itself.
    """
    _check_publisher(by)
    _check_can_change(by, announcement)
    failed = list(selectors.deliveries_of(announcement).filter(status=Delivery.Status.FAILED))
    with transaction.atomic():
        for delivery in failed:
            notifications.retry(delivery=delivery)
        if failed:
            record(
                action="announcements.delivery_retried",
                actor=by,
                obj=announcement,
                summary=f"{len(failed)}",
                request=request,
            )
    return len(failed)

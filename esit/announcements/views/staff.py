"""/staff/announcements/: write, preview, publish or schedule, archive, follow the delivery.

Read with selectors, change with services; every action is a plain form post that
redirects, with a confirmation step (esit/core/confirm.py) before publishing and archiving.
"""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.accounts.scope import scope_of
from esit.core import markdown as rendering
from esit.core.confirm import confirmation_page
from esit.core.forms import add_refusal
from esit.core.htmx import wants_partial

from .. import selectors, services, social
from ..forms import AnnouncementForm, PublishForm, StaffFilter
from ..models import Announcement
from ..selectors import PUBLISH
from ..services import AnnouncementError
from ..tasks import render_cards_task

PAGE_SIZE = 25


def _announcement_or_404(request, pk: int) -> Announcement:
    try:
        return selectors.staff_detail(pk, user=request.user)
    except Announcement.DoesNotExist:
        raise Http404(_("Duyuru bulunamadı.")) from None


def _activities(request):
    return (
        selectors.activities_in_scope(scope_of(request.user))
        .exclude(status="draft")
        .filter(ends_at__gte=timezone.now() - datetime.timedelta(days=30))
        .order_by("starts_at", "id")
    )


@require_GET
@capability_required(PUBLISH)
def announcement_list(request):
    filters = StaffFilter(request.GET or None, queryset=selectors.staff_list(user=request.user))
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "announcements/staff/list.html"
    if wants_partial(request):
        template += "#results"
    response = render(request, template, {"filter_form": filters.form, "page_obj": page})
    patch_vary_headers(response, ["HX-Request"])
    return response


def _save(request, form: AnnouncementForm, announcement: Announcement | None):
    data = form.cleaned_data
    try:
        return services.save_announcement(
            by=request.user,
            announcement=announcement,
            title_tr=data["title_tr"],
            title_en=data["title_en"],
            body_tr=data["body_tr"],
            body_en=data["body_en"],
            audience=data["audience"],
            areas=data["areas"],
            districts=data["districts"],
            activity=data["activity"],
            pinned=data["pinned"],
            cover=data["cover"],
            remove_cover=data["remove_cover"],
            cover_alt_tr=data["cover_alt_tr"],
            cover_alt_en=data["cover_alt_en"],
            request=request,
        )
    except AnnouncementError as error:
        add_refusal(form, error)
        return None


@require_http_methods(["GET", "POST"])
@capability_required(PUBLISH)
def create(request):
    form = AnnouncementForm(
        request.POST or None,
        request.FILES or None,
        activities=_activities(request),
        initial={"audience": Announcement.Audience.AREAS}
        if not scope_of(request.user).is_whole_programme
        else None,
    )
    if request.method == "POST" and form.is_valid():
        announcement = _save(request, form, None)
        if announcement is not None:
            messages.success(request, _("Duyuru taslak olarak kaydedildi. Önizleyip yayımlayın."))
            return redirect("announcements:staff_detail", pk=announcement.pk)
    return render(request, "announcements/staff/form.html", {"form": form, "announcement": None})


@require_http_methods(["GET", "POST"])
@capability_required(PUBLISH)
def edit(request, pk: int):
    announcement = _announcement_or_404(request, pk)
    if announcement.status == Announcement.Status.ARCHIVED:
        messages.error(request, _("Arşivlenmiş bir duyuru değiştirilemez."))
        return redirect("announcements:staff_detail", pk=pk)
    initial = {
        field: getattr(announcement, field)
        for field in (
            "title_tr",
            "title_en",
            "body_tr",
            "body_en",
            "audience",
            "activity",
            "pinned",
            "cover_alt_tr",
            "cover_alt_en",
        )
    }
    initial["areas"] = list(announcement.areas.all())
    initial["districts"] = list(announcement.districts.all())
    form = AnnouncementForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        activities=_activities(request),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, announcement)
        if saved is not None:
            messages.success(request, _("Duyuru kaydedildi."))
            return redirect("announcements:staff_detail", pk=pk)
    return render(
        request, "announcements/staff/form.html", {"form": form, "announcement": announcement}
    )


def _preview(announcement: Announcement) -> list[dict]:
    shown = [("tr", _("Türkçe"), announcement.title_tr, announcement.body_tr)]
    if announcement.title_en or announcement.body_en:
        shown.append(("en", _("İngilizce"), announcement.title_en, announcement.body_en))
    previews = []
    for code, label, title, body in shown:
        rendered = rendering.render(body)
        previews.append(
            {
                "code": code,
                "label": label,
                "title": title,
                "html": rendered.html,
                "removed_markup": rendered.removed_markup,
            }
        )
    return previews


def _render_detail(request, announcement: Announcement, *, publish_form=None, status=200):
    return render(
        request,
        "announcements/staff/detail.html",
        {
            "announcement": announcement,
            "previews": _preview(announcement),
            "publish_form": publish_form or PublishForm(),
            "progress": selectors.delivery_progress(announcement)
            if announcement.is_for_volunteers
            else None,
            "audience_size": selectors.audience_of(announcement).count()
            if announcement.status in (Announcement.Status.DRAFT, Announcement.Status.SCHEDULED)
            else None,
        },
        status=status,
    )


@require_GET
@capability_required(PUBLISH)
def detail(request, pk: int):
    return _render_detail(request, _announcement_or_404(request, pk))


@require_POST
@capability_required(PUBLISH)
def publish(request, pk: int):
    announcement = _announcement_or_404(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, announcement, publish_form=form, status=400)
    at = form.cleaned_data["publish_at"]
    now = timezone.now()
    if at is not None and at > now:
        title = _("“%(title)s” zamanlansın mı?") % {"title": announcement.title_tr}
        when = formats.date_format(timezone.localtime(at), "j F Y H:i")
        message = _("Duyuru %(when)s tarihinde kendiliğinden yayımlanacak.") % {"when": when}
        label = _("Evet, zamanla")
    else:
        title = _("“%(title)s” şimdi yayımlansın mı?") % {"title": announcement.title_tr}
        count = selectors.audience_of(announcement).count()
        message = (
            ngettext(
                "Duyuru hemen yayımlanacak ve %(count)d gönüllüye e-postayla gidecek.",
                "Duyuru hemen yayımlanacak ve %(count)d gönüllüye e-postayla gidecek.",
                count,
            )
            % {"count": count}
            if announcement.is_for_volunteers
            else _("Duyuru hemen sitede ve akışta herkese açık yayımlanacak.")
        )
        label = _("Evet, yayımla")
    asked = confirmation_page(
        request,
        title=title,
        message=message,
        confirm_label=label,
        back_url=reverse("announcements:staff_detail", args=[pk]),
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    try:
        announcement, now_published = services.publish(
            by=request.user, announcement=announcement, at=at, request=request
        )
    except AnnouncementError as error:
        add_refusal(form, error)
        return _render_detail(request, announcement, publish_form=form, status=400)
    if not now_published:
        messages.success(request, _("Duyuru zamanlandı."))
    elif at is not None:
        messages.warning(
            request, _("Seçtiğiniz yayın zamanı geçmişte kaldığı için duyuru hemen yayımlandı.")
        )
    else:
        messages.success(request, _("Duyuru yayımlandı."))
    if now_published and announcement.is_for_volunteers:
        return redirect("announcements:delivery", pk=pk)
    return redirect("announcements:staff_detail", pk=pk)


@require_POST
@capability_required(PUBLISH)
def unschedule(request, pk: int):
    announcement = _announcement_or_404(request, pk)
    services.unschedule(by=request.user, announcement=announcement, request=request)
    messages.success(request, _("Zamanlama kaldırıldı; duyuru yeniden taslak."))
    return redirect("announcements:staff_detail", pk=pk)


@require_POST
@capability_required(PUBLISH)
def archive(request, pk: int):
    announcement = _announcement_or_404(request, pk)
    asked = confirmation_page(
        request,
        title=_("“%(title)s” arşivlensin mi?") % {"title": announcement.title_tr},
        message=_(
            "Duyuru sitede ve gönüllülerin sayfalarında görünmez olur; henüz gönderilmemiş "
            "e-postaları gönderilmez. Arşivlenen duyuru yeniden yayımlanamaz."
        ),
        confirm_label=_("Evet, arşivle"),
        back_url=reverse("announcements:staff_detail", args=[pk]),
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    services.archive(by=request.user, announcement=announcement, request=request)
    messages.success(request, _("Duyuru arşivlendi."))
    return redirect("announcements:staff_detail", pk=pk)


# How often the progress page asks again, with and without JavaScript.
REFRESH_SECONDS = 3


@require_GET
@never_cache
@capability_required(PUBLISH)
def delivery(request, pk: int):
    """The delivery's progress: htmx polls the partial; without JavaScript the page itself
    refreshes (meta refresh) while e-mails are still queued."""
    announcement = _announcement_or_404(request, pk)
    if not announcement.is_for_volunteers:
        raise Http404(_("Herkese açık duyurular e-postayla gönderilmez."))
    progress = selectors.delivery_progress(announcement)
    template = "announcements/staff/delivery.html"
    if wants_partial(request):
        template += "#progress"
    response = render(
        request,
        template,
        {
            "announcement": announcement,
            "progress": progress,
            "refresh_seconds": REFRESH_SECONDS,
            "fan_out_pending": announcement.deliveries_queued_at is None
            and announcement.status == Announcement.Status.PUBLISHED,
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
@capability_required(PUBLISH)
def retry(request, pk: int):
    announcement = _announcement_or_404(request, pk)
    count = services.retry_failed(by=request.user, announcement=announcement, request=request)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d e-posta yeniden sıraya alındı.",
                "%(count)d e-posta yeniden sıraya alındı.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("Yeniden denenecek e-posta yok."))
    return redirect("announcements:delivery", pk=pk)


@require_GET
@capability_required(PUBLISH)
def kit(request, pk: int):
    """The social-media kit: posts to copy and the cards to download."""
    announcement = _announcement_or_404(request, pk)
    render_cards_task.enqueue("announcement", announcement.pk)
    return render(
        request,
        "announcements/staff/kit.html",
        {
            "title": announcement.title_tr,
            "back_url": reverse("announcements:staff_detail", args=[pk]),
            "kind": "announcement",
            "pk": announcement.pk,
            "posts": social.posts_of(announcement),
        },
    )


@require_GET
@capability_required(PUBLISH)
def activity_kit(request, pk: int):
    """The same kit for an activity of the staff member's scope."""
    activity = _activities(request).select_related("district").filter(pk=pk).first()
    if activity is None:
        raise Http404(_("Etkinlik bulunamadı."))
    render_cards_task.enqueue("activity", activity.pk)
    return render(
        request,
        "announcements/staff/kit.html",
        {
            "title": activity.title_tr,
            "back_url": reverse("activities:detail", args=[pk]),
            "kind": "activity",
            "pk": activity.pk,
            "posts": social.posts_of(activity),
        },
    )


KITS_SHOWN = 50


@require_GET
@capability_required(PUBLISH)
def activity_kits(request):
    """The activities of the staff member's scope still to come, each with its kit."""
    activities = (
        _activities(request)
        .filter(ends_at__gte=timezone.now())
        .select_related("district")[:KITS_SHOWN]
    )
    return render(request, "announcements/staff/activity_kits.html", {"activities": activities})

"""The public announcement pages, a volunteer's own, covers, cards and the Atom feeds."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from esit.activities.models import Activity
from esit.core import versions
from esit.volunteers.permissions import volunteer_view

from .. import selectors, social
from ..models import Announcement
from ..versions import ANNOUNCEMENTS_VERSION

PAGE_SIZE = 10
LIST = "announcements/public/list.html"


@require_GET
def announcement_list(request):
    """The same for everyone: its content (the page of announcements and its links) is built
    once per language and query string under the announcements' version, which any saved or
    deleted announcement changes; the layout around it is rendered each time."""

    read = versions.page_request(request, ["page"])

    def build() -> str:
        page = Paginator(selectors.public_announcements(), PAGE_SIZE).get_page(read.GET.get("page"))
        context = {"page_obj": page}
        return str(render_to_string(f"{LIST}#content", context, request=read))

    content = versions.cached(
        f"announcements:list:{get_language()}:{versions.query_digest(read)}",
        (ANNOUNCEMENTS_VERSION,),
        build,
        timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
    )
    # Our own template's output, escaped when it was rendered.
    return render(request, LIST, {"content": mark_safe(content)})  # noqa: S308


@require_GET
def announcement_detail(request, pk: int):
    try:
        announcement = selectors.public_detail(pk)
    except Announcement.DoesNotExist:
        raise Http404(_("Duyuru bulunamadı.")) from None
    return render(request, "announcements/public/detail.html", {"announcement": announcement})


@require_GET
@volunteer_view(active_only=False)
def mine(request, pk: int, volunteer):
    """An announcement meant for this volunteer (the link in its e-mail and on /me/)."""
    announcement = (
        Announcement.objects.published()
        .filter(selectors.meant_for(volunteer))
        .select_related("activity")
        .filter(pk=pk)
        .first()
    )
    if announcement is None:
        raise Http404(_("Duyuru bulunamadı."))
    return render(
        request, "announcements/public/detail.html", {"announcement": announcement, "mine": True}
    )


def _image_response(handle, content_type: str) -> FileResponse:
    response = FileResponse(handle, content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response


CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}


@require_GET
def cover(request, pk: int):
    """A cover, for a published announcement (volunteers' ones too: the picture is no secret
    and an e-mail client or a shared link must be able to fetch it without signing in)."""
    announcement = Announcement.objects.published().filter(pk=pk).exclude(cover="").first()
    if announcement is None:
        raise Http404
    extension = (announcement.cover.name or "").rsplit(".", 1)[-1]
    try:
        handle = announcement.cover.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return _image_response(handle, CONTENT_TYPES.get(extension, "application/octet-stream"))


@require_GET
def card(request, kind: str, pk: int, language: str, card_format: str):
    """A kit's card: of a public announcement or a published activity (link previews use
    the square one), drawn on first request if the task has not drawn it yet."""
    record = social.record_of(kind, pk)
    if isinstance(record, Announcement):
        shown = (
            record.status == Announcement.Status.PUBLISHED
            and record.audience == Announcement.Audience.PUBLIC
        ) or request.user.has_perm(selectors.PUBLISH)
    elif isinstance(record, Activity):
        shown = record.status != Activity.Status.DRAFT or request.user.has_perm(
            "activities.run_activities"
        )
    else:
        shown = False
    if (
        not shown
        or language not in social.languages_of(record)
        or card_format not in social.FORMATS
    ):
        raise Http404
    name = social.stored_card(social.subject_in(record, language), card_format, language)
    response = _image_response(default_storage.open(name, "rb"), "image/png")
    if request.GET.get("download"):
        response["Content-Disposition"] = (
            f'attachment; filename="esit-{kind}-{pk}-{language}-{card_format}.png"'
        )
    return response

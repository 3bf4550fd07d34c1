"""Changes to the resource library (docs/resources.md).

Words: a *proposal* is a resource a volunteer added, waiting for review; staff with
`resources.manage_resources` publish what they add at once and review proposals (publish,
reject with a reason, edit, archive). Every decision is audited in its transaction and the
uploader is told of publishing and rejection. Everyone who posts passes moderation's
`ensure_may_post` first: a suspended volunteer may read the library but not add to it.
"""

import datetime
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

from esit.accounts.models import User
from esit.accounts.scope import scope_of
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.moderation.services import ensure_may_post
from esit.notifications.services import Recipient, notify
from esit.reference.models import VolunteerArea

from . import files, selectors
from .models import DESCRIPTION_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX, Resource, Tag

MANAGE = "resources.manage_resources"
DECISION_KIND = "resources.decision"


def volunteer_uploads_allowed() -> bool:
    return bool(getattr(settings, "RESOURCES_VOLUNTEER_UPLOADS", True))


def parse_tags(text: str) -> list[str]:
    """Tags typed as a comma list: trimmed, spaces collapsed, duplicates (by slug) once."""
    seen: dict[str, str] = {}
    for raw in (text or "").split(","):
        name = " ".join(raw.split())
        if not name:
            continue
        if len(name) > TAG_MAX:
            raise RuleError(
                _("Bir etiket en fazla %(max)s karakter olabilir.") % {"max": TAG_MAX},
                field="tags",
            )
        slug = slugify(name.replace("ı", "i").replace("İ", "i"))
        if not slug:
            raise RuleError(_("Etiketlerde harf ya da rakam olmalı."), field="tags")
        seen.setdefault(slug, name)
    if len(seen) > TAGS_MAX:
        raise RuleError(_("En fazla %(max)s etiket ekleyin.") % {"max": TAGS_MAX}, field="tags")
    return list(seen.values())


def _tags(names: list[str]) -> list[Tag]:
    tags = []
    for name in names:
        slug = slugify(name.replace("ı", "i").replace("İ", "i"))
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    return tags


def _check_text(title: str, description: str) -> tuple[str, str]:
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise RuleError(_("Bir başlık yazın."), field="title")
    if len(title) > TITLE_MAX:
        raise RuleError(
            _("Başlık en fazla %(max)s karakter olabilir.") % {"max": TITLE_MAX}, field="title"
        )
    if len(description) > DESCRIPTION_MAX:
        raise RuleError(
            _("Açıklama en fazla %(max)s karakter olabilir.") % {"max": DESCRIPTION_MAX},
            field="description",
        )
    return title, description


def _check_url(url: str) -> str:
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise RuleError(
            _("Bağlantı http:// ya da https:// ile başlayan bir web adresi olmalı."), field="url"
        ) from None
    return url


def download_name(name: str, *, extension: str) -> str:
    """The name a download is saved under: the uploader's base name, sanitised, with the
    extension of the type the content was detected as, never the one typed: a "%PDF-"
    polyglot named rehber.html is saved as rehber.pdf, not opened as a web page."""
    stem = get_valid_filename(PurePath(name).stem.strip(" .")) if name else ""
    stem = (stem or "kaynak")[: 150 - len(extension)]
    return f"{stem}{extension}"


def _attach(resource: Resource, *, kind: str, url: str, file: UploadedFile[bytes] | None) -> None:
    """Set the link or the file (checked by content) of a resource not yet saved."""
    if kind == Resource.Kind.LINK:
        resource.url = _check_url(url)
        return
    if kind != Resource.Kind.FILE:
        raise RuleError(_("Dosya ya da bağlantı seçin."), field="kind")
    if file is None:
        if resource.file:
            return  # editing: the file stays
        raise RuleError(_("Bir dosya seçin."), field="file")
    detected = files.detect(file)
    resource.file_name = download_name(file.name or "", extension=detected.extension)
    resource.file_type = detected.content_type
    resource.file_size = file.size or 0
    resource.file.save(f"resource{detected.extension}", file, save=False)


def add_resource(
    *,
    by: User,
    title: str,
    description: str = "",
    kind: str,
    url: str = "",
    file: UploadedFile[bytes] | None = None,
    areas: Iterable[VolunteerArea] = (),
    tags: str = "",
    audience: str = Resource.Audience.PUBLIC,
) -> Resource:
    """Add a resource: staff who manage the library publish it at once; anyone else (a
    volunteer, where staff allow volunteers' proposals) proposes it for review.

    The file's type is decided by its content (esit/resources/files.py) before anything is
    stored; a refused file leaves nothing behind.
    """
    ensure_may_post(by)
    manages = by.has_perm(MANAGE)
    if not manages and not volunteer_uploads_allowed():
        raise RuleError(_("Şu anda gönüllüler kaynak öneremiyor."))
    title, description = _check_text(title, description)
    if audience not in Resource.Audience.values:
        raise RuleError(_("Kimlerin göreceğini seçin."), field="audience")
    tag_names = parse_tags(tags)
    now = timezone.now()
    resource = Resource(
        title=title,
        description=description,
        kind=kind,
        audience=audience,
        uploaded_by=by,
        created_at=now,
        status=Resource.Status.PUBLISHED if manages else Resource.Status.PENDING,
    )
    if manages:
        resource.published_at, resource.reviewed_by, resource.reviewed_at = now, by, now
    _attach(resource, kind=kind, url=url, file=file)
    resource.refresh_search_text(tag_names)
    try:
        with transaction.atomic():
            resource.save()
            resource.areas.set(list(areas))
            resource.tags.set(_tags(tag_names))
            record(
                action="resources.added",
                actor=by,
                obj=resource,
                summary=_("Kaynak eklendi (%(status)s).")
                % {"status": resource.get_status_display()},
            )
    except Exception:
        if resource.file:
            resource.file.delete(save=False)
        raise
    return resource


def update_resource(
    *,
    by: User,
    resource: Resource,
    title: str,
    description: str = "",
    kind: str,
    url: str = "",
    file: UploadedFile[bytes] | None = None,
    areas: Iterable[VolunteerArea] = (),
    tags: str = "",
    audience: str,
) -> Resource:
    """Staff correct a resource (a proposal before publishing it, or a published one),
    within their scope; an area-scoped coordinator keeps at least one of her areas on it
    (otherwise it would leave her scope as she saves it)."""
    _check_scope(by, resource)
    areas = list(areas)
    scope_areas = scope_of(by).area_ids
    if scope_areas is not None and not scope_areas & {area.pk for area in areas}:
        raise RuleError(_("Kapsamınızdaki alanlardan en az birini seçin."), field="areas")
    title, description = _check_text(title, description)
    if audience not in Resource.Audience.values:
        raise RuleError(_("Kimlerin göreceğini seçin."), field="audience")
    tag_names = parse_tags(tags)
    old_file = resource.file.name if resource.file else ""
    resource.title, resource.description, resource.audience = title, description, audience
    resource.kind = kind
    if kind == Resource.Kind.LINK:
        resource.file_name, resource.file_type, resource.file_size = "", "", 0
        resource.file = None
    else:
        resource.url = ""
    _attach(resource, kind=kind, url=url, file=file)
    resource.refresh_search_text(tag_names)
    with transaction.atomic():
        resource.save()
        resource.areas.set(list(areas))
        resource.tags.set(_tags(tag_names))
        record(action="resources.edited", actor=by, obj=resource, summary=_("Kaynak düzenlendi."))
    if old_file and old_file != (resource.file.name if resource.file else ""):
        transaction.on_commit(lambda: resource.file.storage.delete(old_file))
    return resource


def _check_scope(by: User, resource: Resource) -> None:
    """Staff decide only on the resources of their scope (selectors.in_scope); the pages
    404 outside it already, this keeps a command or a tampered request to the same rule."""
    if not selectors.in_scope(user=by).filter(pk=resource.pk).exists():
        raise PermissionDenied


def _lock(resource: Resource, *, by: User) -> Resource:
    _check_scope(by, resource)
    return Resource.objects.select_for_update().get(pk=resource.pk)


def _tell_uploader(resource: Resource, *, at: datetime.datetime) -> None:
    uploader = resource.uploaded_by
    if uploader is not None and uploader != resource.reviewed_by:
        notify(
            DECISION_KIND,
            obj=resource,
            to=Recipient.of_user(uploader),
            key=f"{resource.status}:{at.timestamp()}",
            params={"status": resource.status},
        )


@transaction.atomic
def publish_resource(*, by: User, resource: Resource) -> Resource:
    """Publish a proposal (or an archived or rejected resource, on second thoughts)."""
    locked = _lock(resource, by=by)
    if locked.status == Resource.Status.PUBLISHED:
        raise RuleError(_("Bu kaynak zaten yayında."))
    now = timezone.now()
    locked.status = Resource.Status.PUBLISHED
    locked.published_at = locked.published_at or now
    locked.reviewed_by, locked.reviewed_at, locked.rejection_reason = by, now, ""
    locked.save(
        update_fields=["status", "published_at", "reviewed_by", "reviewed_at", "rejection_reason"]
    )
    record(action="resources.published", actor=by, obj=locked, summary=_("Kaynak yayımlandı."))
    _tell_uploader(locked, at=now)
    return locked


@transaction.atomic
def reject_resource(*, by: User, resource: Resource, reason: str) -> Resource:
    """Refuse a proposal, with a reason the uploader reads."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleError(_("Ret nedenini yazın; kaynağı ekleyen kişiye iletilir."), field="reason")
    if len(reason) > 1000:
        raise RuleError(_("Neden en fazla 1.000 karakter olabilir."), field="reason")
    locked = _lock(resource, by=by)
    if locked.status != Resource.Status.PENDING:
        raise RuleError(_("Yalnızca inceleme bekleyen bir kaynak reddedilebilir."))
    now = timezone.now()
    locked.status = Resource.Status.REJECTED
    locked.reviewed_by, locked.reviewed_at, locked.rejection_reason = by, now, reason
    locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "rejection_reason"])
    record(action="resources.rejected", actor=by, obj=locked, summary=_("Kaynak reddedildi."))
    _tell_uploader(locked, at=now)
    return locked


@transaction.atomic
def archive_resource(*, by: User, resource: Resource) -> Resource:
    """Take a resource out of the library (out of date, replaced); it can be published again."""
    locked = _lock(resource, by=by)
    if locked.status == Resource.Status.ARCHIVED:
        raise RuleError(_("Bu kaynak zaten arşivde."))
    locked.status = Resource.Status.ARCHIVED
    locked.save(update_fields=["status"])
    record(action="resources.archived", actor=by, obj=locked, summary=_("Kaynak arşivlendi."))
    return locked

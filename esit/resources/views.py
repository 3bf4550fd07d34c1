"""The resource library: /resources/ for everyone (scoped by selectors), proposals by
volunteers, and the staff review queue /staff/resources/. Thin: selectors read, services
change."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required, proved_second_factor, staff_gate
from esit.core.errors import RuleError
from esit.core.forms import add_refusal
from esit.core.markdown import to_html
from esit.core.rate_limits import limit_posts
from esit.moderation.selectors import display_name
from esit.moderation.services import MODERATE, is_suspended

from . import selectors, services
from .forms import LibraryFilterForm, RejectForm, ResourceForm, StaffFilterForm
from .models import Resource
from .services import MANAGE


def _reader(request):
    return request.user if request.user.is_authenticated else None


@require_GET
def library(request):
    reader = _reader(request)
    form = LibraryFilterForm(request.GET or None, tags=selectors.tags_in_use(user=reader))
    data = form.cleaned_data if form.is_valid() else {}
    area = data.get("area")
    rows = selectors.library(
        user=reader, area=area.slug if area else "", tag=data.get("tag", ""), q=data.get("q", "")
    )
    page = Paginator(rows, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "resources/list.html",
        {
            "filter_form": form,
            "page_obj": page,
            "filtered": any(data.values()),
            "may_add": may_add(request),
        },
    )


def may_add(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_staff_member:
        return True
    return services.volunteer_uploads_allowed() and selectors.sees_volunteer_resources(user)


def _staff_reader(request) -> bool:
    """Library staff and moderators who passed their second factor (checked quietly: this is
    a public page, not the staff gate)."""
    user = request.user
    if not user.is_authenticated or not user.is_staff_member:
        return False
    if not (user.has_perm(MANAGE) or user.has_perm(MODERATE)):
        return False
    return proved_second_factor(request)


def _for_reader(request, pk: int) -> Resource:
    """What the reader may see; moderators and library staff also see a hidden or unpublished
    resource, with its state said on the page."""
    try:
        if _staff_reader(request):
            # Outside her scope a coordinator still reads what any reader may read.
            try:
                return selectors.for_staff(pk, user=request.user)
            except Resource.DoesNotExist:
                pass
        return selectors.resource_for(user=_reader(request), pk=pk)
    except Resource.DoesNotExist:
        raise Http404(_("Kaynak bulunamadı.")) from None


@require_GET
def detail(request, pk: int):
    resource = _for_reader(request, pk)
    return render(
        request,
        "resources/detail.html",
        {
            "resource": resource,
            "description": to_html(resource.description),
            "may_report": request.user.is_authenticated
            and resource.uploaded_by_id != request.user.pk
            and selectors.may_see(resource, request.user),
        },
    )


@require_GET
@never_cache
def download(request, pk: int):
    resource = _for_reader(request, pk)
    if resource.kind != Resource.Kind.FILE or not resource.file:
        raise Http404(_("Dosya bulunamadı."))
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Dosya bulunamadı.")) from None
    # FileResponse writes Content-Disposition per RFC 6266 (filename*=UTF-8'' for Turkish
    # letters, an ASCII fallback), from the name the uploader gave, never the stored one.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource.file_name or f"kaynak{resource.extension}",
        content_type=resource.file_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if resource.audience == Resource.Audience.VOLUNTEERS:
        response["Cache-Control"] = "private, no-store"
    return response


def _form_values(form: ResourceForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "kind": data["kind"],
        "url": data["url"],
        "file": data["file"],
        "areas": list(data["areas"]),
        "tags": data["tags"],
        "audience": data["audience"],
    }


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("resources.add", rate_setting="RESOURCES_UPLOAD_RATE_LIMIT", key="user")
def add(request):
    user = request.user
    if user.is_staff_member:
        refused = staff_gate(request)
        if refused is not None:
            return refused
    if not may_add(request):
        return render(request, "resources/closed.html", status=403)
    suspended = is_suspended(user)
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.add_resource(by=user, **_form_values(form))
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            if resource.status == Resource.Status.PUBLISHED:
                messages.success(request, _("Kaynak yayımlandı."))
                return redirect(resource.get_absolute_url())
            messages.success(
                request,
                _(
                    "Teşekkürler. Kaynağınız bir koordinatörün incelemesinden sonra yayımlanacak; "
                    "size e-postayla haber vereceğiz."
                ),
            )
            return redirect("resources:list")
    return render(
        request,
        "resources/form.html",
        {"form": form, "suspended": suspended, "reviewed": not user.has_perm(MANAGE)},
    )


# Staff ------------------------------------------------------------------------------------


@require_GET
@capability_required(MANAGE)
def review_queue(request):
    form = StaffFilterForm(request.GET or None, initial={"status": Resource.Status.PENDING})
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status", Resource.Status.PENDING) if request.GET else Resource.Status.PENDING
    rows = selectors.review_queue(user=request.user, status=status, q=data.get("q", ""))
    page = Paginator(rows, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "resources/staff/queue.html",
        {"filter_form": form, "page_obj": page, "status": status},
    )


def _staff_resource(request, pk: int) -> Resource:
    """A resource of the reader's scope; 404 outside it (selectors.in_scope)."""
    try:
        return selectors.for_staff(pk, user=request.user)
    except Resource.DoesNotExist:
        raise Http404(_("Kaynak bulunamadı.")) from None


def _initial(resource: Resource) -> dict:
    return {
        "title": resource.title,
        "description": resource.description,
        "kind": resource.kind,
        "url": resource.url,
        "areas": list(resource.areas.all()),
        "tags": ", ".join(tag.name for tag in resource.tags.all()),
        "audience": resource.audience,
    }


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def edit(request, pk: int):
    resource = _staff_resource(request, pk)
    form = ResourceForm(request.POST or None, request.FILES or None, initial=_initial(resource))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_resource(by=request.user, resource=resource, **_form_values(form))
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("Kaynak kaydedildi."))
            return redirect("resources:edit", pk=pk)
    return _edit_page(request, resource, form=form, status=400 if form.errors else 200)


def _edit_page(request, resource: Resource, *, form=None, reject_form=None, status=200):
    return render(
        request,
        "resources/staff/edit.html",
        {
            "form": form or ResourceForm(initial=_initial(resource)),
            "resource": resource,
            "reject_form": reject_form or RejectForm(prefix="reject"),
            "uploader": display_name(resource.uploaded_by),
        },
        status=status,
    )


@require_POST
@capability_required(MANAGE)
def decide(request, pk: int, action: str):
    resource = _staff_resource(request, pk)
    if action not in ("publish", "reject", "archive"):
        raise Http404(_("Böyle bir işlem yok."))
    reject_form = RejectForm(request.POST, prefix="reject")
    if action == "reject" and not reject_form.is_valid():
        return _edit_page(request, resource, reject_form=reject_form, status=400)
    try:
        if action == "publish":
            services.publish_resource(by=request.user, resource=resource)
            done = _("Kaynak yayımlandı; ekleyen kişiye haber verildi.")
        elif action == "archive":
            services.archive_resource(by=request.user, resource=resource)
            done = _("Kaynak arşivlendi.")
        else:
            services.reject_resource(
                by=request.user, resource=resource, reason=reject_form.cleaned_data["reason"]
            )
            done = _("Kaynak reddedildi; ekleyen kişiye haber verildi.")
    except RuleError as refusal:
        if action == "reject" and refusal.field == "reason":
            add_refusal(reject_form, refusal)
            return _edit_page(request, resource, reject_form=reject_form, status=400)
        messages.error(request, refusal.message)
        return redirect("resources:edit", pk=pk)
    messages.success(request, done)
    return redirect("resources:review")

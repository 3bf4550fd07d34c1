"""Reporting content (anyone signed in) and the moderators' queue (/staff/moderation/).
Reads through selectors, changes through services."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.core.errors import RuleError
from esit.core.forms import add_refusal
from esit.core.rate_limits import limit_posts

from . import selectors, services
from .forms import HideForm, QueueFilterForm, ReportForm, SuspendForm, WarnForm
from .models import PostingSuspension
from .services import MODERATE


def _content_or_404(kind: str, pk: int):
    try:
        return selectors.content_of(kind, pk)
    except LookupError:
        raise Http404(_("İçerik bulunamadı.")) from None


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("moderation.report", rate_setting="MODERATION_REPORT_RATE_LIMIT", key="user")
def report(request, kind: str, pk: int):
    content_kind, content = _content_or_404(kind, pk)
    title = content_kind.title(content)
    back = content_kind.url(content)
    # Who reported it already knew it: her own report is answered even once it is hidden.
    if services.has_reported(reporter=request.user, content=content):
        return render(
            request,
            "moderation/reported.html",
            {
                "title": title,
                "back": back if content_kind.visible_to(content, request.user) else "",
            },
        )
    if not content_kind.visible_to(content, request.user):
        raise Http404(_("İçerik bulunamadı."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_content(
                reporter=request.user,
                content=content,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, _("Teşekkürler. Bildiriminiz alındı; moderatörler inceleyecek.")
            )
            return redirect("moderation:report", kind=kind, pk=pk)
    return render(
        request,
        "moderation/report.html",
        {
            "form": form,
            "title": title,
            "back": back,
            "kind": content_kind,
            "own": content_kind.author(content) == request.user,
        },
    )


def _flag(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


@require_GET
@capability_required(MODERATE)
def queue(request):
    tab = request.GET.get("tab", "open")
    form = QueueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    if tab == "hidden":
        items = selectors.hidden_by_reports(kind=data.get("kind") or None)
    elif tab == "suspensions":
        items = []
    else:
        tab = "open"
        items = selectors.reported_content(
            kind=data.get("kind") or None,
            hidden=_flag(data.get("hidden", "")),
            reason=data.get("reason") or None,
        )
    suspensions = [
        {"suspension": suspension, "person": selectors.display_name(suspension.person)}
        for suspension in (selectors.suspensions_in_force() if tab == "suspensions" else [])
    ]
    return render(
        request,
        "moderation/queue.html",
        {
            "tab": tab,
            "filter_form": form,
            "queue_items": items[:100],
            "more": len(items) > 100,
            "suspensions": suspensions,
        },
    )


def _detail(request, kind: str, pk: int, forms: dict | None = None, status: int = 200):
    content_kind, content = _content_or_404(kind, pk)
    rows = list(selectors.reports_about(content))
    reports = [{"report": row, "reporter": selectors.display_name(row.reporter)} for row in rows]
    author = content_kind.author(content)
    forms = forms or {}
    context = {
        "kind": content_kind,
        "content": content,
        "title": content_kind.title(content),
        "url": content_kind.url(content),
        "author": selectors.display_name(author),
        "author_suspension": services.active_suspension(author) if author else None,
        "reports": reports,
        "decisions": [
            {"decision": row, "moderator": selectors.display_name(row.moderator)}
            for row in selectors.decisions_about(content)
        ],
        "open_reports": sum(1 for row in rows if row.resolved_at is None),
        "hide_form": forms.get("hide") or HideForm(prefix="hide"),
        "warn_form": forms.get("warn") or WarnForm(prefix="warn"),
        "suspend_form": forms.get("suspend") or SuspendForm(prefix="suspend"),
    }
    return render(request, "moderation/content.html", context, status=status)


@require_GET
@capability_required(MODERATE)
def content_detail(request, kind: str, pk: int):
    return _detail(request, kind, pk)


DONE = {
    "hide": _("İçerik gizlendi; gönüllüler artık göremez."),
    "restore": _("İçerik yeniden görünür."),
    "dismiss": _("Bildirimler yersiz bulundu ve kapatıldı."),
    "warn": _("Yazara uyarı e-postası gönderildi."),
    "suspend": _("Yazarın paylaşımları askıya alındı; kendisine e-posta gönderildi."),
}


def _decide_with_form(request, kind: str, pk: int, content, action: str) -> HttpResponse:
    """hide, warn and suspend: a form to parse first, its refusals shown next to its fields."""
    if action == "hide":
        form: forms.Form = HideForm(request.POST, prefix="hide")
    elif action == "warn":
        form = WarnForm(request.POST, prefix="warn")
    else:
        form = SuspendForm(request.POST, prefix="suspend")
    if not form.is_valid():
        return _detail(request, kind, pk, forms={action: form}, status=400)
    data = form.cleaned_data
    try:
        if isinstance(form, HideForm):
            services.hide_content(
                moderator=request.user, content=content, reason=data["reason"], note=data["note"]
            )
        elif isinstance(form, WarnForm):
            services.warn_author(moderator=request.user, content=content, message=data["message"])
        elif isinstance(form, SuspendForm):
            until = services.suspension_end(
                days=form.days, until=data.get("until"), now=timezone.now()
            )
            services.suspend_author(
                moderator=request.user, content=content, until=until, reason=data["reason"]
            )
    except RuleError as refusal:
        add_refusal(form, refusal)
        return _detail(request, kind, pk, forms={action: form}, status=400)
    messages.success(request, DONE[action])
    return redirect("moderation:queue")


@require_POST
@capability_required(MODERATE)
def decide(request, kind: str, pk: int, action: str):
    if action not in DONE:
        raise Http404(_("Böyle bir işlem yok."))
    _kind, content = _content_or_404(kind, pk)
    if action in ("hide", "warn", "suspend"):
        return _decide_with_form(request, kind, pk, content, action)
    try:
        if action == "restore":
            services.restore_content(moderator=request.user, content=content)
        else:
            services.dismiss_reports(moderator=request.user, content=content)
    except RuleError as refusal:
        messages.error(request, refusal.message)
        return redirect("moderation:content", kind=kind, pk=pk)
    messages.success(request, DONE[action])
    return redirect("moderation:queue")


@require_POST
@capability_required(MODERATE)
def lift(request, pk: int):
    suspension = get_object_or_404(PostingSuspension, pk=pk)
    try:
        services.lift_suspension(moderator=request.user, suspension=suspension)
    except RuleError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Askı kaldırıldı; kişi yeniden paylaşım yapabilir."))
    return redirect(reverse("moderation:queue") + "?tab=suspensions")

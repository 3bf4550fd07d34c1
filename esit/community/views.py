"""/ideas/: the network's ideas for signed-in volunteers and staff, /ideas/done/ for everyone,
and /staff/ideas/ for those who decide on them. Read with selectors, change with services;
every action is a plain form post that redirects, the support button also answers htmx with
its partial."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.activities.services.errors import ActivityError
from esit.core import markdown, versions
from esit.core.disclosure import MIN_CELL
from esit.core.errors import RuleError
from esit.core.forms import add_refusal
from esit.core.htmx import wants_partial
from esit.core.pagination import CappedPaginator
from esit.core.rate_limits import limit_posts
from esit.reference.filters import rendered_fields
from esit.reference.versions import REFERENCE_VERSION

from . import selectors, services
from .filters import IdeaFilter
from .forms import (
    ActivityFromIdeaForm,
    CommentForm,
    IdeaForm,
    NicknameForm,
    ReplyForm,
    StatusForm,
)
from .models import Comment, Idea
from .permissions import network_view, sees_hidden
from .selectors import MANAGE
from .versions import IDEAS_VERSION

PAGE_SIZE = 20
LIST = "community/list.html"
# What the list reads of its query string: its filters, its order and the page.
LIST_PARAMETERS = (*IdeaFilter.base_filters, "page")


def _idea_or_404(request, pk: int) -> Idea:
    try:
        return selectors.idea_page(pk=pk, user=request.user, with_hidden=sees_hidden(request))
    except Idea.DoesNotExist:
        raise Http404(_("Fikir bulunamadı.")) from None


def _comment_or_404(request, pk: int) -> Comment:
    """Her own comment, under an idea she may read. A hidden one too (it is hers): the
    services refuse to change or delete it while moderators look at it."""
    comment = Comment.objects.select_related("idea").filter(pk=pk, author=request.user).first()
    readable = selectors.readable_ideas(user=request.user, with_hidden=sees_hidden(request))
    if comment is None or not readable.filter(pk=comment.idea_id).exists():
        raise Http404(_("Yorum bulunamadı."))
    return comment


def _managed_or_404(request, pk: int) -> Idea:
    idea = selectors.staff_ideas(user=request.user).filter(pk=pk).first()
    if idea is None:
        raise Http404(_("Fikir bulunamadı."))
    return idea


# Volunteers' pages ---------------------------------------------------------


# In the kept copies' key: a deploy that changes `Results` reads none of the old ones.
RESULTS_SHAPE = 1


@dataclass(frozen=True)
class Results:
    """A page of the list as every reader of the network sees it, rendered: the count (and
    the filters' errors), each idea's card by its id, and the page links. What is one
    reader's own (which ideas she supports) is added around the cards at each request."""

    # Our templates' output, escaped as they were rendered; kept (pickled) as SafeStrings.
    summary: SafeString
    cards: list[tuple[int, SafeString]]
    pages: SafeString


def _results(read, filters: IdeaFilter) -> Results:
    page = CappedPaginator(filters.qs, PAGE_SIZE).get_page(read.GET.get("page"))
    context = {"filter_form": filters.form, "page_obj": page}
    return Results(
        summary=render_to_string(f"{LIST}#summary", context),
        cards=[(idea.pk, render_to_string(f"{LIST}#card", {"idea": idea})) for idea in page],
        pages=render_to_string("core/pagination.html", context, request=read),
    )


@require_GET
@network_view
def idea_list(request):
    """The same for every reader of the network but moderators (who see hidden ideas too):
    its results are rendered once per language, query string (what of it the list reads) and
    version of the ideas and reference lists, and kept PUBLIC_PAGE_CACHE_SECONDS at most; each
    reader's supports are read per request."""
    with_hidden = sees_hidden(request)
    read = versions.page_request(request, LIST_PARAMETERS)
    filters = IdeaFilter(
        read.GET or None,
        queryset=selectors.idea_list(user=request.user, with_hidden=with_hidden),
    )
    if with_hidden:
        results = _results(read, filters)
    else:
        results = versions.cached(
            f"community:ideas:{RESULTS_SHAPE}:{get_language()}:{versions.query_digest(read)}",
            (IDEAS_VERSION, REFERENCE_VERSION),
            lambda: _results(read, filters),
            timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
        )
    supported = selectors.supported_ids(
        user=request.user, idea_ids=[pk for pk, _card in results.cards]
    )
    template = LIST
    if wants_partial(request):
        template += "#results"
    response = render(
        request,
        template,
        {
            "filter_fields": rendered_fields(read, filters.form),
            "results": results,
            "cards": [(card, pk in supported) for pk, card in results.cards],
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_http_methods(["GET", "POST"])
@limit_posts("idea_post", rate_setting="COMMUNITY_POST_RATE_LIMIT", key="user")
@network_view
def idea_new(request):
    form = IdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.post_idea(author=request.user, **form.cleaned_data)
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("Fikriniz paylaşıldı. Teşekkürler!"))
            return redirect(idea)
    return render(request, "community/form.html", {"form": form, "idea": None})


@require_http_methods(["GET", "POST"])
@limit_posts("idea_post", rate_setting="COMMUNITY_POST_RATE_LIMIT", key="user")
@network_view
def idea_edit(request, pk: int):
    idea = _idea_or_404(request, pk)
    if idea.author_id != request.user.pk or idea.status != Idea.Status.NEW:
        raise PermissionDenied
    form = IdeaForm.for_idea(idea, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_idea(idea=idea, by=request.user, **form.cleaned_data)
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("Fikriniz güncellendi."))
            return redirect(idea)
    return render(request, "community/form.html", {"form": form, "idea": idea})


def _detail_context(request, idea: Idea, **extra) -> dict:
    user = request.user
    manages = selectors.may_manage(user=user, idea=idea)
    context = {
        "idea": idea,
        "body_html": markdown.to_html(idea.body),
        "comments": selectors.comments_of(idea=idea, user=user, with_hidden=sees_hidden(request)),
        "supported": selectors.has_supported(idea=idea, user=user),
        "is_author": idea.author_id == user.pk,
        "can_edit": idea.author_id == user.pk and idea.status == Idea.Status.NEW,
        "comment_form": CommentForm(),
        "reply_form": None,
        "reply_to": None,
        "manages": manages,
        "next_statuses": services.NEXT_STATUSES.get(idea.status, ()) if manages else (),
        "can_create_activity": manages
        and idea.status == Idea.Status.ACCEPTED
        and idea.activity_id is None,
        "progress": selectors.progress_of(idea.activity) if idea.activity is not None else None,
        "edit_window": int(services.edit_window().total_seconds() // 60),
    }
    context.update(extra)
    for comment in context["comments"]:
        comment.editable = comment.author_id == user.pk and services.may_still_edit(comment)
        for reply in comment.replies.all():
            reply.editable = reply.author_id == user.pk and services.may_still_edit(reply)
    return context


@require_GET
@network_view
def idea_detail(request, pk: int):
    idea = _idea_or_404(request, pk)
    return render(request, "community/detail.html", _detail_context(request, idea))


@require_POST
@limit_posts("idea_support", rate_setting="COMMUNITY_SUPPORT_RATE_LIMIT", key="user")
@network_view
def idea_support(request, pk: int):
    """The support button: "support" or "withdraw", as the page showed it, so a double click
    or a second tab asks for the same thing twice instead of undoing it."""
    idea = _idea_or_404(request, pk)
    try:
        if request.POST.get("action") == "withdraw":
            services.withdraw_support(idea=idea, person=request.user)
        else:
            services.support(idea=idea, person=request.user)
    except RuleError as refusal:
        messages.error(request, refusal.message)
        return redirect(idea)
    if wants_partial(request):
        idea.refresh_from_db(fields=["support_count"])
        response = render(
            request,
            "community/detail.html#support",
            {"idea": idea, "supported": selectors.has_supported(idea=idea, user=request.user)},
        )
        patch_vary_headers(response, ["HX-Request"])
        return response
    return redirect(reverse("community:detail", args=[idea.pk]) + "#support")


@require_POST
@limit_posts("idea_comment", rate_setting="COMMUNITY_COMMENT_RATE_LIMIT", key="user")
@network_view
def comment_new(request, pk: int):
    idea = _idea_or_404(request, pk)
    is_reply = bool(request.POST.get("parent"))
    form = (ReplyForm if is_reply else CommentForm)(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = (
                Comment.objects.visible().filter(pk=form.cleaned_data["parent"], idea=idea).first()
            )
            if parent is None:
                raise Http404(_("Yorum bulunamadı."))
        try:
            comment = services.post_comment(
                idea=idea, author=request.user, body=form.cleaned_data["body"], parent=parent
            )
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            return redirect(comment.get_absolute_url())
    extra = (
        {"reply_form": form, "reply_to": form.data.get("parent")}
        if is_reply
        else {"comment_form": form}
    )
    return render(
        request, "community/detail.html", _detail_context(request, idea, **extra), status=400
    )


@require_http_methods(["GET", "POST"])
@limit_posts("idea_comment", rate_setting="COMMUNITY_COMMENT_RATE_LIMIT", key="user")
@network_view
def comment_edit(request, pk: int):
    comment = _comment_or_404(request, pk)
    if not services.may_still_edit(comment):
        messages.info(
            request,
            _("Yorumlar yazıldıktan sonra %(minutes)d dakika içinde düzenlenebilir.")
            % {"minutes": int(services.edit_window().total_seconds() // 60)},
        )
        return redirect(comment.get_absolute_url())
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(comment=comment, by=request.user, body=form.cleaned_data["body"])
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            return redirect(comment.get_absolute_url())
    return render(request, "community/comment_form.html", {"form": form, "comment": comment})


@require_POST
@network_view
def comment_delete(request, pk: int):
    comment = _comment_or_404(request, pk)
    try:
        services.delete_comment(comment=comment, by=request.user)
    except RuleError as refusal:
        messages.error(request, refusal.message)
        return redirect(comment.get_absolute_url())
    messages.success(request, _("Yorumunuz silindi."))
    return redirect(reverse("community:detail", args=[comment.idea_id]) + "#comments")


@require_http_methods(["GET", "POST"])
@limit_posts("community_nickname", rate_setting="COMMUNITY_POST_RATE_LIMIT", key="user")
@network_view
def my_settings(request):
    member = selectors.member_of(user=request.user)
    form = NicknameForm(
        request.POST or None, initial={"nickname": member.nickname if member else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_nickname(person=request.user, nickname=form.cleaned_data["nickname"])
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("Ağda görünen adınız kaydedildi."))
            return redirect("community:me")
    return render(request, "community/me.html", {"form": form})


@require_GET
def done(request):
    """Public: what came of volunteers' ideas, the ideas that became activities that happened."""
    page = CappedPaginator(selectors.done_ideas(), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for idea in page.object_list:
        idea.public_hours = selectors.public_hours(idea)
    return render(request, "community/done.html", {"page_obj": page, "min_people": MIN_CELL})


# Staff ---------------------------------------------------------------------


@require_GET
@capability_required(MANAGE)
def staff_list(request):
    filters = IdeaFilter(request.GET or None, queryset=selectors.staff_list(user=request.user))
    page = CappedPaginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "community/staff/list.html", {"filter_form": filters.form, "page_obj": page}
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def change_status(request, pk: int):
    idea = _managed_or_404(request, pk)
    choices = [
        (value, label)
        for value, label in Idea.Status.choices
        if value in services.NEXT_STATUSES.get(idea.status, ())
    ]
    form = StatusForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_status(
                idea=idea,
                by=request.user,
                to=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except RuleError as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, _("Fikrin durumu değişti; yazanına ve destekleyenlere haber verildi.")
            )
            return redirect(idea)
    return render(request, "community/staff/status.html", {"form": form, "idea": idea})


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def create_activity(request, pk: int):
    idea = _managed_or_404(request, pk)
    form = ActivityFromIdeaForm(request.POST or None, initial={"district": idea.district_id})
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity_from_idea(
                idea=idea, by=request.user, **form.cleaned_data
            )
        except (RuleError, ActivityError) as refusal:
            add_refusal(form, refusal)  # type: ignore[arg-type]  # ActivityError has message and field too
        else:
            messages.success(
                request, _("Fikirden taslak bir etkinlik oluşturuldu; vardiyalarını ekleyin.")
            )
            return redirect("planning:detail", pk=activity.pk)
    return render(request, "community/staff/activity.html", {"form": form, "idea": idea})

"""Matching's pages: volunteers ranked for a shift or a task and the bulk invitation (staff),
the invitation's answer pages (no sign-in: the link is the key), and "not interested" (/me/).

Read with selectors, change with services, render. Every action is a plain form post that
works without JavaScript; the "not interested" button is swapped out by htmx when present.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_stubs_ext import StrOrPromise

from esit.accounts.permissions import capability_required
from esit.activities.models import Shift, SignUp, Task
from esit.activities.selectors.scope import RUN_ACTIVITIES, within
from esit.core.forms import add_refusal
from esit.core.htmx import wants_partial
from esit.core.rate_limits import limit_posts
from esit.reference.filters import rendered_fields
from esit.volunteers.permissions import volunteer_view

from . import selectors, services
from .forms import DismissForm, InviteForm, MatchFilterForm
from .models import Invitation

FORM_METHODS = require_http_methods(["GET", "POST"])
# Said on the page after "not interested", or in the list's place of it with htmx.
DISMISSED = gettext_lazy("Bu öneriyi listenizden kaldırdık.")


def _staff_target(request, model, pk: int):
    try:
        return (
            within(request.user, model.objects.all(), activity="activity")
            .select_related("activity__district")
            .get(pk=pk)
        )
    except model.DoesNotExist:
        raise Http404(_("Bulunamadı.")) from None


def _matches(request, target: Shift | Task):
    work = selectors.work_of(target)
    filter_form = MatchFilterForm(request.GET or None)
    invite_form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and invite_form.is_valid():
        try:
            invited = services.invite(
                work=work, volunteer_ids=invite_form.cleaned_data["volunteers"], by=request.user
            )
        except services.MatchingError as error:
            add_refusal(invite_form, error)
        else:
            count = len(invited.invitations)
            messages.success(
                request,
                ngettext(
                    "%(count)d gönüllüye davet gönderildi.",
                    "%(count)d gönüllüye davet gönderildi.",
                    count,
                )
                % {"count": count},
            )
            if invited.skipped:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d gönüllü davet edilmedi: artık uygun değil ya da zaten "
                        "davet edildi.",
                        "%(count)d gönüllü davet edilmedi: artık uygun değil ya da zaten "
                        "davet edildi.",
                        invited.skipped,
                    )
                    % {"count": invited.skipped},
                )
            query = request.GET.urlencode()
            return redirect(request.path + (f"?{query}" if query else ""))
    closed: StrOrPromise = ""
    try:
        services.check_open(work)
    except services.MatchingError as error:
        closed = error.message
    matches = (
        [] if closed else selectors.ranked(work, user=request.user, filters=filter_form.filters())
    )
    invitations = list(selectors.invitations_of(shift=work.shift, task=work.task))
    return render(
        request,
        "matching/matches.html",
        {
            "work": work,
            "shift": work.shift,
            "task": work.task,
            "activity": work.activity,
            "filter_fields": rendered_fields(request, filter_form),
            "invite_form": invite_form,
            "matches": matches,
            "closed": closed,
            "invitations": invitations,
            "counts": [
                (selectors.status_label(status), count)
                for status, count in selectors.status_counts(invitations).items()
            ],
            "query": request.GET.urlencode(),
            # What she ticked, kept when the form comes back with a message.
            "selected": request.POST.getlist("volunteers") if request.method == "POST" else [],
            "activity_url": reverse("planning:detail", args=[work.activity.pk]),
        },
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def shift_matches(request, pk: int):
    return _matches(request, _staff_target(request, Shift, pk))


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def task_matches(request, pk: int):
    return _matches(request, _staff_target(request, Task, pk))


# The invitation's links ----------------------------------------------------------------------


def _answer(request, token: str, *, accept: bool):
    """GET shows the invitation and one button (a link preview answers nothing); POST answers."""
    template = "matching/answer.html"
    try:
        invitation = services.invitation_for_token(token)
    except services.MatchingError as error:
        return _refused(request, error.message)
    if request.method == "POST":
        try:
            if accept:
                result = services.accept_invitation(invitation=invitation)
            else:
                services.decline_invitation(invitation=invitation)
                result = None
        except services.MatchingError as error:
            return _refused(request, error.message, invitation=invitation)
        return _private(
            render(
                request,
                "matching/answered.html",
                {
                    "invitation": invitation,
                    "activity": invitation.activity,
                    "result": result,
                    "signup": result if isinstance(result, SignUp) else None,
                    "waitlisted": isinstance(result, SignUp)
                    and result.status == SignUp.Status.WAITLISTED,
                    "pending": isinstance(result, SignUp)
                    and result.status == SignUp.Status.PENDING,
                },
            )
        )
    if refused := services.refusal(invitation):
        return _refused(request, refused.message, invitation=invitation)
    return _private(
        render(
            request,
            template,
            {
                "invitation": invitation,
                "activity": invitation.activity,
                "shift": invitation.shift,
                "task": invitation.task,
                "accept": accept,
                "token": token,
            },
        )
    )


def _private(response: HttpResponse) -> HttpResponse:
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _refused(request, message, *, invitation: Invitation | None = None) -> HttpResponse:
    return _private(
        render(
            request,
            "matching/answer.html",
            {"error": message, "invitation": invitation},
            status=400,
        )
    )


@never_cache
@FORM_METHODS
@limit_posts("invitation_accept")
def accept(request, token: str):
    return _answer(request, token, accept=True)


@never_cache
@FORM_METHODS
@limit_posts("invitation_decline")
def decline(request, token: str):
    return _answer(request, token, accept=False)


# "Not interested" ----------------------------------------------------------------------------


@require_POST
@volunteer_view(active_only=True)
def dismiss(request, volunteer):
    form = DismissForm(request.POST)
    if form.is_valid():
        services.dismiss(
            volunteer=volunteer, shift=form.cleaned_data["shift"], task=form.cleaned_data["task"]
        )
        if wants_partial(request):
            return render(request, "matching/partials/dismissed.html", {"message": DISMISSED})
        messages.success(request, DISMISSED)
    else:
        messages.error(request, _("Bu öneri bulunamadı."))
    return redirect(reverse("volunteers:dashboard") + "#recommended")

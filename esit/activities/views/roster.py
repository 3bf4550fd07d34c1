"""The coordinator's side of shifts: the roster, its CSV, decisions on sign-ups, check-in.

Pages read through selectors and change through services; every action is a
plain form post that redirects back (POST-redirect-GET).
"""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_stubs_ext import StrOrPromise

from esit.accounts.permissions import capability_required
from esit.activities import exports
from esit.activities.forms.planning import VolunteerSearchForm
from esit.activities.forms.signups import AddVolunteerForm, CheckInForm
from esit.activities.models import Activity, SignUp
from esit.activities.selectors import planning as planning_selectors
from esit.activities.selectors import signups as selectors
from esit.activities.selectors.scope import RUN_ACTIVITIES
from esit.activities.services import attendance, trail
from esit.activities.services import signups as services
from esit.activities.services.errors import ActivityError
from esit.activities.versions import ACTIVITIES_VERSION, PEOPLE_VERSION, roster_version
from esit.audit import exports as audited
from esit.core import kept_lists, versions
from esit.core.confirm import confirmation_page
from esit.reference.versions import REFERENCE_VERSION
from esit.volunteers.versions import VOLUNTEERS_VERSION


def _activity_or_404(request, pk: int):
    activity = selectors.roster_activity(user=request.user, activity_id=pk)
    if activity is None:
        raise Http404(_("Etkinlik bulunamadı."))
    return activity


def _roster_url(activity_id: int, shift_id: int | None = None) -> str:
    url = reverse("signups:roster", args=[activity_id])
    return f"{url}#shift-{shift_id}" if shift_id else url


ROSTER = "activities/signups/roster.html"


@dataclass(frozen=True)
class KeptRoster:
    """A page of an activity's roster as every coordinator who may open it sees it, rendered:
    the count, the page links and each shift's section. The buttons in it submit the page's
    one form (`roster-actions`, with the reader's CSRF token), rendered at each request."""

    # Our template's output, escaped as it was rendered; kept (pickled) as a SafeString.
    body: SafeString
    shown: int  # the sign-ups on the page, which the trail counts
    # The next start of a shift that still takes sign-ups ("add a volunteer" goes then).
    changes_at: datetime.datetime | None


def _roster_body(read, activity: Activity) -> KeptRoster:
    found = selectors.roster_of(activity, page=read.GET.get("page"))
    now = timezone.now()
    for row in found.shifts:
        # Adding someone follows the sign-up rules: only to a published shift still ahead.
        row.takes_sign_ups = (
            activity.status == Activity.Status.PUBLISHED and row.shift.starts_at > now
        )
    context = {"activity": activity, "shifts": found.shifts, "page_obj": found.page}
    context["page_links"] = render_to_string("core/pagination.html", context, request=read)
    return KeptRoster(
        body=render_to_string(f"{ROSTER}#roster-body", {**context, "total": found.total}),
        shown=len(found.page.object_list),
        changes_at=min(
            (row.shift.starts_at for row in found.shifts if row.takes_sign_ups), default=None
        ),
    )


@require_GET
@capability_required(RUN_ACTIVITIES)
def roster(request, pk: int):
    """Kept rendered per activity, language and page under the versions of its sign-ups, the
    activities, the volunteers, the staff who added people and the reference lists."""
    activity = selectors.roster_activity(user=request.user, activity_id=pk)
    if activity is None:
        raise Http404(_("Etkinlik bulunamadı."))
    read = versions.page_request(request, ["page"])
    kept = kept_lists.keep(
        f"roster:{activity.pk}:{get_language()}:{versions.query_digest(read)}",
        (
            roster_version(activity.pk),
            ACTIVITIES_VERSION,
            VOLUNTEERS_VERSION,
            PEOPLE_VERSION,
            REFERENCE_VERSION,
        ),
        # Read again after the versions: a change committed since the first read is in it.
        lambda: _roster_body(
            read, selectors.roster_activity(user=request.user, activity_id=pk) or activity
        ),
        changes_at=lambda kept: kept.changes_at,
    )
    # The roster shows volunteers' contact details: the trail keeps who looked, and when.
    trail.record(
        "activities.roster_viewed",
        by=request.user,
        obj=activity,
        summary=gettext_lazy("%(count)d vardiya kaydı gösterildi"),
        count=kept.shown,
    )
    return render(request, ROSTER, {"activity": activity, "roster": kept})


@require_GET
@capability_required(RUN_ACTIVITIES)
def roster_export(request, pk: int, file_format: str):
    """Streamed row by row (esit/audit/exports.py): a roster of 20,000 never sits in memory,
    cells that could run as formulas are written as text, and the download is audited."""
    activity = _activity_or_404(request, pk)
    return audited.download(
        request,
        file_format=file_format,
        action="activities.roster_exported",
        obj=activity,
        name=f"roster-{activity.pk}",
        title=_("Kayıt listesi"),
        header=exports.roster_header(),
        rows=exports.roster_rows(activity),
        count=selectors.roster_size(activity),
    )


def _staff_signup_or_404(request, pk: int):
    signup = selectors.signup_for_staff(user=request.user, signup_id=pk)
    if signup is None:
        raise Http404(_("Vardiya kaydı bulunamadı."))
    return signup


def _decide(request, pk: int, service, done: str, *, confirm=None):
    """Run a decision on a sign-up from the roster; `confirm(signup)` gives the confirmation
    step's texts for a destructive one (esit/core/confirm.py), asked before anything changes."""
    signup = _staff_signup_or_404(request, pk)
    back_url = _roster_url(signup.shift.activity_id, signup.shift_id)
    if confirm is not None:
        asked = confirmation_page(
            request, back_url=back_url, template="staff/confirm.html", **confirm(signup)
        )
        if asked is not None:
            return asked
    try:
        service(signup=signup, by=request.user)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done % {"name": signup.volunteer.full_name})
    return redirect(back_url)


def _shift_of(signup) -> dict:
    start = timezone.localtime(signup.shift.starts_at).strftime("%d.%m.%Y %H:%M")
    return {
        "name": signup.volunteer.full_name,
        "activity": signup.shift.activity.title,
        "start": start,
    }


def _confirm_decline(signup) -> dict:
    return {
        "title": _("%(name)s kaydı onaylanmasın mı?") % _shift_of(signup),
        "message": _(
            "%(activity)s, %(start)s. Gönüllüye e-posta gider; ayrılan yer bekleme listesindeki "
            "ilk uygun kişiye verilir."
        )
        % _shift_of(signup),
        "confirm_label": _("Evet, onaylama"),
    }


def _confirm_staff_cancel(signup) -> dict:
    if signup.status == SignUp.Status.WAITLISTED:
        return {
            "title": _("%(name)s bekleme listesinden çıkarılsın mı?") % _shift_of(signup),
            "message": _("%(activity)s, %(start)s. Gönüllüye e-posta gider.") % _shift_of(signup),
            "confirm_label": _("Evet, listeden çıkar"),
        }
    return {
        "title": _("%(name)s kaydı iptal edilsin mi?") % _shift_of(signup),
        "message": _(
            "%(activity)s, %(start)s. Gönüllüye e-posta gider; yer bekleme listesindeki ilk "
            "uygun kişiye verilir."
        )
        % _shift_of(signup),
        "confirm_label": _("Evet, kaydı iptal et"),
    }


@require_POST
@capability_required(RUN_ACTIVITIES)
def approve(request, pk: int):
    return _decide(
        request,
        pk,
        services.approve_sign_up,
        _("%(name)s kaydı onaylandı; gönüllüye e-posta gidiyor."),
    )


@require_POST
@capability_required(RUN_ACTIVITIES)
def decline(request, pk: int):
    return _decide(
        request,
        pk,
        services.decline_sign_up,
        _("%(name)s kaydı onaylanmadı; gönüllüye e-posta gidiyor."),
        confirm=_confirm_decline,
    )


@require_POST
@capability_required(RUN_ACTIVITIES)
def staff_cancel(request, pk: int):
    return _decide(
        request,
        pk,
        services.cancel_sign_up,
        _("%(name)s kaydı iptal edildi; gönüllüye e-posta gidiyor."),
        confirm=_confirm_staff_cancel,
    )


# Keyed by the status's value, which is what a sign-up's `status` holds.
ADDED: dict[str, StrOrPromise] = {
    SignUp.Status.CONFIRMED: gettext_lazy("%(name)s vardiyaya eklendi; kendisine e-posta gidiyor."),
    SignUp.Status.WAITLISTED: gettext_lazy(
        "Vardiya dolu olduğu için %(name)s bekleme listesine eklendi; kendisine e-posta gidiyor."
    ),
}


@require_http_methods(["GET", "POST"])
@capability_required(RUN_ACTIVITIES)
def add_volunteer(request, pk: int):
    """Find an active volunteer by name or e-mail (GET), then add them to the shift (POST).

    The sign-up rules hold as for the volunteer (places, waitlist, overlaps); the
    coordinator may go outside the shift's requirements by ticking the box.
    """
    shift = selectors.shift_for_adding(user=request.user, shift_id=pk)
    if shift is None:
        raise Http404(_("Vardiya bulunamadı."))
    search_form = VolunteerSearchForm(request.GET or None)
    search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    candidates = list(planning_selectors.assignable_volunteers(search=search))
    form = AddVolunteerForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        volunteer = form.cleaned_data["volunteer"]
        try:
            signup = services.sign_up(
                volunteer=volunteer,
                shift=shift,
                by=request.user,
                override_requirements=form.cleaned_data["override_requirements"],
            )
        except ActivityError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, ADDED[signup.status] % {"name": volunteer.full_name})
            return redirect(_roster_url(shift.activity_id, shift.pk))
    return render(
        request,
        "activities/signups/add_volunteer.html",
        {
            "shift": shift,
            "activity": shift.activity,
            "search_form": search_form,
            "form": form,
            "candidates": candidates,
            "searched": bool(search),
        },
    )


def _sheet_or_404(request, pk: int):
    sheet = selectors.check_in_sheet(user=request.user, shift_id=pk)
    if sheet is None:
        raise Http404(_("Vardiya bulunamadı."))
    return sheet


def _render_check_in(request, sheet, form, *, status=200):
    now = timezone.now()
    return render(
        request,
        "activities/signups/check_in.html",
        {
            "sheet": sheet,
            "shift": sheet.shift,
            "activity": sheet.shift.activity,
            "form": form,
            "is_open": attendance.check_in_is_open(sheet.shift, now=now),
            "has_ended": sheet.shift.ends_at <= now,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@capability_required(RUN_ACTIVITIES)
def check_in(request, pk: int):
    sheet = _sheet_or_404(request, pk)
    if request.method == "GET":
        return _render_check_in(request, sheet, CheckInForm())
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            signup = attendance.check_in(
                shift=sheet.shift, code=form.cleaned_data["code"], by=request.user
            )
        except ActivityError as error:
            form.add_error(error.field or "code", error.message)
        else:
            messages.success(
                request,
                _("%(name)s geldi olarak işaretlendi.") % {"name": signup.volunteer.full_name},
            )
            return redirect("signups:check_in", pk=pk)
    return _render_check_in(request, sheet, form)


@require_POST
@capability_required(RUN_ACTIVITIES)
def mark_no_shows(request, pk: int):
    sheet = _sheet_or_404(request, pk)
    asked = confirmation_page(
        request,
        title=_("Yoklamada işaretlenmeyenler gelmedi olarak kaydedilsin mi?"),
        message=ngettext(
            "%(count)d onaylı gönüllü yoklamada işaretlenmedi; gelmedi olarak kaydedilir. "
            "Gelmeyenler eşleştirmede güvenilirlik puanını düşürür.",
            "%(count)d onaylı gönüllü yoklamada işaretlenmedi; gelmedi olarak kaydedilirler. "
            "Gelmeyenler eşleştirmede güvenilirlik puanını düşürür.",
            sheet.still_expected,
        )
        % {"count": sheet.still_expected},
        confirm_label=_("Evet, gelmedi olarak işaretle"),
        back_url=reverse("signups:check_in", args=[pk]),
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    try:
        count = attendance.mark_no_shows(shift=sheet.shift, by=request.user)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d gönüllü gelmedi olarak işaretlendi.",
                "%(count)d gönüllü gelmedi olarak işaretlendi.",
                count,
            )
            % {"count": count},
        )
    return redirect("signups:check_in", pk=pk)

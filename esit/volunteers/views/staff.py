"""Volunteers for staff: the directory, a volunteer's page, the actions on her.

Read with selectors, change with services, render; every page needs the capability of
managing volunteers and shows only the volunteers of the reader's scope.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from esit.accounts.permissions import capability_required
from esit.audit import services as audit
from esit.audit.selectors import events_about
from esit.core.htmx import wants_partial
from esit.core.panels import panels_for
from esit.notifications.selectors import delivery_history
from esit.reference import availability

from .. import selectors
from ..filters import VolunteerFilter
from ..models import Volunteer
from ..selectors import MANAGE

PAGE_SIZE = 25
AUDIT_SHOWN = 20


def filtered(request) -> VolunteerFilter:
    """The directory as the query string narrows it: the list, the message to a selection and
    the export all read the same volunteers. Always bound, even to an empty query: the
    work measures and the order are added by the filters (VolunteerFilter.filter_queryset)."""
    return VolunteerFilter(request.GET, queryset=selectors.directory(user=request.user))


@require_GET
@capability_required(MANAGE)
def volunteer_list(request):
    filters = filtered(request)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "volunteers/staff/list.html"
    if wants_partial(request):
        template += "#directory-results"
    response = render(
        request,
        template,
        {
            "filter_form": filters.form,
            "page_obj": page,
            "query": request.GET.urlencode(),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def volunteer_or_404(request, pk: int) -> Volunteer:
    try:
        return selectors.volunteer_for_staff(pk, user=request.user)
    except Volunteer.DoesNotExist:
        raise Http404(_("Gönüllü bulunamadı.")) from None


@require_GET
@capability_required(MANAGE)
def volunteer_detail(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    # A staff member read a person's page: the trail keeps who and when.
    audit.record(
        action="volunteers.viewed",
        actor=request.user,
        obj=volunteer,
        person=volunteer,
        summary=_("Gönüllü sayfası açıldı."),
    )
    return render_detail(request, volunteer)


def render_detail(request, volunteer: Volunteer, **forms):
    people = [volunteer, volunteer.user]
    if volunteer.application is not None:
        people.append(volunteer.application)  # the events about her as an applicant
    return render(
        request,
        "volunteers/staff/detail.html",
        {
            "volunteer": volunteer,
            "week": availability.grid(volunteer.availability),
            "parts": [label for _part, label in availability.PARTS],
            "sections": panels_for("staff_volunteer", request, volunteer=volunteer),
            "deliveries": delivery_history(user=volunteer.user, addresses=[volunteer.user.email]),
            "audit_events": events_about(*people, limit=AUDIT_SHOWN)
            if request.user.has_perm("audit.read_audit_log")
            else None,
            **forms,
        },
    )

"""The public activity pages: the list with its filters, and one activity.

Reads go through selectors/public.py; this module only decides what the
viewer may do (prepared flags and URLs the templates read).
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_stubs_ext import StrOrPromise

from esit.accounts.permissions import staff_gate
from esit.core import versions
from esit.privacy.models import PrivacyNotice
from esit.privacy.services import current_notice
from esit.volunteers.models import Volunteer

from ..filters import PublicActivityFilter
from ..forms.public import ParticipantForm
from ..models import Activity, Shift, SignUp, Task, TaskAssignment
from ..selectors import public as selectors
from ..services import requirements
from ..services import signups as signup_rules
from ..versions import ACTIVITIES_VERSION, PLACES_VERSION

if TYPE_CHECKING:
    from ..selectors.public import DetailedActivity, ShiftOnPage

PAGE_SIZE = 20
# What the list reads of its query string: its filters and the page.
LIST_PARAMETERS = (*PublicActivityFilter.base_filters, "page")


@require_GET
def activity_list(request):
    """The same for everyone who asks with the same filters (nothing in it depends on who
    asks, and its form is a GET without a CSRF token): its content is built once per
    language, query string (the part of it the list reads: LIST_PARAMETERS) and content
    version (any change to an activity, a shift, a sign-up or a registration draws new ones)
    and kept PUBLIC_PAGE_CACHE_SECONDS at most (what is "upcoming" moves with the clock). The
    layout around it is rendered each time."""

    read = versions.page_request(request, LIST_PARAMETERS)

    def build() -> tuple[str, bool]:
        filters = PublicActivityFilter(read.GET, queryset=selectors.public_activities())
        page = Paginator(filters.qs, PAGE_SIZE).get_page(read.GET.get("page"))
        context = {"filter_form": filters.form, "page_obj": page, "past": filters.past}
        content = render_to_string(
            "activities/public/partials/list_content.html", context, request=read
        )
        return str(content), filters.past

    content, past = versions.cached(
        f"activities:list:{get_language()}:{versions.query_digest(read)}",
        (ACTIVITIES_VERSION, PLACES_VERSION),
        build,
        timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
    )
    return render(
        request,
        "activities/public/list.html",
        {"content": mark_safe(content), "past": past},  # noqa: S308 - our own rendered template
    )


@dataclass(frozen=True)
class ShiftRow:
    shift: Shift
    # Free places a first-time volunteer can take, and how many of them are kept for
    # first-timers only (a returning volunteer can take places_left - kept_for_newcomers).
    places_left: int
    kept_for_newcomers: int
    my_signup: SignUp | None
    sign_up_url: str | None
    cancel_url: str | None
    # Why "cancel my sign-up" is not offered (services.signups.own_cancel_refusal), and
    # whether signing up now means the place could no longer be cancelled.
    cancel_refusal: StrOrPromise | None = None
    no_own_cancel_after_sign_up: bool = False
    # What the volunteer lacks of the shift's required areas and languages (no sign-up then).
    requirements_refusal: str | None = None


@dataclass(frozen=True)
class TaskRow:
    task: Task
    places_left: int
    my_assignment: TaskAssignment | None
    claim_url: str | None
    requirements_refusal: str | None = None


def _active_volunteer(user):
    """The signed-in person's active volunteer profile, or None (one query, none for visitors)."""
    if not user.is_authenticated:
        return None
    # Areas and languages: the page tells a volunteer which shifts and tasks they cannot take.
    volunteer = Volunteer.objects.filter(user=user).prefetch_related("areas", "languages").first()
    if volunteer is None:
        return None
    volunteer.user = user  # the layout's `user.volunteer` costs nothing more
    return volunteer if volunteer.is_active else None


def _unmet(volunteer, target) -> requirements.Unmet:
    """The requirements rule on what the page already loaded (no query per row)."""
    return requirements.unmet(
        area_ids=[area.pk for area in volunteer.areas.all()],
        language_ids=[known.language_id for known in volunteer.languages.all()],
        required_areas=target.required_areas.all(),
        required_languages=target.required_languages.all(),
    )


def _places_for_returning(shift: "ShiftOnPage", places_left: int) -> int:
    """Free places a returning volunteer can still take (the newcomer rule, services/signups.py)."""
    if not shift.newcomer_places:
        return places_left
    returning_room = shift.capacity - shift.newcomer_places - shift.returning_taken
    return max(min(places_left, returning_room), 0)


def _shift_rows(activity: Activity, volunteer, open_for_volunteers: bool, now) -> list[ShiftRow]:
    rows = []
    for shift in selectors.shifts_on_page(activity):
        shift.activity = activity
        places_left = max(shift.capacity - shift.places_taken, 0)
        mine = (getattr(shift, "my_signups", None) or [None])[0]
        can_act = volunteer is not None and open_for_volunteers and shift.starts_at > now
        refusal = None
        if mine is not None:
            mine.shift = shift
            refusal = signup_rules.own_cancel_refusal(mine, now=now)
        may_sign_up = can_act and mine is None
        refused_by_requirements = None
        if may_sign_up and (missing := _unmet(volunteer, shift)):
            refused_by_requirements = requirements.refusal_for_volunteer(missing, kind="shift")
            may_sign_up = False
        rows.append(
            ShiftRow(
                shift=shift,
                places_left=places_left,
                kept_for_newcomers=places_left - _places_for_returning(shift, places_left),
                my_signup=mine,
                sign_up_url=reverse("signups:sign_up", args=[shift.pk]) if may_sign_up else None,
                cancel_url=reverse("signups:cancel", args=[mine.pk])
                if can_act and mine and refusal is None
                else None,
                cancel_refusal=refusal if can_act and mine else None,
                no_own_cancel_after_sign_up=may_sign_up
                and signup_rules.cancellation_deadline_passed(shift, now=now),
                requirements_refusal=refused_by_requirements,
            )
        )
    return rows


def _task_rows(activity: Activity, volunteer, open_for_volunteers: bool, today) -> list[TaskRow]:
    rows = []
    for task in selectors.tasks_on_page(activity):
        mine = (getattr(task, "my_assignments", None) or [None])[0]
        places_left = max(task.places - task.places_taken, 0)
        can_claim = (
            volunteer is not None
            and open_for_volunteers
            and mine is None
            and places_left > 0
            and task.due_date >= today
        )
        refused_by_requirements = None
        if can_claim and (missing := _unmet(volunteer, task)):
            refused_by_requirements = requirements.refusal_for_volunteer(missing, kind="task")
            can_claim = False
        rows.append(
            TaskRow(
                task=task,
                places_left=places_left,
                my_assignment=mine,
                claim_url=reverse("work:claim_task", args=[task.pk]) if can_claim else None,
                requirements_refusal=refused_by_requirements,
            )
        )
    return rows


def _may_preview_drafts(request) -> bool:
    """Staff who pass the staff gate (two factors) may preview drafts; anyone else is public."""
    user = request.user
    return user.is_authenticated and user.is_staff_member and staff_gate(request) is None


def load_activity(request, pk: int, *, volunteer=None) -> "DetailedActivity":
    include_drafts = _may_preview_drafts(request)
    try:
        if volunteer is None and not include_drafts:
            # What every visitor sees alike (no one's sign-ups, no drafts): read once per
            # content version of activities and places.
            return versions.cached(
                f"activities:detail:{pk}",
                (ACTIVITIES_VERSION, PLACES_VERSION),
                lambda: selectors.activity_detail(pk=pk),
                timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
            )
        return selectors.activity_detail(pk=pk, include_drafts=include_drafts, volunteer=volunteer)
    except Activity.DoesNotExist:
        raise Http404(_("Etkinlik bulunamadı.")) from None


def registration_is_open(activity: Activity, now) -> bool:
    return (
        activity.public_registration
        and activity.status == Activity.Status.PUBLISHED
        and activity.starts_at > now
    )


BODY_TEMPLATE = "activities/public/partials/detail_body.html"


def render_detail(request, activity: "DetailedActivity", *, volunteer, form=None, status=200):
    """The activity page; `form` is the registration form when it comes back with errors."""
    now = timezone.now()
    registration_open = registration_is_open(activity, now)

    def body_context() -> dict:
        open_for_volunteers = activity.status == Activity.Status.PUBLISHED
        return {
            "activity": activity,
            "volunteer": volunteer,
            "shift_rows": _shift_rows(activity, volunteer, open_for_volunteers, now),
            "task_rows": _task_rows(
                activity, volunteer, open_for_volunteers, timezone.localdate(now)
            ),
            "is_past": activity.ends_at <= now,
            "login_url": f"{reverse('account_login')}?{urlencode({'next': request.path})}",
        }

    context = {
        "activity": activity,
        "registration_open": registration_open,
        "public_places_left": max(activity.public_capacity - activity.participants_confirmed, 0),
        "form": None,
        "notice": None,
    }
    if request.user.is_authenticated:
        context.update(body_context())
    else:
        context["body"] = _visitors_body(request, activity, body_context, now)
    if registration_open:
        context["form"] = form or ParticipantForm()
        context["notice"] = current_notice(PrivacyNotice.Kind.INFORMATION)
        context["notice_url"] = reverse("privacy:notice")
    response = render(request, "activities/public/detail.html", context, status=status)
    if activity.status == Activity.Status.DRAFT:
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def _visitors_body(request, activity, body_context, now) -> str:
    """What a visitor who is not signed in sees above the registration form (its facts,
    shifts, places and tasks): the same for every visitor, so rendered once per language and
    content version of activities and places (the way the list is kept), and never past the
    moment the activity ends, when it turns into "ended"."""
    html = versions.cached(
        f"activities:detail-body:{activity.pk}:{get_language()}",
        (ACTIVITIES_VERSION, PLACES_VERSION),
        lambda: str(render_to_string(BODY_TEMPLATE, body_context(), request=request)),
        timeout=kept_for(activity.ends_at, now),
    )
    return mark_safe(html)  # noqa: S308 - our own rendered template


def kept_for(ends_at, now) -> int:
    """Seconds a visitor's copy of an activity page may be kept: PUBLIC_PAGE_CACHE_SECONDS,
    and no longer than until the activity ends (at least one second)."""
    if ends_at <= now:  # an ended activity changes no more by the clock
        return settings.PUBLIC_PAGE_CACHE_SECONDS
    return versions.seconds_until(ends_at, at_most=settings.PUBLIC_PAGE_CACHE_SECONDS, now=now)


@require_GET
def activity_detail(request, pk: int):
    volunteer = _active_volunteer(request.user)
    activity = load_activity(request, pk, volunteer=volunteer)
    return render_detail(request, activity, volunteer=volunteer)

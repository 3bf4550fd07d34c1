"""Staff planning pages: activities, their shifts and tasks.

Read with selectors, change with services, render. Every action is a plain
form post that redirects (POST-redirect-GET); a refused change re-renders the
form with the service's message next to the field it names, and keeps what
was typed.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from esit.accounts.permissions import capability_required
from esit.activities.selectors.participants import exported_participants
from esit.activities.selectors.scope import RUN_ACTIVITIES
from esit.audit import exports as audited
from esit.core.panels import panels_for

from .. import exports
from ..filters import ActivityListFilter
from ..forms import planning as forms
from ..models import Activity, Shift, Task
from ..selectors import planning as selectors
from ..services import planning as services
from ..services import work
from ..services.errors import ActivityError

PAGE_SIZE = 25
FORM_METHODS = require_http_methods(["GET", "POST"])


def _refusal_to_form(form, error: ActivityError) -> None:
    """Show a service's refusal next to its field, or above the form when it names none."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _reverse_or_none(name: str, pk: int) -> str | None:
    """Another part's page, when that part has built it."""
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return None


def _activity_or_404(request, pk: int) -> Activity:
    try:
        return selectors.staff_activity(pk, user=request.user)
    except Activity.DoesNotExist:
        raise Http404(_("Etkinlik bulunamadı.")) from None


def _shift_or_404(request, activity_pk: int, pk: int) -> Shift:
    try:
        return selectors.staff_shift(user=request.user, activity_pk=activity_pk, pk=pk)
    except Shift.DoesNotExist:
        raise Http404(_("Vardiya bulunamadı.")) from None


def _task_or_404(request, activity_pk: int, pk: int) -> Task:
    try:
        return selectors.staff_task(user=request.user, activity_pk=activity_pk, pk=pk)
    except Task.DoesNotExist:
        raise Http404(_("Görev bulunamadı.")) from None


def _detail_url(activity_pk: int, anchor: str = "") -> str:
    return reverse("planning:detail", args=[activity_pk]) + (f"#{anchor}" if anchor else "")


# Activities -------------------------------------------------------------


@require_GET
@capability_required(RUN_ACTIVITIES)
def activity_list(request):
    filters = _filtered(request)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/planning/list.html",
        {"filter_form": filters.form, "page_obj": page, "query": request.GET.urlencode()},
    )


def _filtered(request) -> ActivityListFilter:
    """The list as the query string narrows it: the page and its two exports read the same
    activities, within the reader's scope."""
    return ActivityListFilter(
        request.GET or None, queryset=selectors.staff_activity_list(user=request.user)
    )


@require_GET
@capability_required(RUN_ACTIVITIES)
def activity_export(request, file_format: str):
    """The filtered list as a spreadsheet, streamed and audited (esit/audit/exports.py)."""
    return audited.filtered_download(
        request,
        filters=_filtered(request),
        rows=exports.activity_rows,
        file_format=file_format,
        action="activities.exported",
        name="etkinlikler",
        title=_("Etkinlikler"),
        header=exports.activity_header(),
    )


@require_GET
@capability_required(RUN_ACTIVITIES)
def participants_export(request, file_format: str):
    """The public participants of every activity of the filtered list, streamed and audited:
    the same activities as the page, so nothing outside the reader's scope."""
    filters = _filtered(request)
    return audited.download(
        request,
        filters=filters,
        file_format=file_format,
        action="activities.participants_exported",
        name="katilimcilar",
        title=_("Katılımcılar"),
        header=exports.participant_header(),
        rows=exports.participant_rows(filters.qs),
        count=exported_participants(activities=filters.qs).count(),
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def activity_create(request):
    form = forms.ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(by=request.user, **form.activity_fields())
        except ActivityError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(request, _("Etkinlik oluşturuldu. Şimdi vardiya ya da görev ekleyin."))
            return redirect("planning:detail", pk=activity.pk)
    return render(request, "activities/planning/activity_form.html", {"form": form})


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def activity_edit(request, pk: int):
    activity = _activity_or_404(request, pk)
    if request.method == "POST":
        form = forms.ActivityForm(request.POST)
        if form.is_valid():
            try:
                services.update_activity(
                    activity=activity, by=request.user, **form.activity_fields()
                )
            except ActivityError as error:
                _refusal_to_form(form, error)
            else:
                messages.success(request, _("Etkinlik kaydedildi."))
                return redirect("planning:detail", pk=pk)
    else:
        form = forms.ActivityForm.for_activity(activity)
    return render(
        request, "activities/planning/activity_form.html", {"form": form, "activity": activity}
    )


@require_GET
@capability_required(RUN_ACTIVITIES)
def activity_detail(request, pk: int):
    try:
        activity = selectors.staff_activity_detail(pk, user=request.user)
    except Activity.DoesNotExist:
        raise Http404(_("Etkinlik bulunamadı.")) from None
    is_cancelled = activity.status == Activity.Status.CANCELLED
    shows_publicly = activity.status in (Activity.Status.PUBLISHED, Activity.Status.COMPLETED)
    return render(
        request,
        "activities/planning/detail.html",
        {
            "activity": activity,
            "can_change": not is_cancelled,
            "roster_url": _reverse_or_none("signups:roster", pk),
            # Staff see who registered as long as the activity takes (or took) registrations.
            "participants_url": reverse("activities:participants", args=[pk])
            if activity.public_registration
            or activity.participants_confirmed
            or activity.participants_waitlisted
            else None,
            "public_url": _reverse_or_none("activities:detail", pk) if shows_publicly else None,
            # "Find volunteers" for each shift and task, when matching is installed.
            "finds_volunteers": _reverse_or_none("matching:shift_matches", pk) is not None
            and not is_cancelled,
            "sections": panels_for("staff_activity", request, activity=activity),
        },
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def activity_copy(request, pk: int):
    activity = _activity_or_404(request, pk)
    form = forms.CopyActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.copy_activity(
                activity=activity, by=request.user, starts_at=form.cleaned_data["starts_at"]
            )
        except ActivityError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(
                request,
                _("Etkinlik taslak olarak kopyalandı; yayımlamadan önce gözden geçirin."),
            )
            return redirect("planning:detail", pk=copy.pk)
    return render(request, "activities/planning/copy.html", {"form": form, "activity": activity})


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def activity_cancel(request, pk: int):
    activity = _activity_or_404(request, pk)
    if activity.status == Activity.Status.CANCELLED:
        messages.info(request, _("Bu etkinlik zaten iptal edilmiş."))
        return redirect("planning:detail", pk=pk)
    form = forms.CancelActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_activity(
                activity=activity, by=request.user, message=form.cleaned_data["message"]
            )
        except ActivityError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Etkinlik iptal edildi; kayıtlı herkese e-posta gönderiliyor.")
            )
        return redirect("planning:detail", pk=pk)
    return render(request, "activities/planning/cancel.html", {"form": form, "activity": activity})


# Shifts -----------------------------------------------------------------


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def shift_create(request, pk: int):
    activity = _activity_or_404(request, pk)
    if request.method == "POST":
        form = forms.ShiftForm(request.POST)
        if form.is_valid():
            try:
                services.create_shift(activity=activity, **form.service_fields())
            except ActivityError as error:
                _refusal_to_form(form, error)
            else:
                messages.success(request, _("Vardiya eklendi."))
                return redirect(_detail_url(pk, "shifts"))
    else:
        form = forms.ShiftForm(
            initial={"starts_at": activity.starts_at, "ends_at": activity.ends_at}
        )
    return render(
        request, "activities/planning/shift_form.html", {"form": form, "activity": activity}
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def shift_edit(request, pk: int, shift_pk: int):
    shift = _shift_or_404(request, pk, shift_pk)
    if request.method == "POST":
        form = forms.ShiftForm(request.POST)
        if form.is_valid():
            try:
                services.update_shift(shift=shift, **form.service_fields())
            except ActivityError as error:
                _refusal_to_form(form, error)
            else:
                messages.success(request, _("Vardiya kaydedildi."))
                return redirect(_detail_url(pk, "shifts"))
    else:
        form = forms.ShiftForm.for_instance(shift)
    return render(
        request,
        "activities/planning/shift_form.html",
        {"form": form, "activity": shift.activity, "shift": shift},
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def shift_delete(request, pk: int, shift_pk: int):
    shift = _shift_or_404(request, pk, shift_pk)
    if request.method == "POST":
        try:
            services.delete_shift(shift=shift)
        except ActivityError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Vardiya silindi."))
        return redirect(_detail_url(pk, "shifts"))
    return render(
        request,
        "activities/planning/shift_delete.html",
        {"shift": shift, "activity": shift.activity},
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def shift_repeat(request, pk: int, shift_pk: int):
    shift = _shift_or_404(request, pk, shift_pk)
    form = forms.RepeatShiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.repeat_shift_weekly(
                shift=shift, weeks=form.cleaned_data["weeks"], until=form.cleaned_data["until"]
            )
        except ActivityError as error:
            _refusal_to_form(form, error)
        else:
            _report_repeat(request, len(created), getattr(created, "skipped", 0))
            return redirect(_detail_url(pk, "shifts"))
    return render(
        request,
        "activities/planning/shift_repeat.html",
        {"form": form, "shift": shift, "activity": shift.activity},
    )


def _report_repeat(request, created: int, skipped: int) -> None:
    (messages.success if created else messages.info)(
        request,
        ngettext(
            "%(count)d haftalık vardiya eklendi.", "%(count)d haftalık vardiya eklendi.", created
        )
        % {"count": created},
    )
    if skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)d hafta, o saatte zaten bir vardiya olduğu için atlandı.",
                "%(count)d hafta, o saatte zaten bir vardiya olduğu için atlandı.",
                skipped,
            )
            % {"count": skipped},
        )


# Tasks ------------------------------------------------------------------


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def task_create(request, pk: int):
    activity = _activity_or_404(request, pk)
    form = forms.TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_task(activity=activity, **form.service_fields())
        except ActivityError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(request, _("Görev eklendi."))
            return redirect(_detail_url(pk, "tasks"))
    return render(
        request, "activities/planning/task_form.html", {"form": form, "activity": activity}
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def task_edit(request, pk: int, task_pk: int):
    task = _task_or_404(request, pk, task_pk)
    if request.method == "POST":
        form = forms.TaskForm(request.POST)
        if form.is_valid():
            try:
                services.update_task(task=task, **form.service_fields())
            except ActivityError as error:
                _refusal_to_form(form, error)
            else:
                messages.success(request, _("Görev kaydedildi."))
                return redirect(_detail_url(pk, "tasks"))
    else:
        form = forms.TaskForm.for_instance(task)
    return render(
        request,
        "activities/planning/task_form.html",
        {"form": form, "activity": task.activity, "task": task},
    )


@FORM_METHODS
@capability_required(RUN_ACTIVITIES)
def task_assign(request, pk: int, task_pk: int):
    """Find an active volunteer by name or e-mail (GET), then give them the task (POST)."""
    task = _task_or_404(request, pk, task_pk)
    search_form = forms.VolunteerSearchForm(request.GET or None)
    search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    candidates = list(selectors.assignable_volunteers(search=search))
    form = forms.AssignTaskForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        volunteer = form.cleaned_data["volunteer"]
        try:
            work.assign_task(
                task=task,
                volunteer=volunteer,
                by=request.user,
                override_requirements=form.cleaned_data["override_requirements"],
            )
        except ActivityError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s göreve atandı; kendisine e-posta gönderiliyor.")
                % {"name": volunteer.full_name},
            )
            return redirect(_detail_url(pk, "tasks"))
    return render(
        request,
        "activities/planning/task_assign.html",
        {
            "task": task,
            "activity": task.activity,
            "search_form": search_form,
            "form": form,
            "candidates": candidates,
            "searched": bool(search),
        },
    )

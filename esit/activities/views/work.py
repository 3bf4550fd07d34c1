"""Tasks: volunteers claim, deliver and release them; coordinators accept or return the work.

Every action is a plain form post that redirects (POST-redirect-GET).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.activities.forms.work import AcceptForm, DeliveryForm, ReturnForm
from esit.activities.models import Task, TaskAssignment
from esit.activities.selectors import work as selectors
from esit.activities.selectors.scope import RUN_ACTIVITIES
from esit.activities.services import work as services
from esit.activities.services.errors import ActivityError
from esit.core.confirm import confirmation_page
from esit.volunteers.permissions import volunteer_view

PAGE_SIZE = 25


def _add_service_error(form, error: ActivityError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# Volunteers -------------------------------------------------------------------------------


@require_GET
@volunteer_view(active_only=True)
def my_tasks(request, volunteer):
    page = Paginator(selectors.own_assignments(volunteer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "activities/work/my_tasks.html", {"page_obj": page})


def _own_assignment_or_404(volunteer, pk: int) -> TaskAssignment:
    try:
        return selectors.own_assignment(volunteer=volunteer, pk=pk)
    except TaskAssignment.DoesNotExist:
        raise Http404(_("Görev bulunamadı.")) from None


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True)
def deliver(request, pk: int, volunteer):
    assignment = _own_assignment_or_404(volunteer, pk)
    form = DeliveryForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if form.is_valid():
        try:
            services.deliver_task(
                assignment=assignment,
                note=form.cleaned_data["note"],
                link=form.cleaned_data["link"],
                file=form.cleaned_data["file"],
            )
        except ActivityError as error:
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Teslim edildi. Koordinatör inceleyince size e-postayla haber vereceğiz."),
            )
            return redirect("work:my_tasks")
    return render(
        request,
        "activities/work/deliver.html",
        {
            "assignment": assignment,
            "form": form,
            "can_deliver": assignment.status
            in (TaskAssignment.Status.CLAIMED, TaskAssignment.Status.RETURNED),
        },
    )


@require_POST
@volunteer_view(active_only=True)
def release(request, pk: int, volunteer):
    assignment = _own_assignment_or_404(volunteer, pk)
    asked = confirmation_page(
        request,
        title=_("“%(title)s” görevi bırakılsın mı?") % {"title": assignment.task.title},
        message=_(
            "Yeri başka bir gönüllüye açılır. Fikrinizi değiştirirseniz yer kalmamış olabilir."
        ),
        confirm_label=_("Evet, görevi bırak"),
        back_url=reverse("work:my_tasks"),
    )
    if asked is not None:
        return asked
    try:
        services.release_task(assignment=assignment)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(title)s” görevini bıraktınız; yeri başka bir gönüllüye açıldı.")
            % {"title": assignment.task.title},
        )
    return redirect("work:my_tasks")


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True)
def claim_task(request, pk: int, volunteer):
    """The activity page's "I'll do it" button; a GET (after signing in) goes back there."""
    try:
        task = selectors.task_for_claim(pk)
    except Task.DoesNotExist:
        raise Http404(_("Görev bulunamadı.")) from None
    activity_url = reverse("activities:detail", args=[task.activity_id])
    if request.method == "GET":
        return redirect(activity_url)
    try:
        services.claim_task(volunteer=volunteer, task=task)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(title)s” görevini üstlendiniz. Teslim için Görevlerim sayfasını kullanın.")
            % {"title": task.title},
        )
    return redirect(activity_url)


# The delivered file: its volunteer under /me/, staff (with two factors) under /staff/ -------


def _file_response(assignment: TaskAssignment) -> FileResponse:
    try:
        handle = assignment.delivery_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Dosya bulunamadı.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=(assignment.delivery_file.name or "").rsplit("/", 1)[-1],
    )
    # Served as a download, never rendered by the browser in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@never_cache
@volunteer_view(active_only=True)
def my_delivery_file(request, pk: int, volunteer):
    try:
        assignment = selectors.own_delivery(volunteer=volunteer, pk=pk)
    except TaskAssignment.DoesNotExist:
        raise Http404(_("Dosya bulunamadı.")) from None
    return _file_response(assignment)


@require_GET
@never_cache
@capability_required(RUN_ACTIVITIES)
def delivery_file(request, pk: int):
    try:
        assignment = selectors.delivery_for_staff(pk, user=request.user)
    except TaskAssignment.DoesNotExist:
        raise Http404(_("Dosya bulunamadı.")) from None
    return _file_response(assignment)


# Staff ------------------------------------------------------------------------------------


@require_GET
@capability_required(RUN_ACTIVITIES)
def task_review(request):
    return _render_review(request)


def _plain(hours):
    """4.00 shown as 4 and 2.50 as 2.5: how a coordinator would type them."""
    return None if hours is None else f"{hours.normalize():f}"


def _render_review(request, *, failed: TaskAssignment | None = None, form=None):
    page = Paginator(selectors.task_review_queue(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = []
    for assignment in page:
        accept_form = AcceptForm(
            auto_id=f"accept-{assignment.pk}-%s",
            initial={"hours": _plain(assignment.task.estimated_hours)},
        )
        return_form = ReturnForm(auto_id=f"return-{assignment.pk}-%s")
        if failed is not None and failed.pk == assignment.pk:
            if isinstance(form, AcceptForm):
                accept_form = form
            else:
                return_form = form
        rows.append((assignment, accept_form, return_form))
    return render(
        request,
        "activities/work/task_review.html",
        {"page_obj": page, "rows": rows, "failed_form": form},
    )


def _reviewable_or_404(request, pk: int) -> TaskAssignment:
    try:
        return selectors.reviewable_assignment(pk, user=request.user)
    except TaskAssignment.DoesNotExist:
        raise Http404(_("Görev ataması bulunamadı.")) from None


@require_POST
@capability_required(RUN_ACTIVITIES)
def accept(request, pk: int):
    assignment = _reviewable_or_404(request, pk)
    form = AcceptForm(request.POST, auto_id=f"accept-{pk}-%s")
    if form.is_valid():
        try:
            services.accept_task(
                assignment=assignment,
                by=request.user,
                hours=form.cleaned_data["hours"],
                comment=form.cleaned_data["comment"],
            )
        except ActivityError as error:
            if error.field not in form.fields:
                messages.error(request, error.message)
                return redirect("work:task_review")
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s teslimi kabul edildi; saatler onay kuyruğuna eklendi.")
                % {"name": assignment.volunteer.full_name},
            )
            return redirect("work:task_review")
    return _render_review(request, failed=assignment, form=form)


@require_POST
@capability_required(RUN_ACTIVITIES)
def send_back(request, pk: int):
    assignment = _reviewable_or_404(request, pk)
    form = ReturnForm(request.POST, auto_id=f"return-{pk}-%s")
    if form.is_valid():
        try:
            services.return_task(
                assignment=assignment, by=request.user, comment=form.cleaned_data["comment"]
            )
        except ActivityError as error:
            if error.field not in form.fields:
                messages.error(request, error.message)
                return redirect("work:task_review")
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Teslim düzeltme için %(name)s kişisine geri gönderildi.")
                % {"name": assignment.volunteer.full_name},
            )
            return redirect("work:task_review")
    return _render_review(request, failed=assignment, form=form)

"""/staff/privacy/requests/: the register of data-subject requests that came by another
channel, for those who handle them (`privacy.handle_data_requests`)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esit.accounts.permissions import capability_required
from esit.core.forms import add_refusal

from . import requests
from .models import DataRequest
from .staff_forms import AnswerForm, DataRequestForm


@require_GET
@capability_required(requests.HANDLE)
def request_list(request):
    return render(
        request,
        "kvkk/staff/request_list.html",
        {"data_requests": requests.all_requests()[:200], "today": timezone.localdate()},
    )


@require_http_methods(["GET", "POST"])
@capability_required(requests.HANDLE)
def request_new(request):
    form = DataRequestForm(request.POST or None)
    if form.is_valid():
        try:
            logged = requests.log_request(by=request.user, **form.cleaned_data)
        except requests.RequestError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Başvuru kaydedildi."))
            return redirect("kvkk:request_detail", logged.pk)
    return render(request, "kvkk/staff/request_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@capability_required(requests.HANDLE)
def request_detail(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    form = AnswerForm(request.POST or None)
    if data_request.is_open and form.is_valid():
        try:
            requests.answer_request(
                request=data_request,
                by=request.user,
                answer=form.cleaned_data["answer"],
                refused=form.cleaned_data["refused"],
            )
        except requests.RequestError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Yanıt kaydedildi."))
            return redirect("kvkk:request_detail", pk)
    return render(
        request,
        "kvkk/staff/request_detail.html",
        {"data_request": data_request, "form": form, "today": timezone.localdate()},
    )

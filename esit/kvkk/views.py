"""The person's own data: read it, download it, have it erased."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from esit.applications.models import Application
from esit.core.personal_data_registry import DataSubject

from . import services
from .forms import ErasureForm


def _page(request, subject: DataSubject, *, json_href: str, erase_href: str | None):
    return render(
        request,
        "kvkk/my_data.html",
        {
            "held": services.held_data(subject),
            "meanings": services.CATEGORY_MEANINGS,
            "json_href": json_href,
            "erase_href": erase_href,
        },
    )


def _download(subject: DataSubject, filename: str) -> HttpResponse:
    document = services.export_document(subject)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _private(response: HttpResponse) -> HttpResponse:
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@never_cache
@login_required
def my_data(request):
    subject = services.subject_of_user(request.user)
    return _page(
        request,
        subject,
        json_href=reverse("kvkk:my_data_json"),
        erase_href=reverse("kvkk:erase_me"),
    )


@require_GET
@never_cache
@login_required
def my_data_json(request):
    subject = services.subject_of_user(request.user)
    services.record_export(subject=subject, actor=request.user, person=request.user)
    return _download(subject, "esit-izmir-verilerim.json")


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def erase_me(request):
    form = ErasureForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        services.erase(services.subject_of_user(request.user), actor=request.user)
        logout(request)
        return redirect("kvkk:erased")
    return render(request, "kvkk/erase.html", {"form": form})


@require_GET
def erased(request):
    return render(request, "kvkk/erased.html")


def _applicant(token: str) -> tuple[Application, DataSubject]:
    application = get_object_or_404(Application, status_token=token)
    return application, services.subject_of_addresses(
        email=application.email, phone=application.phone
    )


@require_GET
@never_cache
def applicant_data(request, token):
    _application, subject = _applicant(token)
    response = _page(
        request,
        subject,
        json_href=reverse("kvkk:applicant_data_json", args=[token]),
        erase_href=None,
    )
    return _private(response)


@require_GET
@never_cache
def applicant_data_json(request, token):
    application, subject = _applicant(token)
    services.record_export(subject=subject, actor=None, person=application)
    return _private(_download(subject, "esit-izmir-basvurum.json"))

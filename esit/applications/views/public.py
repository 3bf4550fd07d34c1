import uuid

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from esit.core.forms import add_refusal
from esit.core.network import client_ip
from esit.core.rate_limits import limit_posts
from esit.privacy.models import PrivacyNotice
from esit.privacy.services import current_notice
from esit.reference import availability

from .. import services
from ..forms.public import ApplicationForm, CorrectionForm, WithdrawForm
from ..models import Application, ApplicationLanguage

THANKS_SESSION_KEY = "esit_application_token"


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("apply", rate_setting="APPLY_RATE_LIMIT")
def apply(request):
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if form.is_bot:
            # Bots get the same answer as people and nothing is stored.
            return redirect("applications:thanks")
        if form.is_valid():
            try:
                submission = services.submit_application(
                    fields=form.application_fields(),
                    areas=form.cleaned_data["areas"],
                    languages=form.chosen_languages(),
                    consent=form.cleaned_data["consent"],
                    submission_key=form.cleaned_data["submission_key"],
                    language=get_language(),
                    ip=client_ip(request),
                )
            except services.ApplicationError as error:
                add_refusal(form, error)
            else:
                request.session[THANKS_SESSION_KEY] = submission.application.status_token
                return redirect("applications:thanks")
    else:
        form = ApplicationForm(initial={"submission_key": uuid.uuid4()})
    return render(
        request,
        "applications/apply.html",
        {
            "form": form,
            "notice": current_notice(PrivacyNotice.Kind.INFORMATION),
            "notice_url": reverse("privacy:notice"),
        },
    )


@never_cache
def thanks(request):
    # Shown once: the next person at a shared tablet must not find this applicant's link.
    token = request.session.pop(THANKS_SESSION_KEY, None)
    return render(request, "applications/thanks.html", {"status_token": token})


def _private(response):
    """A page behind the applicant's private link: never indexed.

    The token is in the address, yet no `Referrer-Policy: no-referrer` here: with it,
    Chromium posts the page's forms (withdraw, correct, language) with `Origin: null`,
    which Django's CSRF check rightly refuses. The site-wide `same-origin` policy
    (SECURE_REFERRER_POLICY) already keeps the address, token included, from other
    sites: only our own pages receive it as a referrer.
    """
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _application_or_404(token: str) -> Application:
    return get_object_or_404(
        Application.objects.select_related("district").prefetch_related(
            "areas",
            Prefetch("languages", queryset=ApplicationLanguage.objects.select_related("language")),
            "decisions",
        ),
        status_token=token,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("application_status")
def status(request, token):
    application = _application_or_404(token)
    # Not `request.POST or None`: an empty POST (box left unticked) must show its error.
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_application(application=application)
        except services.ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Başvurunuz geri çekildi. Size bir onay e-postası gönderdik.")
            )
        return redirect("applications:status", token=token)
    return _private(
        render(
            request,
            "applications/status.html",
            {
                "application": application,
                "form": form,
                "week": availability.grid(application.availability),
                "parts": [label for _part, label in availability.PARTS],
            },
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("application_correction", rate_setting="APPLY_RATE_LIMIT")
def correct(request, token):
    """The applicant corrects her pending application; bad input comes back as typed."""
    application = _application_or_404(token)
    if not application.is_open:
        messages.info(request, _("Bu başvuru artık düzeltilemez."))
        return redirect("applications:status", token=token)
    form = CorrectionForm(
        request.POST if request.method == "POST" else None, application=application
    )
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.correct_application(application=application, **form.correction())
        except services.ApplicationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _correction_done(correction))
            return redirect("applications:status", token=token)
    return _private(
        render(request, "applications/correct.html", {"application": application, "form": form})
    )


def _correction_done(correction: services.Correction) -> str:
    if not correction.changed:
        return _("Bilgilerinizde bir değişiklik yapmadınız; başvurunuz olduğu gibi duruyor.")
    if correction.email_changed:
        return _("Başvurunuz düzeltildi. Yeni e-posta adresinize bir onay e-postası gönderdik.")
    return _("Başvurunuz düzeltildi.")

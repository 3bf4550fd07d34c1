"""Service certificates: the volunteer's page and PDF, and the public verification page."""

import decimal

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from esit.activities.forms.work import CertificateLanguageForm
from esit.activities.models import Certificate
from esit.activities.selectors import hours as hours_selectors
from esit.activities.services import certificates as services
from esit.activities.services.errors import ActivityError
from esit.volunteers.permissions import volunteer_view


def _page_language() -> str:
    return "en" if get_language() == "en" else "tr"


# A volunteer who has left keeps the record of their work: certificates stay available.
@require_GET
@volunteer_view(active_only=False)
def certificate(request, volunteer):
    by_area = hours_selectors.approved_totals_by_area(volunteer)
    return render(
        request,
        "activities/work/certificate.html",
        {
            "by_area": by_area,
            "approved_total": hours_selectors.total_of(by_area),
            "form": CertificateLanguageForm(initial={"language": _page_language()}),
        },
    )


@require_GET
@volunteer_view(active_only=False)
def certificate_pdf(request, volunteer):
    form = CertificateLanguageForm(request.GET)
    language = form.cleaned_data["language"] if form.is_valid() else _page_language()
    try:
        issued = services.certificate_for_download(volunteer=volunteer)
    except ActivityError as error:
        messages.error(request, error.message)
        return redirect("work:certificate")
    pdf = services.render_certificate_pdf(certificate=issued, language=language)
    filename = f"esit-izmir-gonulluluk-belgesi-{timezone.localdate(issued.issued_at):%Y-%m-%d}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@never_cache
def verify_certificate(request, code: str):
    """Anyone holding the paper may check it: name, hours, areas and date, nothing more."""
    found = Certificate.objects.filter(code=code.strip().upper()).first()
    if found is None:
        return render(
            request, "activities/work/certificate_unknown.html", {"code": code}, status=404
        )
    language = _page_language()
    areas = [
        {
            "name": area["area_en"] if language == "en" else area["area_tr"],
            "hours": decimal.Decimal(area["hours"]),
        }
        for area in found.areas
    ]
    return render(
        request, "activities/work/verify_certificate.html", {"certificate": found, "areas": areas}
    )

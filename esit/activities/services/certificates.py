"""Service certificates: a frozen summary of approved hours, printable and verifiable.

A certificate records what was true the day it was issued (total, hours per
area, first and last day of work), so the verification page keeps showing the
same thing even after more hours are approved. Anyone holding the paper can
open `/certificates/<code>/` to check it.
"""

import datetime
import decimal
from dataclasses import dataclass
from typing import TypedDict

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.activities.models import Certificate, HoursEntry
from esit.activities.selectors.work import qr_svg
from esit.volunteers.models import Volunteer

from . import locks, trail
from .errors import ActivityError

# Hours logged without an area; stored in both languages like an area's name.
OTHER_WORK = _("Diğer çalışmalar")


def _in_language(language: str, text: StrOrPromise) -> str:
    with translation.override(language):
        return str(text)


class AreaHours(TypedDict):
    """One line of a certificate, as stored in Certificate.areas (JSON: hours as text)."""

    area_tr: str
    area_en: str
    hours: str


@dataclass(frozen=True)
class Summary:
    total_hours: decimal.Decimal
    first_date: datetime.date | None
    last_date: datetime.date | None
    areas: list[AreaHours]


def _summary(volunteer: Volunteer) -> Summary:
    approved = HoursEntry.objects.filter(
        volunteer=volunteer, status=HoursEntry.Status.APPROVED
    ).order_by()
    span = approved.aggregate(total=Sum("hours"), first=Min("date"), last=Max("date"))
    rows = (
        approved.values("area_id", "area__name_tr", "area__name_en", "area__position")
        .annotate(total=Sum("hours"))
        .order_by("area__position", "area__name_tr")
    )
    areas: list[AreaHours] = [
        {
            "area_tr": row["area__name_tr"] or _in_language("tr", OTHER_WORK),
            "area_en": row["area__name_en"]
            or row["area__name_tr"]
            or _in_language("en", OTHER_WORK),
            "hours": f"{row['total']:.2f}",
        }
        for row in sorted(rows, key=lambda row: row["area_id"] is None)
    ]
    return Summary(
        total_hours=(span["total"] or decimal.Decimal(0)).quantize(decimal.Decimal("0.01")),
        first_date=span["first"],
        last_date=span["last"],
        areas=areas,
    )


def issue_certificate(*, volunteer: Volunteer, reuse_today: bool = False) -> Certificate:
    """Freeze the volunteer's approved hours into a new certificate.

    Without approved hours there is nothing to certify: pending hours may still
    be rejected, so they never appear on a certificate. With `reuse_today`,
    today's latest certificate is returned instead when it still says exactly
    what a new one would; that check runs after the volunteer's lock, so two
    downloads at once cannot both decide to issue.
    """
    with transaction.atomic():
        # Serialises two downloads by the same person, so they cannot issue twice at once.
        volunteer = locks.lock_volunteer(volunteer.pk)
        summary = _summary(volunteer)
        if summary.total_hours <= 0:
            raise ActivityError(
                _(
                    "Henüz onaylanmış gönüllülük saatiniz yok. Saatleriniz onaylandığında "
                    "belgenizi buradan indirebilirsiniz."
                )
            )
        if reuse_today:
            latest = (
                Certificate.objects.filter(volunteer=volunteer)
                .order_by("-issued_at", "-id")
                .first()
            )
            if (
                latest is not None
                and timezone.localdate(latest.issued_at) == timezone.localdate()
                and _still_true(latest, volunteer, summary)
            ):
                return latest
        certificate = Certificate.objects.create(
            volunteer=volunteer,
            issued_at=timezone.now(),
            holder_name=volunteer.full_name,
            total_hours=summary.total_hours,
            first_date=summary.first_date,
            last_date=summary.last_date,
            areas=summary.areas,
        )
        # The volunteer asks for her own certificate: she is the one who acted.
        trail.record(
            "activities.certificate_issued",
            by=volunteer.user,
            obj=certificate,
            person=volunteer,
            summary=_("%(hours)s onaylı saat, %(areas)d alan"),
            hours=summary.total_hours,
            areas=len(summary.areas),
        )
        return certificate


def _still_true(certificate: Certificate, volunteer: Volunteer, summary: Summary) -> bool:
    return (
        certificate.holder_name == volunteer.full_name
        and certificate.total_hours == summary.total_hours
        and certificate.first_date == summary.first_date
        and certificate.last_date == summary.last_date
        and certificate.areas == summary.areas
    )


def certificate_for_download(*, volunteer: Volunteer) -> Certificate:
    """Today's certificate if nothing has changed since it was issued, else a new one.

    Downloading twice in a day must not fill the register with identical
    certificates, yet a certificate must never show less than was approved.
    """
    return issue_certificate(volunteer=volunteer, reuse_today=True)


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("work:verify_certificate", args=[certificate.code])


def render_certificate_pdf(*, certificate: Certificate, language: str) -> bytes:
    """The certificate as a PDF (WeasyPrint), in `language`, with Turkish letters intact.

    Fonts come from the system (DejaVu Sans, Bitstream Vera licence, on every
    Debian machine with fontconfig, which depends on fonts-dejavu-core; Noto Sans as a fallback).
    """
    from weasyprint import HTML  # heavy import, only where a PDF is made
    from weasyprint.urls import URLFetcher

    url = verification_url(certificate)
    with translation.override(language):
        html = render_to_string(
            "activities/work/certificate_pdf.html",
            {
                "certificate": certificate,
                "areas": [
                    {
                        "name": area["area_en"] if language == "en" else area["area_tr"],
                        "hours": decimal.Decimal(area["hours"]),
                    }
                    for area in certificate.areas
                ],
                "verification_url": url,
                "qr": qr_svg(url),
                "language": language,
            },
        )
    # The template needs nothing from outside: no file, no network, whatever a name contains.
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf

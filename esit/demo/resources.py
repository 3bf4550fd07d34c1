"""Demo resources: public and volunteers-only guides (small real PDF and PNG files made here:
the PDF by WeasyPrint, the picture by Pillow), links, a volunteer's proposal waiting for
review, and a moderated item (a resource three volunteers reported, hidden by their reports
until a moderator looks).

Added through the library's and moderation's services, so they obey the product's rules;
each is keyed by its title and left as it is when it exists, so a second run changes nothing.
"""

import io
from html import escape
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from esit.accounts.models import User
from esit.moderation.services import report_content
from esit.reference.models import VolunteerArea
from esit.resources import services
from esit.resources.models import Resource
from esit.volunteers.models import Volunteer

from .accounts import DEMO_VOLUNTEER_EMAIL


def _pdf(title: str, text: str) -> bytes:
    from weasyprint import HTML  # heavy import, only where a PDF is made
    from weasyprint.urls import URLFetcher

    html = (
        '<html lang="tr"><body style="font-family: DejaVu Sans, sans-serif">'
        f"<h1>{escape(title)}</h1><p>{escape(text)}</p></body></html>"
    )
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    return pdf


def _png(text: str) -> bytes:
    picture = Image.new("RGB", (600, 300), "#5b2a86")
    ImageDraw.Draw(picture).text((30, 130), text, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _areas(*slugs: str) -> list[VolunteerArea]:
    return list(VolunteerArea.objects.filter(slug__in=slugs))


def seed_resources(*, coordinator: User) -> int:
    """Returns how many resources were new."""
    volunteers = list(
        Volunteer.objects.filter(status=Volunteer.Status.ACTIVE)
        .exclude(user__email=DEMO_VOLUNTEER_EMAIL)
        .select_related("user")
        .order_by("pk")[:4]
    )
    demo_volunteer = User.objects.filter(email=DEMO_VOLUNTEER_EMAIL).first()
    items: list[dict[str, Any]] = [
        {
            "by": coordinator,
            "title": "Toplumsal cinsiyet eşitliği sözlüğü",
            "description": "Eşitlik çalışmalarında sık kullanılan **kavramlar** ve tanımları.",
            "kind": Resource.Kind.FILE,
            "file": lambda: SimpleUploadedFile(
                "Eşitlik sözlüğü.pdf",
                _pdf("Toplumsal cinsiyet eşitliği sözlüğü", "Eşitlik, ayrımcılık, kapsayıcılık."),
            ),
            "tags": "sözlük, eğitim",
            "areas": _areas("workshops", "translation"),
            "audience": Resource.Audience.PUBLIC,
        },
        {
            "by": coordinator,
            "title": "Eşit İzmir afişi",
            "description": "Kampanyalarda paylaşılabilecek afiş.",
            "kind": Resource.Kind.FILE,
            "file": lambda: SimpleUploadedFile("afiş.png", _png("Eşit İzmir")),
            "tags": "afiş, kampanya",
            "areas": _areas("campaigns", "digital-design"),
            "audience": Resource.Audience.PUBLIC,
        },
        {
            "by": coordinator,
            "title": "İzmir Büyükşehir Belediyesi kadın çalışmaları",
            "description": "Belediyenin kadın danışma merkezleri ve destek hatları.",
            "kind": Resource.Kind.LINK,
            "url": "https://www.izmir.bel.tr/",
            "tags": "destek, danışma",
            "audience": Resource.Audience.PUBLIC,
        },
        {
            "by": coordinator,
            "title": "Gönüllüler için iletişim rehberi",
            "description": "Şiddete uğramış biriyle konuşurken dikkat edilecekler. "
            "*Yalnızca gönüllüler.*",
            "kind": Resource.Kind.FILE,
            "file": lambda: SimpleUploadedFile(
                "İletişim rehberi.pdf",
                _pdf("Gönüllüler için iletişim rehberi", "Dinleyin, yargılamayın, yönlendirin."),
            ),
            "tags": "rehber, şiddetle mücadele",
            "audience": Resource.Audience.VOLUNTEERS,
        },
        {
            "by": demo_volunteer,
            "title": "Mahalle dayanışma ağları haritası",
            "description": "Gönüllü önerisi: mahallelerdeki kadın dayanışma gruplarının haritası.",
            "kind": Resource.Kind.LINK,
            "url": "https://example.org/dayanisma-haritasi",
            "tags": "harita, dayanışma",
            "audience": Resource.Audience.VOLUNTEERS,
        },
        {
            "by": volunteers[0].user if volunteers else None,
            "title": "Hızlı kredi fırsatı",
            "description": "Tıklayın, hemen kazanın!",
            "kind": Resource.Kind.LINK,
            "url": "https://example.org/kredi",
            "tags": "",
            "audience": Resource.Audience.PUBLIC,
            "reported_by": [volunteer.user for volunteer in volunteers[1:4]],
        },
    ]
    new = 0
    for item in items:
        by = item.pop("by")
        reporters = item.pop("reported_by", [])
        if by is None or Resource.objects.filter(title=item["title"]).exists():
            continue
        make_file = item.pop("file", None)
        resource = services.add_resource(by=by, file=make_file() if make_file else None, **item)
        if reporters and resource.status == Resource.Status.PENDING:
            # A volunteer's spam that a coordinator published by mistake, then three
            # volunteers reported: hidden by their reports, waiting in the moderation queue.
            resource = services.publish_resource(by=coordinator, resource=resource)
            for reporter in reporters:
                report_content(reporter=reporter, content=resource, reason="spam")
        new += 1
    return new

"""Demo announcements: one in every status and for every audience, with delivery records.

Written, published and archived through the announcements services (by the unscoped
demo coordinator), so they obey the product's rules; each is keyed by its Turkish title
and left as it is when it exists, so a second run changes nothing. The volunteers'
e-mails go through the notifications app (seed_demo runs tasks at once and sends mail
nowhere), so the delivery pages have their counts.
"""

import datetime
from typing import Any

from django.utils import timezone

from esit.activities.models import Activity, SignUp
from esit.announcements import services
from esit.announcements.models import Announcement
from esit.reference.models import District, VolunteerArea

# (title, audience, what happens to it after it is written)
DRAFT, SCHEDULED, PUBLISHED, ARCHIVED = "draft", "scheduled", "published", "archived"


def _demo(coordinator) -> list[dict]:
    activity = (
        Activity.objects.filter(
            status=Activity.Status.PUBLISHED,
            shifts__signups__status__in=SignUp.ACTIVE_STATUSES,
            ends_at__gte=timezone.now(),
        )
        .order_by("starts_at", "id")
        .first()
    )
    translation = VolunteerArea.objects.filter(slug="translation").first()
    konak = District.objects.filter(slug="konak").first()
    items: list[dict[str, Any]] = [
        {
            "title_tr": "Eşit İzmir gönüllü ağı yeni dönem başvurularını bekliyor",
            "title_en": "Eşit İzmir's volunteer network welcomes new applications",
            "body_tr": "Toplumsal cinsiyet eşitliği için **gönüllü olun**: başvurular açık. "
            "[Başvuru sayfası](/apply/)",
            "body_en": "**Volunteer** for gender equality: applications are open.",
            "audience": Announcement.Audience.PUBLIC,
            "pinned": True,
            "then": PUBLISHED,
        },
        {
            "title_tr": "8 Mart Dünya Kadınlar Günü programı",
            "body_tr": "Gün boyu söyleşiler, atölyeler ve konserler. Ayrıntılar yakında.",
            "audience": Announcement.Audience.PUBLIC,
            "then": SCHEDULED,
        },
        {
            "title_tr": "Kadın kooperatifleri pazarı (taslak)",
            "body_tr": "Tarih ve yer netleşince yayımlanacak.",
            "audience": Announcement.Audience.PUBLIC,
            "then": DRAFT,
        },
        {
            "title_tr": "Geçen yılın gönüllü buluşması",
            "body_tr": "Katılan herkese teşekkürler.",
            "audience": Announcement.Audience.PUBLIC,
            "then": ARCHIVED,
        },
        {
            "title_tr": "Tüm gönüllülere: yıl sonu buluşması",
            "title_en": "To all volunteers: end-of-year gathering",
            "body_tr": "Aralık sonunda Kültürpark'ta buluşuyoruz.",
            "body_en": "We meet at Kültürpark at the end of December.",
            "audience": Announcement.Audience.VOLUNTEERS,
            "then": PUBLISHED,
        },
    ]
    if translation is not None and konak is not None:
        items.append(
            {
                "title_tr": "Konak'taki çeviri gönüllülerine",
                "body_tr": "Yeni broşürün çevirisi için yardımınıza ihtiyacımız var.",
                "audience": Announcement.Audience.AREAS,
                "areas": [translation],
                "districts": [konak],
                "then": PUBLISHED,
            }
        )
    if activity is not None:
        items.append(
            {
                "title_tr": f"{activity.title_tr}: buluşma noktası değişti",
                "body_tr": "Lütfen girişteki danışma masasında buluşalım.",
                "audience": Announcement.Audience.ACTIVITY,
                "activity": activity,
                "then": PUBLISHED,
            }
        )
    return items


def seed_announcements(*, coordinator) -> int:
    """The demo announcements; returns how many were new."""
    new = 0
    for item in _demo(coordinator):
        then = item.pop("then")
        if Announcement.objects.filter(title_tr=item["title_tr"]).exists():
            continue
        announcement = services.save_announcement(by=coordinator, **item)
        if then in (PUBLISHED, ARCHIVED):
            announcement, _now = services.publish(by=coordinator, announcement=announcement)
            # Queued here, not only by the task after the commit: the records exist when
            # seed_demo ends (a second fan-out after the commit adds nothing).
            services.deliver_announcement(announcement.pk)
        elif then == SCHEDULED:
            services.publish(
                by=coordinator,
                announcement=announcement,
                at=timezone.now() + datetime.timedelta(days=14),
            )
        if then == ARCHIVED:
            services.archive(by=coordinator, announcement=announcement)
        new += 1
    return new

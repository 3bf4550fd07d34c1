"""Helpers for the staff planning tests: form data as a coordinator types it."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests import factories


def istanbul(year, month, day, hour=12, minute=0) -> datetime.datetime:
    """An aware moment on İzmir's clock."""
    return timezone.make_aware(
        datetime.datetime(year, month, day, hour, minute), timezone.get_default_timezone()
    )


def typed(moment: datetime.datetime) -> str:
    """What a datetime-local input sends for a moment, on İzmir's clock."""
    return timezone.localtime(moment, timezone.get_default_timezone()).strftime("%Y-%m-%dT%H:%M")


def activity_form_data(**overrides) -> dict:
    data = {
        "kind": factories.activity_kind("workshop").pk,
        "title_tr": "Işıklı Sokaklar atölyesi",
        "description_tr": "Kadınların kentte güvenle dolaşması üzerine atölye.",
        "title_en": "",
        "description_en": "",
        "areas": [factories.area("workshops").pk],
        "district": factories.district("konak").pk,
        "address": "Kültürpark, Konak",
        "online_url": "",
        "starts_at": typed(factories.in_days(10, 10)),
        "ends_at": typed(factories.in_days(10, 17)),
        "status": "draft",
        "cancellation_deadline_hours": "24",
        "public_capacity": "0",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def shift_form_data(activity, **overrides) -> dict:
    data = {
        "starts_at": typed(activity.starts_at),
        "ends_at": typed(activity.starts_at + datetime.timedelta(hours=2)),
        "capacity": "4",
        "newcomer_places": "0",
        "notes": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def task_form_data(**overrides) -> dict:
    data = {
        "title": "Broşürü Arapçaya çevir",
        "description": "Destek hatları broşürünün Arapça çevirisi.",
        "due_date": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "places": "2",
        "estimated_hours": "4",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def detail_url(activity) -> str:
    return reverse("planning:detail", args=[activity.pk])

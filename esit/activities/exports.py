"""Activities' staff exports: the rows each spreadsheet gets, read in chunks with no query
per row (the audit event and the file: esit/audit/exports.py).

- the planning list (/staff/activities/), with its counts;
- the public participants of one activity or of every activity of the filtered list;
- the hours queue (/staff/hours/), whatever status it is filtered to (approved hours too);
- an activity's roster.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from esit.audit.exports import chunk_size
from esit.core.spreadsheets import local_time

from .models import Activity, HoursEntry, Participant
from .selectors import signups as signup_selectors
from .selectors.participants import exported_participants


def activity_header() -> list[str]:
    return [
        _("Başlık"),
        _("Tür"),
        _("İlçe"),
        _("Başlangıç"),
        _("Bitiş"),
        _("Durum"),
        _("Vardiya"),
        _("Kontenjan"),
        _("Onaylı gönüllü"),
        _("Katılımcı kontenjanı"),
    ]


def activity_rows(activities: QuerySet[Any]) -> Iterator[list[object]]:
    """The list's rows (`planning.staff_activity_list`: kind, district and counts in its one
    query)."""
    for activity in activities.iterator(chunk_size=chunk_size()):
        yield [
            activity.title,
            activity.kind.name,
            activity.district.name,
            local_time(activity.starts_at),
            local_time(activity.ends_at),
            activity.get_status_display(),
            activity.shift_count or 0,
            activity.capacity or 0,
            activity.confirmed or 0,
            activity.public_capacity if activity.public_registration else "",
        ]


def participant_header() -> list[str]:
    return [
        _("Etkinlik"),
        _("Etkinlik başlangıcı"),
        _("Ad soyad"),
        _("E-posta"),
        _("Telefon"),
        _("Durum"),
        _("Bekleme sırası"),
        _("Katılım"),
        _("Kayıt zamanı"),
        _("İptal zamanı"),
    ]


def participant_rows(activities: QuerySet[Activity]) -> Iterator[list[object]]:
    """The participants of `activities`, already scoped by the caller."""
    for person in exported_participants(activities=activities).iterator(chunk_size=chunk_size()):
        yield [
            person.activity.title,
            local_time(person.activity.starts_at),
            person.name,
            person.email,
            person.phone,
            person.get_status_display(),
            person.place if person.status == Participant.Status.WAITLISTED else "",
            person.get_attendance_display(),
            local_time(person.registered_at),
            local_time(person.cancelled_at),
        ]


def hours_header() -> list[str]:
    return [
        _("Gönüllü"),
        _("E-posta"),
        _("Tarih"),
        _("Saat"),
        _("Alan"),
        _("Kaynak"),
        _("Etkinlik"),
        _("Açıklama"),
        _("Durum"),
        _("Karar zamanı"),
    ]


def hours_rows(entries: QuerySet[HoursEntry]) -> Iterator[list[object]]:
    """The queue's rows (`hours.hours_review_queue`) with the volunteer's e-mail."""
    for entry in entries.select_related("volunteer__user").iterator(chunk_size=chunk_size()):
        yield [
            entry.volunteer.full_name,
            entry.volunteer.user.email,
            entry.date,
            entry.hours,
            entry.area.name if entry.area else _("Alan belirtilmemiş"),
            entry.get_source_display(),
            entry.activity.title if entry.activity else "",
            entry.description,
            entry.get_status_display(),
            local_time(entry.reviewed_at),
        ]


def roster_header() -> list[str]:
    return [
        _("Vardiya başlangıcı"),
        _("Vardiya bitişi"),
        _("Ad soyad"),
        _("E-posta"),
        _("Cep telefonu"),
        _("Durum"),
        _("Bekleme sırası"),
        _("Geleceğini onayladı"),
        _("Katılım"),
        _("Kayıt zamanı"),
    ]


def roster_rows(activity: Activity) -> Iterator[list[object]]:
    for signup, position in signup_selectors.roster_rows(activity):
        yield [
            local_time(signup.shift.starts_at),
            local_time(signup.shift.ends_at),
            signup.volunteer.full_name,
            signup.volunteer.user.email,
            signup.volunteer.phone_national,
            signup.get_status_display(),
            position or "",
            local_time(signup.coming_confirmed_at),
            signup.get_attendance_display(),
            local_time(signup.created_at),
        ]

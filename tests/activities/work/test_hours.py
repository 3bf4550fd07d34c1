"""Hours: volunteers report their own work, coordinators approve or reject in bulk, and only
approved hours count in the totals (docs/activities.md)."""

import datetime
import decimal

import pytest
from django.utils import timezone

from esit.activities.filters import HoursQueueFilter
from esit.activities.models import HoursEntry
from esit.activities.selectors.hours import (
    approved_totals_by_area,
    approved_totals_by_month,
    hours_review_queue,
)
from esit.activities.services.errors import ActivityError
from esit.activities.services.hours import approve_hours, log_hours, reject_hours
from tests import factories
from tests.activities.work.conftest import approved, days_ago


def log(volunteer, **overrides):
    kwargs = {
        "volunteer": volunteer,
        "date": days_ago(1),
        "hours": decimal.Decimal("2.5"),
        "area": factories.area("translation"),
        "description": "Broşürü Arapçaya çevirdim.",
    } | overrides
    return log_hours(**kwargs)


# Self-reported hours ------------------------------------------------------------------------


def test_self_reported_hours_start_pending(volunteer):
    entry = log(volunteer)

    assert entry.status == HoursEntry.Status.PENDING
    assert entry.source == HoursEntry.Source.SELF_REPORTED
    assert entry.hours == decimal.Decimal("2.5")


def test_hours_cannot_be_reported_for_a_future_day(volunteer):
    with pytest.raises(ActivityError, match="Gelecekteki") as refused:
        log(volunteer, date=timezone.localdate() + datetime.timedelta(days=1))

    assert refused.value.field == "date"
    assert not HoursEntry.objects.exists()


def test_work_done_today_can_be_reported(volunteer):
    assert log(volunteer, date=timezone.localdate()).pk


def test_work_older_than_90_days_cannot_be_reported(volunteer):
    with pytest.raises(ActivityError, match="90 gün") as refused:
        log(volunteer, date=days_ago(91))

    assert refused.value.field == "date"


def test_work_exactly_90_days_old_can_be_reported(volunteer):
    assert log(volunteer, date=days_ago(90)).pk


@pytest.mark.parametrize("hours", ["0", "-2", "24.01", "30"])
def test_hours_must_be_more_than_0_and_at_most_24(volunteer, hours):
    with pytest.raises(ActivityError, match="en fazla 24") as refused:
        log(volunteer, hours=decimal.Decimal(hours))

    assert refused.value.field == "hours"
    assert not HoursEntry.objects.exists()


def test_a_whole_day_of_24_hours_is_accepted(volunteer):
    assert log(volunteer, hours=decimal.Decimal(24)).hours == 24


def test_reported_work_needs_a_description(volunteer):
    with pytest.raises(ActivityError, match="Ne yaptığınızı") as refused:
        log(volunteer, description="   ")

    assert refused.value.field == "description"


def test_volunteer_who_left_cannot_report_hours(volunteer):
    volunteer.status = volunteer.Status.WITHDRAWN
    volunteer.save(update_fields=["status"])

    with pytest.raises(ActivityError):
        log(volunteer)


# Bulk review --------------------------------------------------------------------------------


def test_bulk_approve_approves_pending_entries(coordinator):
    entries = factories.HoursEntryFactory.create_batch(3)

    result = approve_hours(entries=entries, by=coordinator)

    assert len(result.done) == 3
    assert result.skipped == []
    assert set(HoursEntry.objects.values_list("status", flat=True)) == {"approved"}
    assert set(HoursEntry.objects.values_list("reviewed_by", flat=True)) == {coordinator.pk}


def test_bulk_approve_skips_entries_already_decided_and_says_why(coordinator):
    pending = factories.HoursEntryFactory()
    rejected = factories.HoursEntryFactory(status="rejected", review_comment="Yanlış gün")

    result = approve_hours(entries=[pending, rejected], by=coordinator)

    assert [entry.pk for entry in result.done] == [pending.pk]
    assert [(entry.pk, reason) for entry, reason in result.skipped] == [
        (rejected.pk, "Bu kayıt zaten değerlendirilmiş.")
    ]
    rejected.refresh_from_db()
    assert rejected.status == HoursEntry.Status.REJECTED


def test_bulk_reject_needs_a_reason(coordinator):
    entry = factories.HoursEntryFactory()

    with pytest.raises(ActivityError) as refused:
        reject_hours(entries=[entry], by=coordinator, comment=" ")

    assert refused.value.field == "comment"
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.PENDING


def test_bulk_reject_rejects_only_pending_entries(coordinator):
    pending = factories.HoursEntryFactory()
    already = factories.HoursEntryFactory(status="approved")

    result = reject_hours(entries=[pending, already], by=coordinator, comment="Kayıt yok")

    assert [entry.pk for entry in result.done] == [pending.pk]
    assert len(result.skipped) == 1
    pending.refresh_from_db()
    already.refresh_from_db()
    assert pending.status == HoursEntry.Status.REJECTED
    assert pending.review_comment == "Kayıt yok"
    assert already.status == HoursEntry.Status.APPROVED


# Totals -------------------------------------------------------------------------------------


def test_totals_by_area_count_only_approved_hours(volunteer):
    approved(volunteer, "3", area="translation")
    approved(volunteer, "1.5", area="translation")
    approved(volunteer, "2", area="workshops")
    factories.HoursEntryFactory(volunteer=volunteer, hours=7, status="pending")
    factories.HoursEntryFactory(volunteer=volunteer, hours=9, status="rejected")

    totals = {total.name: total.hours for total in approved_totals_by_area(volunteer)}

    assert totals == {"Tercüme": decimal.Decimal("4.5"), "Atölye çalışmaları": 2}


def test_totals_leave_out_other_volunteers_hours(volunteer):
    approved(volunteer, "2")
    approved(factories.VolunteerFactory(), "8")

    assert [total.hours for total in approved_totals_by_area(volunteer)] == [2]


def test_totals_by_month_count_only_approved_hours(volunteer):
    approved(volunteer, "2", date=datetime.date(2026, 1, 31))
    approved(volunteer, "3", date=datetime.date(2026, 2, 1))
    approved(volunteer, "4", date=datetime.date(2026, 2, 28))
    factories.HoursEntryFactory(volunteer=volunteer, date=datetime.date(2026, 2, 10), hours=10)

    totals = [(total.month, total.hours) for total in approved_totals_by_month(volunteer)]

    assert totals == [(datetime.date(2026, 2, 1), 7), (datetime.date(2026, 1, 1), 2)]


# The volunteer's hours page -----------------------------------------------------------------


def test_hours_page_logs_work_and_redirects(volunteer_client, volunteer):
    response = volunteer_client.post(
        "/me/hours/",
        {
            "date": days_ago(2).isoformat(),
            "hours": "1,5",
            "area": factories.area("translation").pk,
            "description": "Söyleşi metnini çevirdim.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/me/hours/"
    entry = HoursEntry.objects.get(volunteer=volunteer)
    assert entry.hours == decimal.Decimal("1.5")
    assert entry.description == "Söyleşi metnini çevirdim."


def test_future_date_is_refused_next_to_the_field_and_the_rest_is_kept(volunteer_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = volunteer_client.post(
        "/me/hours/",
        {
            "date": tomorrow.isoformat(),
            "hours": "2",
            "area": factories.area("translation").pk,
            "description": "Çiğli'de saha araştırması",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_date_error"' in page
    assert "Gelecekteki bir gün için saat bildirilemez." in page
    assert "Çiğli&#x27;de saha araştırması" in page
    assert not HoursEntry.objects.exists()


def test_too_many_hours_are_refused_next_to_the_field(volunteer_client):
    response = volunteer_client.post(
        "/me/hours/",
        {
            "date": days_ago(1).isoformat(),
            "hours": "25",
            "area": factories.area("translation").pk,
            "description": "Uzun gün",
        },
    )

    page = response.content.decode()
    assert 'id="id_hours_error"' in page
    assert not HoursEntry.objects.exists()


def test_hours_page_shows_my_entries_with_status_and_my_totals(volunteer_client, volunteer):
    approved(volunteer, "3", description="Afiş tasarımı")
    factories.HoursEntryFactory(
        volunteer=volunteer, description="Bekleyen iş", status="rejected", review_comment="Tekrar"
    )

    page = volunteer_client.get("/me/hours/").content.decode()

    assert "Afiş tasarımı" in page
    assert "Onaylandı" in page
    assert "Reddedildi" in page
    assert "Tekrar" in page
    assert "Onaylanmış toplam: <strong>3 saat</strong>" in page


def test_hours_page_shows_only_my_own_entries(volunteer_client):
    factories.HoursEntryFactory(description="Başkasının çalışması")

    assert "Başkasının çalışması" not in volunteer_client.get("/me/hours/").content.decode()


def test_hours_page_escapes_descriptions(volunteer_client, volunteer):
    factories.HoursEntryFactory(volunteer=volunteer, description="<script>x()</script>")

    page = volunteer_client.get("/me/hours/").content.decode()

    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page


# The staff queue ----------------------------------------------------------------------------


def test_queue_shows_pending_hours_by_default(coordinator_client):
    factories.HoursEntryFactory(description="Bekleyen çeviri")
    factories.HoursEntryFactory(description="Onaylı çeviri", status="approved")

    page = coordinator_client.get("/staff/hours/").content.decode()

    assert "Bekleyen çeviri" in page
    assert "Onaylı çeviri" not in page


def test_queue_finds_volunteers_by_name_the_turkish_way(coordinator):
    ilicak = factories.VolunteerFactory(
        first_name="Şebnem", last_name="Ilıcak", search_text="şebnem ılıcak sebnem@example.org"
    )
    factories.HoursEntryFactory(volunteer=ilicak)
    factories.HoursEntryFactory()

    found = HoursQueueFilter({"q": "ILICAK"}, queryset=hours_review_queue(user=coordinator)).qs

    assert [entry.volunteer for entry in found] == [ilicak]


def test_queue_filters_by_area_and_dates(coordinator):
    translation = factories.HoursEntryFactory(area=factories.area("translation"), date=days_ago(5))
    factories.HoursEntryFactory(area=factories.area("workshops"), date=days_ago(5))
    factories.HoursEntryFactory(area=factories.area("translation"), date=days_ago(40))

    query = {
        "area": factories.area("translation").pk,
        "date_from": days_ago(10).isoformat(),
        "date_to": days_ago(1).strftime("%d.%m.%Y"),
    }
    found = HoursQueueFilter(query, queryset=hours_review_queue(user=coordinator)).qs

    assert list(found) == [translation]


def test_queue_page_search_is_turkish_aware(coordinator_client):
    isil = factories.VolunteerFactory(first_name="Işıl", search_text="ışıl güneş isil@example.org")
    factories.HoursEntryFactory(volunteer=isil, description="Işıl'ın çalışması")
    factories.HoursEntryFactory(description="Başka biri")

    page = coordinator_client.get("/staff/hours/", {"q": "IŞIL"}).content.decode()

    assert "Işıl&#x27;ın çalışması" in page
    assert "Başka biri" not in page


def test_bad_filter_is_reported_and_ignored(coordinator_client):
    factories.HoursEntryFactory(description="Bekleyen çeviri")

    page = coordinator_client.get("/staff/hours/", {"date_from": "dün"}).content.decode()

    assert "Bazı süzgeçler uygulanamadı" in page
    assert "Bekleyen çeviri" in page


def test_bulk_approve_from_the_queue_reports_done_and_skipped(coordinator_client):
    pending = factories.HoursEntryFactory()
    decided = factories.HoursEntryFactory(status="approved")

    response = coordinator_client.post(
        "/staff/hours/review/",
        {"entries": [pending.pk, decided.pk], "decision": "approve"},
        follow=True,
    )

    page = response.content.decode()
    assert "1 kayıt onaylandı." in page
    assert "1 kayıt atlandı" in page
    pending.refresh_from_db()
    assert pending.status == HoursEntry.Status.APPROVED


def test_bulk_reject_without_reason_keeps_the_selection_and_changes_nothing(coordinator_client):
    entry = factories.HoursEntryFactory()

    response = coordinator_client.post(
        "/staff/hours/review/", {"entries": [entry.pk], "decision": "reject", "comment": ""}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_comment_error"' in page
    assert f'value="{entry.pk}" id="select-{entry.pk}" checked' in page
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.PENDING


def test_bulk_reject_from_the_queue_records_the_reason(coordinator_client):
    entry = factories.HoursEntryFactory()

    coordinator_client.post(
        "/staff/hours/review/",
        {"entries": [entry.pk], "decision": "reject", "comment": "O gün etkinlik yoktu."},
    )

    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.REJECTED
    assert entry.review_comment == "O gün etkinlik yoktu."


@pytest.mark.parametrize("path", ["/staff/hours/", "/staff/tasks/"])
def test_staff_pages_refuse_volunteers(volunteer_client, path):
    assert volunteer_client.get(path).status_code == 403


def test_volunteer_cannot_approve_hours(volunteer_client, volunteer):
    entry = factories.HoursEntryFactory(volunteer=volunteer)

    response = volunteer_client.post(
        "/staff/hours/review/", {"entries": [entry.pk], "decision": "approve"}
    )

    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.PENDING


@pytest.mark.parametrize("extra", [0, 8])
def test_queue_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries, extra):
    for index in range(1 + extra):
        factories.HoursEntryFactory(
            area=factories.area("translation" if index % 2 else "workshops"),
            activity=factories.ActivityFactory() if index % 3 == 0 else None,
        )

    # Session, user, areas for the filter, count, the page, and the layout asking whether the
    # coordinator has a volunteer profile (her standing was read at sign-in and kept).
    with django_assert_num_queries(6):
        response = coordinator_client.get("/staff/hours/")

    assert len(response.context["page_obj"].object_list) == 1 + extra


@pytest.mark.parametrize("extra", [0, 8])
def test_my_hours_page_runs_a_fixed_number_of_queries(
    volunteer_client, volunteer, django_assert_num_queries, extra
):
    areas = ["translation", "workshops", "field-research"]
    for index in range(1 + extra):
        approved(volunteer, "1", area=areas[index % 3], date=days_ago(index * 9 % 80))

    # Session, user, profile (+ areas, languages), active areas for the form, totals by area
    # and by month, count and page of entries (her roles come with her cached standing).
    with django_assert_num_queries(10):
        response = volunteer_client.get("/me/hours/")

    assert len(response.context["page_obj"].object_list) == 1 + extra


def test_htmx_filtering_gets_only_the_results(coordinator_client):
    factories.HoursEntryFactory(description="Bekleyen çeviri")

    response = coordinator_client.get("/staff/hours/", headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.lstrip().startswith('<div id="hours-results"')
    assert "Bekleyen çeviri" in page
    assert "<html" not in page


def test_the_queue_shows_pending_hours_unless_told_otherwise(coordinator_client):
    factories.HoursEntryFactory(description="Bekleyen çeviri")
    factories.HoursEntryFactory(description="Onaylı çeviri", status="approved")

    default = coordinator_client.get("/staff/hours/").content.decode()
    every = coordinator_client.get("/staff/hours/", {"status": ""}).content.decode()
    tampered = coordinator_client.get("/staff/hours/", {"status": "bogus"}).content.decode()

    assert "Bekleyen çeviri" in default
    assert "Onaylı çeviri" not in default
    assert "Bekleyen çeviri" in every
    assert "Onaylı çeviri" in every
    assert "Bazı süzgeçler uygulanamadı" in tampered

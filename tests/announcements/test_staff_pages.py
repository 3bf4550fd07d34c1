"""The staff pages under /staff/announcements/: capability, scope, bad input, confirmation
steps without JavaScript, a pinned number of queries."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from esit.announcements import services
from esit.announcements.models import Announcement
from esit.audit.models import AuditEvent
from esit.notifications.models import Delivery
from tests import factories

from .conftest import write, write_published


def form_data(**overrides):
    data = {
        "title_tr": "Gönüllü buluşması",
        "body_tr": "Bu **cumartesi** buluşuyoruz.",
        "audience": "public",
        "title_en": "",
        "body_en": "",
        "cover_alt_tr": "",
        "cover_alt_en": "",
    }
    data.update(overrides)
    return data


def png(size=(40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return SimpleUploadedFile("kapak.png", out.getvalue(), content_type="image/png")


def test_a_volunteer_gets_403(volunteer_client):
    assert volunteer_client.get(reverse("announcements:staff_list")).status_code == 403


def test_a_coordinator_writes_a_draft(coordinator_client):
    response = coordinator_client.post(reverse("announcements:create"), form_data())
    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("announcements:staff_detail", args=[announcement.pk])
    assert announcement.status == Announcement.Status.DRAFT


def test_an_empty_audience_is_refused_next_to_the_field_and_the_input_is_kept(
    coordinator_client,
):
    response = coordinator_client.post(
        reverse("announcements:create"), form_data(audience="areas", title_tr="Başlığım")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_areas_error"' in page
    assert "En az bir alan ya da ilçe seçin" in page
    assert 'value="Başlığım"' in page
    assert not Announcement.objects.exists()


def test_a_cover_without_alt_text_is_refused_next_to_the_alt_text(coordinator_client):
    response = coordinator_client.post(
        reverse("announcements:create"), {**form_data(), "cover": png()}
    )
    assert 'id="id_cover_alt_tr_error"' in response.content.decode()
    assert not Announcement.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_next_to_the_cover(coordinator_client):
    fake = SimpleUploadedFile("kapak.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = coordinator_client.post(
        reverse("announcements:create"),
        {**form_data(cover_alt_tr="Afiş"), "cover": fake},
    )
    page = response.content.decode()
    assert 'id="id_cover_error"' in page
    assert "görsel değil" in page
    assert not Announcement.objects.exists()


def test_a_cover_is_stored_re_encoded_and_served(coordinator_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    coordinator_client.post(
        reverse("announcements:create"),
        {**form_data(cover_alt_tr="Mor bir afiş"), "cover": png()},
    )
    announcement = Announcement.objects.get()
    assert announcement.cover.name.endswith(".png")
    assert announcement.cover_alt_tr == "Mor bir afiş"


def test_the_preview_says_that_a_script_was_removed(coordinator_client, coordinator):
    announcement = write(coordinator, body_tr="Merhaba <script>alert(1)</script>")
    page = coordinator_client.get(
        reverse("announcements:staff_detail", args=[announcement.pk])
    ).content.decode()
    assert "betik ya da izin verilmeyen bağlantılar kaldırıldı" in page
    assert "<script>alert" not in page


def test_publishing_asks_first_and_the_second_post_publishes(coordinator_client, coordinator):
    announcement = write(coordinator)
    url = reverse("announcements:publish", args=[announcement.pk])
    first = coordinator_client.post(url, {"publish_at": ""})
    assert first.status_code == 200
    assert 'name="confirmed" value="yes"' in first.content.decode()
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.DRAFT
    second = coordinator_client.post(url, {"publish_at": "", "confirmed": "yes"})
    assert second.status_code == 302
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.PUBLISHED


def test_a_publish_time_in_the_past_publishes_now_and_says_so(coordinator_client, coordinator):
    announcement = write(coordinator)
    past = timezone.localtime(timezone.now() - datetime.timedelta(days=1))
    response = coordinator_client.post(
        reverse("announcements:publish", args=[announcement.pk]),
        {"publish_at": past.strftime("%Y-%m-%dT%H:%M"), "confirmed": "yes"},
        follow=True,
    )
    assert "geçmişte kaldığı için duyuru hemen yayımlandı" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.PUBLISHED


def test_a_future_time_schedules(coordinator_client, coordinator):
    announcement = write(coordinator)
    later = timezone.localtime(timezone.now() + datetime.timedelta(days=2))
    coordinator_client.post(
        reverse("announcements:publish", args=[announcement.pk]),
        {"publish_at": later.strftime("%Y-%m-%dT%H:%M"), "confirmed": "yes"},
    )
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.SCHEDULED


def test_archiving_asks_first(coordinator_client, coordinator):
    announcement = write_published(coordinator)
    url = reverse("announcements:archive", args=[announcement.pk])
    assert "confirmed" in coordinator_client.post(url).content.decode()
    coordinator_client.post(url, {"confirmed": "yes"})
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.ARCHIVED


def test_an_announcement_outside_the_scope_is_not_found(
    client, coordinator, translation_coordinator
):
    elsewhere = write(coordinator, audience="areas", areas=[factories.area("campaigns")])
    client.force_login(translation_coordinator)
    for name in ("staff_detail", "edit", "delivery", "kit"):
        assert client.get(reverse(f"announcements:{name}", args=[elsewhere.pk])).status_code == 404


def test_the_list_filters_by_status(coordinator_client, coordinator):
    write(coordinator, title_tr="Taslak duyuru")
    write_published(coordinator, title_tr="Yayındaki duyuru")
    page = coordinator_client.get(
        reverse("announcements:staff_list"), {"status": "published"}
    ).content.decode()
    assert "Yayındaki duyuru" in page
    assert "Taslak duyuru" not in page


def test_the_list_searches_titles_the_turkish_way(coordinator_client, coordinator):
    write(coordinator, title_tr="IŞIL ile söyleşi")
    write(coordinator, title_tr="Başka bir şey")
    page = coordinator_client.get(
        reverse("announcements:staff_list"), {"q": "ışıl"}
    ).content.decode()
    assert "IŞIL ile söyleşi" in page
    assert "Başka bir şey" not in page


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_runs_the_same_queries_however_many_announcements(
    coordinator_client, coordinator, django_assert_num_queries, count
):
    for number in range(count):
        write(
            coordinator,
            title_tr=f"Duyuru {number}",
            audience="areas",
            areas=[factories.area("translation")],
            districts=[factories.district("konak")],
        )
    coordinator_client.get(reverse("announcements:staff_list"))  # session, standing warm
    with django_assert_num_queries(7):
        coordinator_client.get(reverse("announcements:staff_list"))


def test_the_delivery_page_refreshes_itself_without_javascript_while_mail_is_queued(
    coordinator_client, coordinator, translator, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    announcement = write(coordinator, audience="volunteers")
    with_deliveries = write_published(coordinator, audience="volunteers")
    services.deliver_announcement(with_deliveries.pk)
    page = coordinator_client.get(
        reverse("announcements:delivery", args=[with_deliveries.pk])
    ).content.decode()
    assert 'http-equiv="refresh"' in page
    assert 'hx-trigger="every 3s"' in page
    assert "<progress" in page
    partial = coordinator_client.get(
        reverse("announcements:delivery", args=[with_deliveries.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert partial.lstrip().startswith("<section")
    assert announcement.status == Announcement.Status.DRAFT
    assert not mail.outbox


def test_retrying_failures_requeues_them_and_is_audited(
    coordinator_client, coordinator, translator, run_on_commit
):
    with run_on_commit():
        announcement = write_published(coordinator, audience="volunteers")
    Delivery.objects.filter(kind="announcements.announcement").update(status="failed")
    with run_on_commit():
        response = coordinator_client.post(reverse("announcements:retry", args=[announcement.pk]))
    assert response.status_code == 302
    assert Delivery.objects.get(kind="announcements.announcement").status == "sent"
    assert AuditEvent.objects.filter(action="announcements.delivery_retried").exists()


@pytest.mark.parametrize("count", [1, 5])
def test_the_delivery_page_runs_the_same_queries_however_many_recipients(
    coordinator_client, coordinator, django_assert_num_queries, count, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _number in range(count):
        factories.VolunteerFactory()
    announcement = write_published(coordinator, audience="volunteers")
    services.deliver_announcement(announcement.pk)
    url = reverse("announcements:delivery", args=[announcement.pk])
    coordinator_client.get(url)
    with django_assert_num_queries(7):
        coordinator_client.get(url)

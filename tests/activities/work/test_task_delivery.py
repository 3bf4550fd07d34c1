"""Delivering and giving back a task: something to deliver, safe files only (docs/activities.md)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esit.activities.models import TaskAssignment
from esit.activities.services.errors import ActivityError
from esit.activities.services.work import MAX_DELIVERY_BYTES, deliver_task, release_task
from tests import factories
from tests.activities.work.conftest import PDF_BYTES, make_assignment, pdf_upload


@pytest.fixture
def claimed(volunteer, task):
    return make_assignment(task=task, volunteer=volunteer)


def test_delivery_with_a_note_marks_the_task_delivered(claimed):
    assignment = deliver_task(assignment=claimed, note="Broşür çevirisi tamam.")

    assignment.refresh_from_db()
    assert assignment.status == TaskAssignment.Status.DELIVERED
    assert assignment.delivery_note == "Broşür çevirisi tamam."
    assert assignment.delivered_at is not None


def test_delivery_with_only_a_link_is_enough(claimed):
    deliver_task(assignment=claimed, link="https://bulut.example.org/ceviri")

    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.DELIVERED
    assert claimed.delivery_link == "https://bulut.example.org/ceviri"


def test_delivered_file_is_stored_under_media_root(claimed, settings):
    deliver_task(assignment=claimed, file=pdf_upload())

    claimed.refresh_from_db()
    assert claimed.delivery_file.name.startswith("deliveries/")
    stored = settings.MEDIA_ROOT / claimed.delivery_file.name
    assert stored.read_bytes() == PDF_BYTES


def test_delivery_needs_a_note_a_link_or_a_file(claimed):
    with pytest.raises(ActivityError, match="bir not yazın") as refused:
        deliver_task(assignment=claimed, note="   ")

    assert refused.value.field == "note"
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED


def test_link_must_be_a_web_address(claimed):
    with pytest.raises(ActivityError) as refused:
        deliver_task(assignment=claimed, link="javascript:alert(1)")

    assert refused.value.field == "link"
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kotu.exe", b"MZ\x90\x00"),
        ("sayfa.html", b"<script>alert(1)</script>"),
        ("sahte.pdf", b"<html>not a pdf</html>"),
        ("resim.png", b"GIF89a"),
        ("ikili.txt", b"\x00\x01\x02binary"),
    ],
)
def test_file_of_a_refused_type_gets_a_clear_message(claimed, name, content):
    with pytest.raises(ActivityError, match="dosya türü kabul edilmiyor") as refused:
        deliver_task(assignment=claimed, file=SimpleUploadedFile(name, content))

    assert refused.value.field == "file"
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED
    assert not claimed.delivery_file


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cevirim.docx", b"PK\x03\x04word"),
        ("afis.png", b"\x89PNG\r\n\x1a\nrest"),
        ("foto.JPG", b"\xff\xd8\xff\xe0rest"),
        ("notlar.txt", "Kadın dayanışması, İzmir.".encode()),
        ("arsiv.zip", b"PK\x05\x06"),
        ("belge.odt", b"PK\x03\x04odf"),
    ],
)
def test_accepted_file_types_are_stored(claimed, name, content):
    deliver_task(assignment=claimed, file=SimpleUploadedFile(name, content))

    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.DELIVERED


def test_file_larger_than_10_mb_is_refused(claimed):
    big = SimpleUploadedFile("buyuk.pdf", b"%PDF-" + b"0" * MAX_DELIVERY_BYTES)

    with pytest.raises(ActivityError, match="10 MB") as refused:
        deliver_task(assignment=claimed, file=big)

    assert refused.value.field == "file"


def test_returned_task_can_be_delivered_again(volunteer, task):
    returned = make_assignment(task=task, volunteer=volunteer, status="returned")

    deliver_task(assignment=returned, note="Düzelttim.")

    returned.refresh_from_db()
    assert returned.status == TaskAssignment.Status.DELIVERED
    assert returned.delivery_note == "Düzelttim."


@pytest.mark.parametrize("status", ["delivered", "accepted", "cancelled"])
def test_only_claimed_or_returned_tasks_can_be_delivered(volunteer, task, status):
    assignment = make_assignment(task=task, volunteer=volunteer, status=status)

    with pytest.raises(ActivityError):
        deliver_task(assignment=assignment, note="Yine teslim")


def test_volunteer_gives_back_a_claimed_task(claimed):
    release_task(assignment=claimed)

    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CANCELLED


@pytest.mark.parametrize("status", ["delivered", "accepted"])
def test_delivered_or_accepted_work_cannot_be_given_back(volunteer, task, status):
    assignment = make_assignment(task=task, volunteer=volunteer, status=status)

    with pytest.raises(ActivityError, match="bırakılamaz"):
        release_task(assignment=assignment)

    assignment.refresh_from_db()
    assert assignment.status == status


# Pages --------------------------------------------------------------------------------------


def test_my_tasks_lists_what_i_hold_with_deliver_and_release(volunteer_client, claimed):
    page = volunteer_client.get("/me/tasks/").content.decode()

    assert claimed.task.title in page
    assert f'href="/me/tasks/{claimed.pk}/deliver/"' in page
    assert f'action="/me/tasks/{claimed.pk}/release/"' in page


def test_my_tasks_leaves_out_other_volunteers_tasks(volunteer_client, task):
    other = make_assignment(task=task)

    page = volunteer_client.get("/me/tasks/").content.decode()

    assert other.task.title not in page
    assert "Henüz bir görev üstlenmediniz." in page


def test_my_tasks_shows_the_coordinators_comment_on_returned_work(volunteer_client, volunteer):
    make_assignment(
        volunteer=volunteer, status="returned", review_comment="Başlığı <b>düzeltin</b>."
    )

    page = volunteer_client.get("/me/tasks/").content.decode()

    assert "Başlığı &lt;b&gt;düzeltin&lt;/b&gt;." in page


def test_delivery_form_delivers_and_redirects(volunteer_client, claimed, settings):
    response = volunteer_client.post(
        f"/me/tasks/{claimed.pk}/deliver/",
        {"note": "Tamamlandı", "link": "", "file": pdf_upload()},
    )

    assert response.status_code == 302
    assert response["Location"] == "/me/tasks/"
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.DELIVERED
    assert claimed.delivery_file


def test_empty_delivery_form_shows_the_error_next_to_the_note(volunteer_client, claimed):
    response = volunteer_client.post(f"/me/tasks/{claimed.pk}/deliver/", {"note": "", "link": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_note_error"' in page
    assert "bir not yazın" in page
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED


def test_refused_file_keeps_the_typed_note(volunteer_client, claimed):
    response = volunteer_client.post(
        f"/me/tasks/{claimed.pk}/deliver/",
        {"note": "Şu an İzmir'deyim", "file": SimpleUploadedFile("x.exe", b"MZ")},
    )

    page = response.content.decode()
    assert 'id="id_file_error"' in page
    assert "Şu an İzmir&#x27;deyim" in page
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED


def test_volunteer_cannot_deliver_someone_elses_task(volunteer_client, task):
    other = make_assignment(task=task)

    response = volunteer_client.post(f"/me/tasks/{other.pk}/deliver/", {"note": "benim"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == TaskAssignment.Status.CLAIMED


def test_release_button_gives_the_task_back(volunteer_client, claimed):
    response = volunteer_client.post(f"/me/tasks/{claimed.pk}/release/", {"confirmed": "yes"})

    assert response.status_code == 302
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CANCELLED


def test_volunteer_cannot_release_someone_elses_task(volunteer_client, task):
    other = make_assignment(task=task)

    assert volunteer_client.post(f"/me/tasks/{other.pk}/release/").status_code == 404
    other.refresh_from_db()
    assert other.status == TaskAssignment.Status.CLAIMED


# Who may download a delivered file ----------------------------------------------------------


@pytest.fixture
def with_file(volunteer, task):
    assignment = make_assignment(task=task, volunteer=volunteer)
    deliver_task(assignment=assignment, file=pdf_upload())
    assignment.refresh_from_db()
    return assignment


def test_volunteer_downloads_their_own_delivered_file(volunteer_client, with_file):
    response = volunteer_client.get(f"/me/tasks/{with_file.pk}/file/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")


def test_coordinator_downloads_a_delivered_file(coordinator_client, with_file):
    response = coordinator_client.get(f"/staff/tasks/{with_file.pk}/file/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_coordinator_without_two_factor_cannot_download_the_file(
    client, coordinator_without_two_factor, with_file
):
    client.force_login(coordinator_without_two_factor)

    response = client.get(f"/staff/tasks/{with_file.pk}/file/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Nor through the volunteers' address: staff have no volunteer profile, so no file.
    response = client.get(f"/me/tasks/{with_file.pk}/file/")
    assert "Content-Disposition" not in response
    assert PDF_BYTES not in response.content


def test_the_old_shared_download_address_is_gone(coordinator_client, with_file):
    assert coordinator_client.get(f"/tasks/deliveries/{with_file.pk}/file/").status_code == 404


def test_another_volunteer_cannot_download_the_file(client, with_file):
    stranger = factories.VolunteerFactory()
    client.force_login(stranger.user)

    assert client.get(f"/me/tasks/{with_file.pk}/file/").status_code == 404
    assert client.get(f"/staff/tasks/{with_file.pk}/file/").status_code == 403


def test_anonymous_visitor_cannot_download_the_file(client, with_file):
    for url in (f"/me/tasks/{with_file.pk}/file/", f"/staff/tasks/{with_file.pk}/file/"):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_pages_link_each_reader_to_their_own_address(volunteer_client, with_file, coordinator):
    page = volunteer_client.get(reverse("work:my_tasks")).content.decode()
    assert f"/me/tasks/{with_file.pk}/file/" in page

    volunteer_client.force_login(coordinator)
    page = volunteer_client.get(reverse("work:task_review")).content.decode()
    assert f"/staff/tasks/{with_file.pk}/file/" in page


def test_delivered_files_are_not_served_from_a_public_media_address(client, with_file):
    assert client.get(f"/media/{with_file.delivery_file.name}").status_code == 404

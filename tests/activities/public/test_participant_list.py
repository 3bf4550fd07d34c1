"""Staff see an activity's public participants: contacts, status, attendance and registration
time; they cancel a registration (confirmed first; the person is told and the waitlist moves
up), record attendance once the activity has started, and download the list as CSV
(docs/activities.md)."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import Participant
from esit.activities.services import participants as services
from esit.activities.services.errors import ActivityError
from tests import factories
from tests.spreadsheets import csv_rows, xlsx_rows

from .conftest import make_participant, page

pytestmark = pytest.mark.django_db


def list_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/participants/"


def csv_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/participants.csv"


def xlsx_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/participants.xlsx"


def cancel_url(participant) -> str:
    return f"/staff/participants/{participant.pk}/cancel/"


def attendance_url(participant) -> str:
    return f"/staff/participants/{participant.pk}/attendance/"


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


@pytest.fixture
def started(db):
    """A public workshop that began an hour ago."""
    starts = timezone.now() - datetime.timedelta(hours=1)
    return factories.ActivityFactory(
        public_registration=True,
        public_capacity=2,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
    )


# The list -----------------------------------------------------------------------------------


def test_staff_activity_page_links_to_the_participant_list(coordinator_client, workshop):
    html = page(coordinator_client.get(f"/staff/activities/{workshop.pk}/"))

    assert f'href="{list_url(workshop)}"' in html


def test_list_shows_name_contact_status_attendance_and_registration_time(
    coordinator_client, workshop
):
    person = make_participant(workshop, email="gulsen@example.org", name="Gülşen Çağlar")
    Participant.objects.filter(pk=person.pk).update(
        phone="+905321234567",
        registered_at=timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 15)),
    )
    make_participant(workshop, email="ilkay@example.org", name="İlkay Işın", status="waitlisted")

    html = page(coordinator_client.get(list_url(workshop)))

    row = html[html.index("Gülşen Çağlar") :]
    row = row[: row.index("</tr>")]
    assert "gulsen@example.org" in row
    assert "+905321234567" in row
    assert "30 Kasım 2026 09:15" in row
    assert "Henüz belli değil" in row
    waitlist = html[html.index("Bekleme listesi, yer açıldığında sırayla") :]
    assert "İlkay Işın" in waitlist


def test_list_escapes_what_people_typed(coordinator_client, workshop):
    make_participant(workshop, email="x@example.org", name="<script>alert(1)</script>")

    html = page(coordinator_client.get(list_url(workshop)))

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def add_people(activity, count: int, offset: int = 0) -> None:
    for index in range(offset, offset + count):
        make_participant(activity, email=f"kisi{index}@example.org", name=f"Kişi {index}")
        make_participant(
            activity, email=f"bekleyen{index}@example.org", status="waitlisted", name="Bekleyen"
        )
        make_participant(activity, email=f"iptal{index}@example.org", status="cancelled")


def test_list_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=50)
    add_people(activity, 1)
    coordinator_client.get(list_url(activity))  # warm the session
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(list_url(activity))
    # session, user, roles, two-factor check(s), the menu's profile lookup, the scope (areas,
    # districts); activity, people; the audit event of the staff view
    assert len(few.captured_queries) <= 12

    add_people(activity, 6, offset=1)

    with django_assert_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(list_url(activity))
    assert page(response).count('<th scope="row">Kişi ') == 7


@pytest.mark.parametrize("path", ["list", "csv"])
def test_volunteers_cannot_see_the_list(volunteer_client, workshop, path):
    url = list_url(workshop) if path == "list" else csv_url(workshop)

    assert volunteer_client.get(url).status_code == 403


def test_the_list_needs_a_staff_sign_in(client, workshop):
    response = client.get(list_url(workshop))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unknown_activity_is_not_found(coordinator_client):
    assert coordinator_client.get("/staff/activities/999999/participants/").status_code == 404


# Cancelling ---------------------------------------------------------------------------------


def test_cancelling_asks_first_and_changes_nothing(coordinator_client, workshop):
    person = make_participant(workshop, email="a@example.org", name="Elif Öztürk")

    response = coordinator_client.post(cancel_url(person))

    html = page(response)
    assert response.status_code == 200
    assert "Elif Öztürk kaydı iptal edilsin mi?" in html
    assert 'class="button button-danger">Evet, kaydı iptal et</button>' in html
    person.refresh_from_db()
    assert person.status == Participant.Status.CONFIRMED


def test_confirmed_cancel_tells_the_person_and_moves_the_waitlist_up(
    coordinator_client, workshop, run_on_commit
):
    person = make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org")
    waiting = make_participant(workshop, email="c@example.org", status="waitlisted")

    with run_on_commit():
        response = coordinator_client.post(cancel_url(person), {"confirmed": "yes"})

    assert response["Location"] == list_url(workshop)
    person.refresh_from_db()
    waiting.refresh_from_db()
    assert person.status == Participant.Status.CANCELLED
    assert waiting.status == Participant.Status.CONFIRMED
    told = {message.to[0]: message for message in mail.outbox}
    assert "bir koordinatör tarafından iptal edildi" in told["a@example.org"].subject
    assert "c@example.org" in told


def test_staff_may_cancel_after_the_activity_started(started):
    coordinator = factories.StaffFactory()
    person = make_participant(started, email="a@example.org")

    services.cancel_registration(participant=person, by=coordinator)

    person.refresh_from_db()
    assert person.status == Participant.Status.CANCELLED


def test_cancelling_after_the_start_says_the_waitlist_does_not_move(coordinator_client, started):
    person = make_participant(started, email="a@example.org")

    html = page(coordinator_client.post(cancel_url(person)))

    assert "Etkinlik başladığı için yer bekleme listesindeki kimseye verilmez." in html


def test_a_registration_with_attendance_recorded_cannot_be_cancelled(started, coordinator):
    person = make_participant(started, email="a@example.org")
    services.record_participant_attendance(participant=person, attended=True, by=coordinator)

    with pytest.raises(ActivityError, match="Katılım kaydedildiği"):
        services.cancel_registration(participant=person, by=coordinator)


def test_cancel_is_for_staff_only(volunteer_client, workshop):
    person = make_participant(workshop, email="a@example.org")

    assert volunteer_client.post(cancel_url(person), {"confirmed": "yes"}).status_code == 403
    person.refresh_from_db()
    assert person.status == Participant.Status.CONFIRMED


# Attendance ---------------------------------------------------------------------------------


def test_attendance_is_recorded_once_the_activity_has_started(
    coordinator_client, coordinator, started
):
    person = make_participant(started, email="a@example.org", name="Derya Işık")

    response = coordinator_client.post(
        attendance_url(person), {"attendance": "attended"}, follow=True
    )

    assert "Derya Işık katıldı olarak kaydedildi." in messages_of(response)
    person.refresh_from_db()
    assert person.attendance == Participant.Attendance.ATTENDED
    assert person.attendance_recorded_by == coordinator
    assert person.attendance_recorded_at is not None


def test_a_no_show_is_recorded_and_can_be_corrected(coordinator_client, started):
    person = make_participant(started, email="a@example.org")

    coordinator_client.post(attendance_url(person), {"attendance": "no_show"})
    person.refresh_from_db()
    assert person.attendance == Participant.Attendance.NO_SHOW

    coordinator_client.post(attendance_url(person), {"attendance": "attended"})
    person.refresh_from_db()
    assert person.attendance == Participant.Attendance.ATTENDED


def test_attendance_before_the_start_is_refused_with_a_reason(coordinator_client, workshop):
    person = make_participant(workshop, email="a@example.org")

    response = coordinator_client.post(
        attendance_url(person), {"attendance": "attended"}, follow=True
    )

    assert "etkinlik başladıktan sonra" in messages_of(response)
    person.refresh_from_db()
    assert person.attendance == Participant.Attendance.UNKNOWN


def test_attendance_buttons_appear_only_once_the_activity_has_started(
    coordinator_client, workshop, started
):
    upcoming = make_participant(workshop, email="a@example.org")
    begun = make_participant(started, email="b@example.org")

    assert attendance_url(upcoming) not in page(coordinator_client.get(list_url(workshop)))
    assert attendance_url(begun) in page(coordinator_client.get(list_url(started)))


def test_a_waitlisted_person_has_no_attendance(started, coordinator):
    person = make_participant(started, email="a@example.org", status="waitlisted")

    with pytest.raises(ActivityError, match="kaydı onaylanmış"):
        services.record_participant_attendance(participant=person, attended=True, by=coordinator)


def test_a_cancelled_activity_records_no_attendance(started, coordinator):
    person = make_participant(started, email="a@example.org")
    started.status = "cancelled"
    started.save(update_fields=["status"])

    with pytest.raises(ActivityError, match="yayında değil"):
        services.record_participant_attendance(participant=person, attended=True, by=coordinator)


def test_a_made_up_attendance_value_is_refused(coordinator_client, started):
    person = make_participant(started, email="a@example.org")

    response = coordinator_client.post(attendance_url(person), {"attendance": "maybe"}, follow=True)

    assert "Katıldı ya da gelmedi seçin." in messages_of(response)
    person.refresh_from_db()
    assert person.attendance == Participant.Attendance.UNKNOWN


def test_attendance_is_for_staff_only(volunteer_client, started):
    person = make_participant(started, email="a@example.org")

    assert (
        volunteer_client.post(attendance_url(person), {"attendance": "attended"}).status_code == 403
    )


# CSV ----------------------------------------------------------------------------------------


def test_csv_lists_everyone_with_a_bom_and_turkish_letters(coordinator_client, workshop):
    make_participant(workshop, email="gulsen@example.org", name="Gülşen Çağlar")
    make_participant(workshop, email="ilkay@example.org", name="İlkay Işın", status="waitlisted")

    response = coordinator_client.get(csv_url(workshop))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == [
        "Etkinlik",
        "Etkinlik başlangıcı",
        "Ad soyad",
        "E-posta",
        "Telefon",
        "Durum",
        "Bekleme sırası",
        "Katılım",
        "Kayıt zamanı",
        "İptal zamanı",
    ]
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["Gülşen Çağlar"][3:6] == ["gulsen@example.org", "", "Kaydı onaylandı"]
    assert by_name["İlkay Işın"][5:7] == ["Bekleme listesinde", "1"]


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(1)", "+90", "-2+3", "@SUM(A1)"])
def test_csv_cells_cannot_run_as_formulas(coordinator_client, workshop, dangerous):
    make_participant(workshop, email="a@example.org", name=f"{dangerous} Kişi")

    rows = csv_rows(coordinator_client.get(csv_url(workshop)))
    [_header, sheet_row] = xlsx_rows(coordinator_client.get(xlsx_url(workshop)))

    assert rows[1][2] == f"'{dangerous} Kişi"
    assert sheet_row[2] == f"{dangerous} Kişi"  # a string cell, shown as typed

"""The staff roster: who is confirmed, pending, waitlisted, cancelled, attended; who has not
confirmed they are coming; as a page and as CSV; decisions from the roster."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import SignUp
from esit.activities.versions import bump_rosters
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift


def roster_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/roster/"


def csv_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/roster.csv"


def read_csv(response) -> list[list[str]]:
    assert response.streaming  # row by row: a roster of 20,000 never sits in memory
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def named(name: str, **kwargs):
    first, last = name.split(" ", 1)
    user = factories.UserFactory(first_name=first, last_name=last)
    return factories.VolunteerFactory(user=user, **kwargs)


@pytest.fixture
def shift(db):
    return make_shift(capacity=2)


def test_roster_groups_everyone_by_status(coordinator_client, shift):
    factories.SignUpFactory(shift=shift, volunteer=named("Şule Çelik"))
    factories.SignUpFactory(shift=shift, volunteer=named("Gül Ağaoğlu"), status="pending")
    factories.SignUpFactory(shift=shift, volunteer=named("İpek Işık"), status="waitlisted")
    factories.SignUpFactory(shift=shift, volunteer=named("Ece Öz"), status="cancelled")

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    confirmed = html.index("Onaylı gönüllüler")
    pending = html.index("Onay bekleyen kayıtlar")
    waitlist = html.index("Bekleme listesi, yer açıldığında sırayla")
    cancelled = html.index("İptal edilen kayıtlar")
    assert confirmed < html.index("Şule Çelik") < pending
    assert pending < html.index("Gül Ağaoğlu") < waitlist
    assert waitlist < html.index("İpek Işık") < cancelled
    assert cancelled < html.index("Ece Öz")


def test_waitlist_is_shown_in_the_order_places_are_offered(coordinator_client, shift):
    now = timezone.now()
    for minutes, name in [(5, "Can Üçüncü"), (1, "Ada Birinci"), (3, "Bora İkinci")]:
        factories.SignUpFactory(
            shift=shift,
            volunteer=named(name),
            status="waitlisted",
            created_at=now - datetime.timedelta(minutes=60 - minutes),
        )

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    assert html.index("Ada Birinci") < html.index("Bora İkinci") < html.index("Can Üçüncü")


def test_staff_see_phone_numbers(coordinator_client, shift):
    volunteer = factories.VolunteerFactory(phone="+905321234567")
    factories.SignUpFactory(shift=shift, volunteer=volunteer)

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    assert "0532 123 45 67" in html


def test_roster_highlights_who_has_not_confirmed_coming_after_a_reminder(coordinator_client, shift):
    reminded = timezone.now() - datetime.timedelta(hours=2)
    factories.SignUpFactory(
        shift=shift, volunteer=named("Sessiz Gönüllü"), reminder_sent_at=reminded
    )
    factories.SignUpFactory(
        shift=shift,
        volunteer=named("Gelen Gönüllü"),
        reminder_sent_at=reminded,
        coming_confirmed_at=timezone.now(),
    )

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    silent_row = html[html.index("Sessiz Gönüllü") - 200 : html.index("Sessiz Gönüllü") + 800]
    coming_row = html[html.index("Gelen Gönüllü") - 200 : html.index("Gelen Gönüllü") + 800]
    assert 'class="not-confirmed"' in silent_row
    assert "Hatırlatmaya yanıt vermedi" in silent_row
    assert "Hatırlatmaya yanıt vermedi" not in coming_row.split("</tr>")[0]
    assert "1 gönüllü hatırlatmadan sonra geleceğini henüz onaylamadı" in html


def test_roster_shows_attendance(coordinator_client):
    shift = make_shift(starts_in_hours=-10)
    factories.SignUpFactory(shift=shift, volunteer=named("Katılan Kişi"), attendance="attended")
    factories.SignUpFactory(shift=shift, volunteer=named("Gelmeyen Kişi"), attendance="no_show")

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    assert "Katıldı" in html[html.index("Katılan Kişi") :]
    assert "Gelmedi" in html[html.index("Gelmeyen Kişi") :]


def test_volunteer_cannot_open_the_roster(volunteer_client, shift):
    assert volunteer_client.get(roster_url(shift.activity)).status_code == 403
    assert volunteer_client.get(csv_url(shift.activity)).status_code == 403


def test_unknown_activity_is_not_found(coordinator_client, db):
    assert coordinator_client.get("/staff/activities/999999/roster/").status_code == 404


def add_busy_shifts(activity, *, shifts: int, people: int) -> None:
    for index in range(shifts):
        starts = activity.starts_at + datetime.timedelta(hours=index * 4)
        extra = factories.ShiftFactory(
            activity=activity, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3)
        )
        fill(extra, people, reminder_sent_at=timezone.now())
        fill(extra, people, status="waitlisted")
        fill(extra, 1, status="pending")
        fill(extra, 1, status="cancelled", attendance="unknown")


def test_roster_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries):
    activity = make_shift().activity
    add_busy_shifts(activity, shifts=1, people=1)
    coordinator_client.get(roster_url(activity))  # warm the session
    bump_rosters([activity.pk])  # both pages measured are built afresh, not kept copies
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(roster_url(activity))
    # The roster's own reads: the activity, its shifts, the page's sign-up ids, those sign-ups
    # with their volunteers.
    assert len(few.captured_queries) <= ROSTER_QUERIES_AT_MOST

    add_busy_shifts(activity, shifts=5, people=6)

    with django_assert_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(roster_url(activity))
    assert response.content.decode().count('class="card roster-shift"') == 7


# session, user, the menu's profile lookup, the roster's four (its activity read once more
# when its copy is built, after the versions) and the audit event of the staff view (roles,
# second factor, permissions and scope come with the cached standing)
ROSTER_QUERIES_AT_MOST = 9


# Decisions from the roster ----------------------------------------------------------------------


def test_coordinator_approves_a_pending_sign_up_from_the_roster(coordinator_client, run_on_commit):
    shift = make_shift(activity__requires_approval=True)
    (pending,) = fill(shift, 1, status="pending")

    with run_on_commit():
        response = coordinator_client.post(f"/staff/signups/{pending.pk}/approve/")

    assert response.status_code == 302
    assert response["Location"] == f"{roster_url(shift.activity)}#shift-{shift.pk}"
    pending.refresh_from_db()
    assert pending.status == SignUp.Status.CONFIRMED
    assert len(emails_to(mail.outbox, pending.volunteer)) == 1


def test_coordinator_declines_a_pending_sign_up_from_the_roster(coordinator_client):
    shift = make_shift(activity__requires_approval=True)
    (pending,) = fill(shift, 1, status="pending")

    coordinator_client.post(f"/staff/signups/{pending.pk}/decline/", {"confirmed": "yes"})

    pending.refresh_from_db()
    assert pending.status == SignUp.Status.CANCELLED


def test_coordinator_cancels_a_sign_up_even_after_the_deadline(coordinator_client):
    shift = make_shift(starts_in_hours=3, activity__cancellation_deadline_hours=48)
    (signup,) = fill(shift, 1)

    coordinator_client.post(f"/staff/signups/{signup.pk}/cancel/", {"confirmed": "yes"})

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_refused_decision_is_explained(coordinator_client, shift):
    (signup,) = fill(shift, 1)

    response = coordinator_client.post(f"/staff/signups/{signup.pk}/approve/", follow=True)

    assert "Bu kayıt onay beklemiyor." in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_volunteer_cannot_decide_on_sign_ups(volunteer_client):
    shift = make_shift(activity__requires_approval=True)
    (pending,) = fill(shift, 1, status="pending")

    assert volunteer_client.post(f"/staff/signups/{pending.pk}/approve/").status_code == 403
    pending.refresh_from_db()
    assert pending.status == SignUp.Status.PENDING


def test_forged_sign_up_id_is_not_found(coordinator_client, db):
    assert coordinator_client.post("/staff/signups/999999/approve/").status_code == 404


# CSV ------------------------------------------------------------------------------------------


def test_csv_lists_every_sign_up_with_a_bom_for_excel(coordinator_client, shift):
    factories.SignUpFactory(shift=shift, volunteer=named("Şule Çağlayan"))
    factories.SignUpFactory(shift=shift, volunteer=named("İlkay Işın"), status="waitlisted")

    response = coordinator_client.get(csv_url(shift.activity))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:3] == ["Vardiya başlangıcı", "Vardiya bitişi", "Ad soyad"]
    names = {row[2]: row for row in rows[1:]}
    assert names["Şule Çağlayan"][5] == "Onaylandı"
    assert names["İlkay Işın"][5] == "Bekleme listesinde"
    assert names["İlkay Işın"][6] == "1"


def test_csv_times_are_on_istanbul_clock(coordinator_client, shift):
    fill(shift, 1)

    rows = read_csv(coordinator_client.get(csv_url(shift.activity)))

    assert rows[1][0] == timezone.localtime(shift.starts_at).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(1)", "+90", "-2+3", "@SUM(A1)"])
def test_csv_cells_cannot_run_as_formulas(coordinator_client, shift, dangerous):
    factories.SignUpFactory(shift=shift, volunteer=named(f"{dangerous} Kişi"))

    rows = read_csv(coordinator_client.get(csv_url(shift.activity)))

    assert rows[1][2] == f"'{dangerous} Kişi"


def test_csv_headers_follow_the_page_language(coordinator_client, shift):
    coordinator_client.cookies["esit_language"] = "en"

    rows = read_csv(coordinator_client.get(csv_url(shift.activity)))

    assert rows[0][2] != "Ad soyad"


# A large roster: paginated in the database ------------------------------------------------


def test_confirmed_volunteers_are_sorted_by_surname_in_turkish_order(coordinator_client, shift):
    shift.capacity = 10
    shift.save()
    for name in ["Zeynep Şen", "Ali Çakır", "Deniz Can", "Ece Ilgaz", "Oya İnce", "Ufuk Sağ"]:
        factories.SignUpFactory(shift=shift, volunteer=named(name))

    html = coordinator_client.get(roster_url(shift.activity)).content.decode()

    order = ["Deniz Can", "Ali Çakır", "Ece Ilgaz", "Oya İnce", "Ufuk Sağ", "Zeynep Şen"]
    positions = [html.index(name) for name in order]
    assert positions == sorted(positions)


@pytest.fixture
def small_pages(monkeypatch):
    from esit.activities.selectors import signups

    monkeypatch.setattr(signups, "ROSTER_PAGE_SIZE", 3)


def test_a_large_roster_is_shown_a_page_at_a_time(coordinator_client, shift, small_pages):
    shift.capacity = 10
    shift.save()
    names = ["Ada Bir", "Banu İki", "Cem Üç", "Dilek Dört", "Emre Beş"]
    for name in names:
        factories.SignUpFactory(shift=shift, volunteer=named(name))

    first = coordinator_client.get(roster_url(shift.activity)).content.decode()
    second = coordinator_client.get(roster_url(shift.activity) + "?page=2").content.decode()

    # by surname: Beş, Bir, Dört, İki, Üç
    assert [n for n in names if n in first] == ["Ada Bir", "Dilek Dört", "Emre Beş"]
    assert [n for n in names if n in second] == ["Banu İki", "Cem Üç"]
    assert "5 vardiya kaydı" in first
    assert "Sayfa 1 / 2" in first
    assert 'rel="next"' in first
    assert 'rel="prev"' in second
    assert "Onaylı gönüllüler (5)" in first
    assert "Onaylı gönüllüler (5)" in second


def test_waitlist_positions_continue_across_pages(coordinator_client, shift, small_pages):
    fill(shift, 2)
    now = timezone.now()
    for minutes, name in [(1, "Ada Birinci"), (2, "Bora İkinci"), (3, "Can Üçüncü")]:
        factories.SignUpFactory(
            shift=shift,
            volunteer=named(name),
            status="waitlisted",
            created_at=now - datetime.timedelta(minutes=60 - minutes),
        )

    second = coordinator_client.get(roster_url(shift.activity) + "?page=2").content.decode()

    # Page 1: the two confirmed and Ada; page 2 goes on with the queue's 2nd and 3rd.
    assert "Ada Birinci" not in second
    rows = second[second.index("Bekleme listesi, yer açıldığında sırayla") :]
    assert "<td>2</td>" in rows[: rows.index("Bora İkinci")]
    assert "<td>3</td>" in rows[rows.index("Bora İkinci") : rows.index("Can Üçüncü")]


def test_a_shift_whose_sign_ups_are_all_on_other_pages_says_so(coordinator_client, small_pages):
    activity = make_shift().activity
    first_shift = activity.shifts.get()
    fill(first_shift, 3)
    later = factories.ShiftFactory(
        activity=activity,
        starts_at=first_shift.starts_at + datetime.timedelta(hours=4),
        ends_at=first_shift.starts_at + datetime.timedelta(hours=7),
    )
    fill(later, 2)

    first = coordinator_client.get(roster_url(activity)).content.decode()

    assert first.count('class="card roster-shift"') == 2
    assert "Bu vardiyanın kayıtları başka sayfalarda." in first
    assert "Onaylı gönüllüler (3)" in first


def test_a_page_beyond_the_last_shows_the_last(coordinator_client, shift, small_pages):
    fill(shift, 2)
    response = coordinator_client.get(roster_url(shift.activity) + "?page=99")
    assert response.status_code == 200
    assert "2 vardiya kaydı" in response.content.decode()


def test_the_roster_page_stays_small_however_many_signed_up(coordinator_client):
    from esit.activities.selectors.signups import ROSTER_PAGE_SIZE

    shift = make_shift(capacity=ROSTER_PAGE_SIZE * 3)
    fill(shift, ROSTER_PAGE_SIZE + 1)
    one_page = len(coordinator_client.get(roster_url(shift.activity)).content)
    fill(shift, ROSTER_PAGE_SIZE)
    assert len(coordinator_client.get(roster_url(shift.activity)).content) < one_page + 200
    # 200 KB at most for the 20,000 roster: a full page here is far below it.
    assert one_page < 150 * 1024


def test_csv_lists_every_sign_up_not_only_one_page(coordinator_client, shift, small_pages):
    shift.capacity = 10
    shift.save()
    fill(shift, 5)
    fill(shift, 2, status="waitlisted")

    rows = read_csv(coordinator_client.get(csv_url(shift.activity)))

    assert len(rows) == 1 + 7
    assert [row[6] for row in rows[1:]] == ["", "", "", "", "", "1", "2"]


def test_xlsx_lists_every_sign_up_streamed(coordinator_client, shift):
    import openpyxl

    factories.SignUpFactory(shift=shift, volunteer=named("Şule Çağlayan"))
    factories.SignUpFactory(shift=shift, volunteer=named("=Tehlikeli Ad"), status="waitlisted")

    response = coordinator_client.get(f"/staff/activities/{shift.activity.pk}/roster.xlsx")

    assert response.streaming
    assert "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.iter_rows())
    assert rows[0][2].value == "Ad soyad"
    assert {row[2].value for row in rows[1:]} == {"Şule Çağlayan", "=Tehlikeli Ad"}
    # The name is shown as typed and stored as text: a spreadsheet never runs it as a formula.
    assert {row[2].data_type for row in rows[1:]} == {"s"}


def test_volunteer_cannot_download_the_xlsx(volunteer_client, shift):
    response = volunteer_client.get(f"/staff/activities/{shift.activity.pk}/roster.xlsx")
    assert response.status_code == 403

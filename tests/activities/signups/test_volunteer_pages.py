"""The volunteer's pages: sign up and cancel by plain form posts, and /me/shifts/."""

import datetime

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import SignUp
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift

MY_SHIFTS = "/me/shifts/"


def sign_up_url(shift) -> str:
    return f"/activities/shifts/{shift.pk}/sign-up/"


def cancel_url(signup) -> str:
    return f"/activities/signups/{signup.pk}/cancel/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_routes_have_their_documented_paths():
    assert reverse("signups:sign_up", args=[7]) == "/activities/shifts/7/sign-up/"
    assert reverse("signups:cancel", args=[7]) == "/activities/signups/7/cancel/"
    assert reverse("signups:my_shifts") == MY_SHIFTS
    assert reverse("signups:roster", args=[7]) == "/staff/activities/7/roster/"
    assert reverse("signups:roster_csv", args=[7]) == "/staff/activities/7/roster.csv"
    assert reverse("signups:check_in", args=[7]) == "/staff/shifts/7/check-in/"


def test_signing_up_redirects_to_the_activity_with_a_message(
    volunteer_client, volunteer, shift, run_on_commit
):
    with run_on_commit():
        response = volunteer_client.post(sign_up_url(shift))

    assert response.status_code == 302
    assert response["Location"] == f"/activities/{shift.activity_id}/"
    assert SignUp.objects.get(volunteer=volunteer).status == "confirmed"
    assert len(emails_to(mail.outbox, volunteer)) == 1
    page = volunteer_client.get(MY_SHIFTS)
    assert "Kaydınız onaylandı" in " ".join(messages_of(page))


def test_refused_sign_up_comes_back_with_the_reason(volunteer_client, volunteer):
    shift = make_shift(activity__status="cancelled")

    response = volunteer_client.post(sign_up_url(shift), follow=False)

    assert response.status_code == 302
    assert not SignUp.objects.exists()
    page = volunteer_client.get(MY_SHIFTS)
    assert "iptal edildi; kayıt alınmıyor" in " ".join(messages_of(page))


def test_forged_shift_id_changes_nothing(volunteer_client):
    response = volunteer_client.post("/activities/shifts/999999/sign-up/")

    assert response.status_code == 404
    assert not SignUp.objects.exists()


def test_sign_up_needs_a_post(volunteer_client, shift):
    assert volunteer_client.get(sign_up_url(shift)).status_code == 405
    assert not SignUp.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, shift):
    response = client.post(sign_up_url(shift))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not SignUp.objects.exists()


def test_staff_without_a_volunteer_profile_cannot_sign_up(coordinator_client, shift):
    response = coordinator_client.post(sign_up_url(shift))

    assert response.status_code == 200
    assert not SignUp.objects.exists()


def test_volunteer_cancels_from_my_shifts_and_comes_back_there(volunteer_client, volunteer):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=72))

    response = volunteer_client.post(cancel_url(signup), {"next": MY_SHIFTS, "confirmed": "yes"})

    assert response["Location"] == MY_SHIFTS
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_cancel_does_not_follow_a_next_address_off_the_site(volunteer_client, volunteer, shift):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    response = volunteer_client.post(
        cancel_url(signup), {"next": "https://evil.example/", "confirmed": "yes"}
    )

    assert response["Location"] == f"/activities/{shift.activity_id}/"


def test_volunteer_cannot_cancel_someone_elses_sign_up(volunteer_client, shift):
    (other,) = fill(shift, 1)

    response = volunteer_client.post(cancel_url(other))

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == SignUp.Status.CONFIRMED


def test_cancel_after_the_deadline_explains_why(volunteer_client, volunteer):
    shift = make_shift(starts_in_hours=5, activity__cancellation_deadline_hours=24)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    volunteer_client.post(cancel_url(signup), {"next": MY_SHIFTS})
    page = volunteer_client.get(MY_SHIFTS)

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED
    assert "İptal süresi doldu" in " ".join(messages_of(page))


# /me/shifts/ ----------------------------------------------------------------------------------


def test_my_shifts_lists_upcoming_and_past_sign_ups(volunteer_client, volunteer):
    upcoming = factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=50))
    past = factories.SignUpFactory(
        volunteer=volunteer, shift=make_shift(starts_in_hours=-50), attendance="attended"
    )

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    upcoming_part, past_part = html.split('id="past-heading"')
    assert upcoming.shift.activity.title_tr in upcoming_part
    assert past.shift.activity.title_tr in past_part
    assert "Katıldı" in past_part


def test_my_shifts_shows_the_waitlist_position(volunteer_client, volunteer):
    shift = make_shift(capacity=1)
    fill(shift, 1)
    fill(shift, 2, status="waitlisted")
    factories.SignUpFactory(volunteer=volunteer, shift=shift, status="waitlisted")

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert "Bekleme listesinde 3. sıradasınız." in html


def test_my_shifts_offers_cancel_before_the_deadline(volunteer_client, volunteer):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=72))

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert f'action="{cancel_url(signup)}"' in html


def test_my_shifts_disables_cancel_after_the_deadline_and_says_why(volunteer_client, volunteer):
    shift = make_shift(starts_in_hours=5, activity__cancellation_deadline_hours=24)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert f'action="{cancel_url(signup)}"' not in html
    assert f'disabled aria-describedby="no-cancel-{signup.pk}"' in html
    assert "İptal süresi" in html


def test_my_shifts_asks_to_confirm_coming_after_a_reminder(volunteer_client, volunteer):
    factories.SignUpFactory(
        volunteer=volunteer,
        shift=make_shift(starts_in_hours=20),
        reminder_sent_at=timezone.now() - datetime.timedelta(hours=1),
    )

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert 'action="/activities/signups/confirm/' in html
    assert "Geleceğimi onaylıyorum" in html


def test_my_shifts_does_not_ask_before_any_reminder(volunteer_client, volunteer):
    factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=20))

    assert "Geleceğimi onaylıyorum" not in volunteer_client.get(MY_SHIFTS).content.decode()


def test_my_shifts_shows_only_my_own_sign_ups(volunteer_client, shift):
    fill(shift, 1)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert shift.activity.title_tr not in html


def test_titles_typed_by_staff_are_escaped(volunteer_client, volunteer):
    shift = make_shift(activity__title_tr="<script>alert(1)</script>")
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_my_shifts_shows_times_in_istanbul(volunteer_client, volunteer):
    starts = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=3), datetime.time(9, 30)
        )
    )
    shift = factories.ShiftFactory(
        activity=make_shift().activity,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert "09:30" in html
    assert "11:30" in html


def add_my_shifts(volunteer, count: int, offset: int = 0) -> None:
    for index in range(offset, offset + count):
        shift = make_shift(starts_in_hours=30 + index * 10, capacity=1)
        fill(shift, 1)
        factories.SignUpFactory(volunteer=volunteer, shift=shift, status="waitlisted")
        factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=-30 - index))


def test_my_shifts_runs_a_fixed_number_of_queries(
    volunteer_client, volunteer, django_assert_num_queries
):
    add_my_shifts(volunteer, 1)
    volunteer_client.get(MY_SHIFTS)  # warm the session
    with CaptureQueriesContext(connection) as few:
        volunteer_client.get(MY_SHIFTS)
    assert len(few.captured_queries) <= MY_SHIFTS_QUERIES_AT_MOST

    add_my_shifts(volunteer, 6, offset=1)

    with django_assert_num_queries(len(few.captured_queries)):
        html = volunteer_client.get(MY_SHIFTS).content.decode()
    assert html.count("sıradasınız") == 7


# session, user, profile with its areas and languages, the menu's roles, upcoming, past
MY_SHIFTS_QUERIES_AT_MOST = 8

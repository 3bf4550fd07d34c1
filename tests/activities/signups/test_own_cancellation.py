"""A volunteer cancels their own sign-up: one rule for the activity page, /me/shifts/ and the
service (deadline, start, attendance), a confirmation step first, and a warning when signing
up after the deadline (docs/activities.md)."""

import datetime

import pytest
from django.utils import timezone

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import cancel_sign_up, own_cancel_refusal, sign_up
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.activities.signups.test_volunteer_pages import (
    MY_SHIFTS,
    cancel_url,
    messages_of,
    sign_up_url,
)


def activity_url(shift) -> str:
    return f"/activities/{shift.activity_id}/"


def checked_in_early(volunteer) -> SignUp:
    """Checked in at the door an hour before the start (check-in opens two hours before)."""
    shift = make_shift(starts_in_hours=1, activity__cancellation_deadline_hours=0)
    return factories.SignUpFactory(
        volunteer=volunteer, shift=shift, attendance="attended", checked_in_at=timezone.now()
    )


# The rule ---------------------------------------------------------------------------------


def test_a_place_can_be_given_back_before_the_deadline(volunteer):
    signup = factories.SignUpFactory(
        volunteer=volunteer,
        shift=make_shift(starts_in_hours=48, activity__cancellation_deadline_hours=24),
    )

    assert own_cancel_refusal(signup) is None


def test_a_place_cannot_be_given_back_after_the_deadline(volunteer):
    signup = factories.SignUpFactory(
        volunteer=volunteer,
        shift=make_shift(starts_in_hours=10, activity__cancellation_deadline_hours=24),
    )

    assert "İptal süresi doldu" in own_cancel_refusal(signup)


def test_a_checked_in_sign_up_cannot_be_cancelled_even_before_the_start(volunteer):
    signup = checked_in_early(volunteer)

    assert "Katılımınız kaydedildiği için" in own_cancel_refusal(signup)


def test_a_started_shift_cannot_be_cancelled_without_a_deadline(volunteer):
    signup = factories.SignUpFactory(
        volunteer=volunteer,
        shift=make_shift(starts_in_hours=-0.5, activity__cancellation_deadline_hours=0),
    )

    assert "Vardiya başladı" in own_cancel_refusal(signup)


def test_the_waitlist_can_be_left_after_the_deadline(volunteer):
    shift = make_shift(starts_in_hours=2, capacity=1, activity__cancellation_deadline_hours=24)
    fill(shift, 1)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift, status="waitlisted")

    assert own_cancel_refusal(signup) is None


# The activity page ------------------------------------------------------------------------


def test_activity_page_offers_no_cancel_after_the_deadline_and_says_why(
    volunteer_client, volunteer
):
    shift = make_shift(starts_in_hours=10, activity__cancellation_deadline_hours=24)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(activity_url(shift)).content.decode()

    assert f'action="{cancel_url(signup)}"' not in html
    assert "İptal süresi doldu" in html


def test_activity_page_offers_no_cancel_after_check_in(volunteer_client, volunteer):
    signup = checked_in_early(volunteer)

    html = volunteer_client.get(activity_url(signup.shift)).content.decode()

    assert f'action="{cancel_url(signup)}"' not in html
    assert "Katılımınız kaydedildiği için bu kayıt artık iptal edilemez." in html


def test_activity_page_shows_that_the_volunteer_was_checked_in(volunteer_client, volunteer):
    signup = checked_in_early(volunteer)

    html = volunteer_client.get(activity_url(signup.shift)).content.decode()

    assert "Yoklamada geldiniz" in html


def test_activity_page_cancel_is_a_secondary_danger_button(volunteer_client, volunteer, shift):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(activity_url(shift)).content.decode()

    form = html[html.index(f'action="{cancel_url(signup)}"') :]
    assert 'class="button button-secondary button-danger"' in form[: form.index("</form>")]


# /me/shifts/ ------------------------------------------------------------------------------


def test_my_shifts_offers_no_cancel_after_check_in_and_says_why(volunteer_client, volunteer):
    signup = checked_in_early(volunteer)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    assert f'action="{cancel_url(signup)}"' not in html
    assert "Katılımınız kaydedildiği için bu kayıt artık iptal edilemez." in html
    assert "Yoklamada geldiniz" in html


def test_my_shifts_cancel_is_a_secondary_danger_button(volunteer_client, volunteer, shift):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    html = volunteer_client.get(MY_SHIFTS).content.decode()

    form = html[html.index(f'action="{cancel_url(signup)}"') :]
    assert 'class="button button-secondary button-danger"' in form[: form.index("</form>")]


# The confirmation step --------------------------------------------------------------------


def test_cancelling_asks_first_and_changes_nothing(volunteer_client, volunteer, shift):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    response = volunteer_client.post(cancel_url(signup), {"next": MY_SHIFTS})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vardiya kaydınız iptal edilsin mi?" in html
    assert '<input type="hidden" name="next" value="/me/shifts/">' in html
    assert '<input type="hidden" name="confirmed" value="yes">' in html
    assert 'class="button button-danger">Evet, kaydımı iptal et</button>' in html
    assert 'href="/me/shifts/"' in html
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_the_confirmed_post_cancels(volunteer_client, volunteer, shift):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    response = volunteer_client.post(cancel_url(signup), {"confirmed": "yes"})

    assert response["Location"] == activity_url(shift)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_leaving_the_waitlist_asks_in_its_own_words(volunteer_client, volunteer):
    shift = make_shift(capacity=1)
    fill(shift, 1)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift, status="waitlisted")

    html = volunteer_client.post(cancel_url(signup)).content.decode()

    assert "Bekleme listesinden çıkılsın mı?" in html
    assert "Evet, bekleme listesinden çık" in html


def test_a_refused_cancel_says_why_without_asking(volunteer_client, volunteer):
    signup = checked_in_early(volunteer)

    response = volunteer_client.post(cancel_url(signup), {"next": MY_SHIFTS})

    assert response.status_code == 302
    assert "Katılımınız kaydedildiği" in " ".join(messages_of(volunteer_client.get(MY_SHIFTS)))
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


# Signing up after the deadline ------------------------------------------------------------


@pytest.fixture
def past_deadline(db):
    return make_shift(starts_in_hours=10, activity__cancellation_deadline_hours=24)


def test_sign_up_button_says_the_place_cannot_be_cancelled_after_the_deadline(
    volunteer_client, past_deadline
):
    html = volunteer_client.get(activity_url(past_deadline)).content.decode()

    assert f'aria-describedby="no-cancel-shift-{past_deadline.pk}"' in html
    assert "kaydolursanız kaydınızı kendiniz iptal edemezsiniz" in html


def test_sign_up_button_says_nothing_of_the_kind_before_the_deadline(volunteer_client, shift):
    html = volunteer_client.get(activity_url(shift)).content.decode()

    assert "kendiniz iptal edemezsiniz" not in html


def test_signing_up_after_the_deadline_says_it_cannot_be_cancelled(volunteer_client, past_deadline):
    volunteer_client.post(sign_up_url(past_deadline))

    said = " ".join(messages_of(volunteer_client.get(MY_SHIFTS)))
    assert "Kaydınız onaylandı" in said
    assert "bu kaydı kendiniz iptal edemezsiniz" in said


def test_joining_the_waitlist_after_the_deadline_says_the_waitlist_can_be_left(
    volunteer_client, db
):
    shift = make_shift(starts_in_hours=10, capacity=1, activity__cancellation_deadline_hours=24)
    fill(shift, 1)

    volunteer_client.post(sign_up_url(shift))

    said = " ".join(messages_of(volunteer_client.get(MY_SHIFTS)))
    assert "bekleme listesinden ise istediğiniz zaman çıkabilirsiniz" in said


def test_signing_up_before_the_deadline_says_nothing_of_the_kind(volunteer_client, shift):
    volunteer_client.post(sign_up_url(shift))

    assert "iptal edemezsiniz" not in " ".join(messages_of(volunteer_client.get(MY_SHIFTS)))


def test_the_service_refuses_the_volunteers_cancel_after_check_in(volunteer):
    signup = checked_in_early(volunteer)

    with pytest.raises(ActivityError, match="Katılımınız kaydedildiği"):
        cancel_sign_up(signup=signup)


def test_a_sign_up_made_through_the_service_counts_its_deadline(volunteer):
    shift = make_shift(starts_in_hours=30, activity__cancellation_deadline_hours=24)
    signup = sign_up(volunteer=volunteer, shift=shift)

    assert own_cancel_refusal(signup, now=timezone.now() + datetime.timedelta(hours=7))

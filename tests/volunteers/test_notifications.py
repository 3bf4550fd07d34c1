"""/me/notifications/: one checkbox per optional kind of message, saved as preferences."""

from esit.notifications import preferences
from esit.notifications.models import Preference

from .conftest import DIGEST, REMINDER, preferences_of
from .markup import is_checked

NOTIFICATIONS = "/me/notifications/"


def test_notification_form_starts_from_the_current_preferences(volunteer_client, volunteer):
    preferences.set_preference(user=volunteer.user, kind_key=DIGEST.key, enabled=False)

    response = volunteer_client.get(NOTIFICATIONS)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<legend><h2>Hangi e-postaları almak istersiniz?</h2></legend>" in page
    assert is_checked(page, REMINDER)
    assert not is_checked(page, DIGEST.key)
    assert '<label for="id_signups.reminder">Vardiya hatırlatmaları</label>' in page
    assert "Katılacağınız vardiyalardan önce bir hatırlatma." in page


def test_only_optional_kinds_are_offered(volunteer_client):
    page = volunteer_client.get(NOTIFICATIONS).content.decode()

    assert 'name="signups.confirmed"' not in page  # a sign-up confirmation always goes
    assert "her zaman gönderilir" in page


def test_volunteer_turns_preferences_off_and_on(volunteer_client, volunteer):
    response = volunteer_client.post(NOTIFICATIONS, {DIGEST.key: "on"}, follow=True)

    assert response.redirect_chain == [("/me/", 302)]
    assert preferences_of(volunteer) == (False, True)
    page = response.content.decode()
    assert "Bildirim tercihleriniz kaydedildi." in page
    assert "<dt>Vardiya hatırlatmaları</dt><dd>Kapalı</dd>" in page
    assert "<dt>Haftalık özet (test)</dt><dd>Açık</dd>" in page

    volunteer_client.post(NOTIFICATIONS, {REMINDER: "on"})

    assert preferences_of(volunteer) == (True, False)


def test_only_what_differs_from_the_default_is_stored(volunteer_client, volunteer):
    volunteer_client.post(NOTIFICATIONS, {REMINDER: "on"})

    stored = Preference.objects.filter(kind__in=[REMINDER, DIGEST.key])
    assert list(stored.values_list("kind", "enabled")) == [(DIGEST.key, False)]


def test_unchecking_everything_turns_all_optional_e_mail_off(volunteer_client, volunteer):
    # A browser posts only the CSRF token when every box is unticked.
    volunteer_client.post(NOTIFICATIONS, {"csrfmiddlewaretoken": "ignored-by-test-client"})

    assert set(preferences.choices_of(volunteer.user).values()) == {False}


def test_withdrawn_volunteer_cannot_switch_e_mail_back_on(
    withdrawn_volunteer_client, withdrawn_volunteer
):
    response = withdrawn_volunteer_client.post(NOTIFICATIONS, {REMINDER: "on", DIGEST.key: "on"})

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    assert preferences_of(withdrawn_volunteer) == (False, False)

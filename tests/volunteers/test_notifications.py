from esit.volunteers.models import Volunteer

from .markup import is_checked

NOTIFICATIONS = "/me/notifications/"


def _preferences(volunteer):
    fresh = Volunteer.objects.get(pk=volunteer.pk)
    return fresh.notify_announcements, fresh.notify_activities, fresh.notify_reminders


def test_notification_form_starts_from_the_current_preferences(volunteer_client, volunteer):
    volunteer.notify_activities = False
    volunteer.save(update_fields=["notify_activities"])

    response = volunteer_client.get(NOTIFICATIONS)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<legend><h2>Hangi e-postaları almak istersiniz?</h2></legend>" in page
    assert is_checked(page, "announcements")
    assert not is_checked(page, "activities")
    assert is_checked(page, "reminders")
    assert '<label for="id_reminders">Vardiya hatırlatmaları</label>' in page


def test_volunteer_turns_preferences_off_and_on(volunteer_client, volunteer):
    response = volunteer_client.post(NOTIFICATIONS, {"reminders": "on"}, follow=True)

    assert response.redirect_chain == [("/me/", 302)]
    assert _preferences(volunteer) == (False, False, True)
    page = response.content.decode()
    assert "Bildirim tercihleriniz kaydedildi." in page
    assert "<dt>Duyurular</dt><dd>Kapalı</dd>" in page
    assert "<dt>Vardiya hatırlatmaları</dt><dd>Açık</dd>" in page

    volunteer_client.post(NOTIFICATIONS, {"announcements": "on", "activities": "on"})

    assert _preferences(volunteer) == (True, True, False)


def test_unchecking_everything_turns_all_e_mail_off(volunteer_client, volunteer):
    # A browser posts only the CSRF token when every box is unticked.
    volunteer_client.post(NOTIFICATIONS, {"csrfmiddlewaretoken": "ignored-by-test-client"})

    assert _preferences(volunteer) == (False, False, False)


def test_withdrawn_volunteer_cannot_switch_e_mail_back_on(
    withdrawn_volunteer_client, withdrawn_volunteer
):
    response = withdrawn_volunteer_client.post(
        NOTIFICATIONS, {"announcements": "on", "activities": "on", "reminders": "on"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    assert _preferences(withdrawn_volunteer) == (False, False, False)

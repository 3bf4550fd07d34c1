from esit.notifications import preferences
from esit.notifications.models import Preference
from esit.volunteers.models import Volunteer

from .markup import error_next_to, is_checked

WITHDRAW = "/me/withdraw/"


def test_withdraw_page_asks_for_an_explicit_confirmation(volunteer_client, volunteer):
    response = volunteer_client.get(WITHDRAW)

    assert response.status_code == 200
    page = response.content.decode()
    assert not is_checked(page, "confirm")
    assert (
        '<label for="id_confirm">Eşit İzmir gönüllü programından ayrılmak istediğimi onaylıyorum.'
        in page
    )
    assert Volunteer.objects.get(pk=volunteer.pk).is_active


def test_withdrawing_without_ticking_the_box_changes_nothing(volunteer_client, volunteer):
    response = volunteer_client.post(WITHDRAW, {})

    assert response.status_code == 200
    page = response.content.decode()
    assert error_next_to(page, "id_confirm") == "Ayrılmak için lütfen onay kutusunu işaretleyin."
    assert 'class="error-summary"' in page
    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert fresh.status == Volunteer.Status.ACTIVE
    assert fresh.left_at is None
    assert set(preferences.choices_of(volunteer.user).values()) == {True}


def test_confirmed_withdrawal_leaves_the_programme_and_stops_e_mail(volunteer_client, volunteer):
    response = volunteer_client.post(WITHDRAW, {"confirm": "on"}, follow=True)

    assert response.redirect_chain == [("/me/", 302)]
    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert fresh.status == Volunteer.Status.WITHDRAWN
    assert fresh.left_at is not None
    assert set(preferences.choices_of(volunteer.user).values()) == {False}
    # Every optional kind, also those the next capabilities register (announcements…).
    assert list(Preference.objects.filter(user=volunteer.user).values_list("kind", "enabled")) == [
        (Preference.ALL_OPTIONAL, False)
    ]
    # The account stays: hours and certificates must survive.
    assert fresh.user.is_active
    page = response.content.decode()
    assert "Eşit İzmir gönüllü programından ayrıldınız." in page
    assert "Programdan ayrıldınız" in page
    assert 'href="/apply/"' in page


def test_withdrawn_volunteer_cannot_withdraw_again(withdrawn_volunteer_client, withdrawn_volunteer):
    left_at = withdrawn_volunteer.left_at

    response = withdrawn_volunteer_client.post(WITHDRAW, {"confirm": "on"})

    assert response.status_code == 302
    assert Volunteer.objects.get(pk=withdrawn_volunteer.pk).left_at == left_at

"""An applicant corrects her pending application: contact details, district,
areas, languages and week, through /apply/status/<token>/correct/ or correct_application()."""

import re

import pytest
from django.core import mail

from esit.applications import services
from esit.applications.models import Application, Decision
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.reference.availability import from_mask, to_mask
from esit.volunteers import services as volunteer_services
from tests import factories

from .conftest import checked_values, field_error, form_errors, input_value, is_selected, page
from .test_apply_journey import DUPLICATE_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(db):
    return factories.ApplicationFactory(
        email="ayse.yilmaz@example.org",
        phone="+905321234567",
        district=factories.district("konak"),
        areas=[factories.area("translation")],
        languages=[(factories.language("en"), "fluent")],
        availability=to_mask(["mon_morning"]),
    )


def correct(application, **changes):
    values = {
        "email": application.email,
        "phone": application.phone,
        "district": application.district,
        "areas": list(application.areas.all()),
        "languages": [(row.language, row.level) for row in application.languages.all()],
        "availability": application.availability,
    }
    values.update(changes)
    return services.correct_application(application=application, **values)


def correct_url(application) -> str:
    return f"/apply/status/{application.status_token}/correct/"


def status_url(application) -> str:
    return f"/apply/status/{application.status_token}/"


def correction_post(application, **changes) -> dict:
    """The correction form as a browser posts it, with the application's current values."""
    data = {
        "email": application.email,
        "phone": "0532 123 45 67",
        "district": str(application.district_id),
        "areas": [str(area.pk) for area in application.areas.all()],
        "availability": from_mask(application.availability),
        **{f"language_{row.language.code}": row.level for row in application.languages.all()},
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# The service -------------------------------------------------------------------------------


def test_an_applicant_corrects_her_phone_district_areas_languages_and_week(application):
    correct(
        application,
        phone="0533 765 43 21",
        district=factories.district("bornova"),
        areas=[factories.area("workshops"), factories.area("guidance")],
        languages=[(factories.language("ar"), "native")],
        availability=to_mask(["sat_evening"]),
    )
    application.refresh_from_db()
    assert application.phone == "+905337654321"
    assert application.district.slug == "bornova"
    assert {area.slug for area in application.areas.all()} == {"workshops", "guidance"}
    assert {(r.language.code, r.level) for r in application.languages.all()} == {("ar", "native")}
    assert from_mask(application.availability) == ["sat_evening"]


def test_a_correction_is_recorded_as_corrected_by_the_applicant_with_what_changed(application):
    correct(application, district=factories.district("bornova"), availability=0)
    decision = Decision.objects.get(application=application)
    assert decision.kind == Decision.Kind.CORRECT
    assert decision.decided_by is None
    assert decision.changed_fields == ["district", "availability"]
    assert decision.changed_labels == ["ilçe", "haftalık uygunluk"]


def test_a_correction_that_changes_nothing_records_nothing(application, run_on_commit):
    with run_on_commit():
        correction = correct(application, phone="0532 123 45 67")
    assert correction.changed == []
    assert not Decision.objects.exists()
    assert mail.outbox == []


def test_a_corrected_email_is_stored_in_its_one_form_and_found_by_search(application):
    correct(application, email="AYSE.YİLMAZ@Yeni.ORG")
    application.refresh_from_db()
    assert application.email == "ayse.yilmaz@yeni.org"
    assert application.search_text == "ışıl güneş ayse.yilmaz@yeni.org"


def test_a_changed_email_gets_a_confirmation_at_the_new_address_only(application, run_on_commit):
    with run_on_commit():
        correct(application, email="ayse@yeni.example.org")
    assert [message.to for message in mail.outbox] == [["ayse@yeni.example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Eşit İzmir · Başvurunuzdaki e-posta adresi düzeltildi"
    assert f"http://testserver/apply/status/{application.status_token}/" in message.body


def test_each_correction_of_the_address_is_confirmed_at_the_address_it_gave(
    application, run_on_commit
):
    with run_on_commit():
        correct(application, email="ayse@yeni.example.org")
    application.refresh_from_db()
    with run_on_commit():
        correct(application, email="ayse@en-yeni.example.org")

    assert [message.to for message in mail.outbox] == [
        ["ayse@yeni.example.org"],
        ["ayse@en-yeni.example.org"],
    ]


def test_a_confirmation_for_an_address_corrected_again_before_it_left_is_not_sent(application):
    # No commit in this test: the deliveries wait in the queue until send_one() below.
    correct(application, email="ayse@yeni.example.org")
    application.refresh_from_db()
    correct(application, email="ayse@en-yeni.example.org")
    first, second = Delivery.objects.filter(kind="applications.email_corrected").order_by("pk")

    assert notifications.send_one(first.pk) == Delivery.Status.SUPPRESSED
    assert notifications.send_one(second.pk) == Delivery.Status.SENT
    assert [message.to for message in mail.outbox] == [["ayse@en-yeni.example.org"]]


def test_a_correction_that_keeps_the_email_sends_no_email(application, run_on_commit):
    with run_on_commit():
        correct(application, district=factories.district("bornova"))
    assert mail.outbox == []


def test_no_email_is_sent_before_the_correction_commits(
    application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        correct(application, email="ayse@yeni.example.org")
    assert callbacks
    assert mail.outbox == []


def test_a_waitlisted_application_can_be_corrected(application):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.WAITLISTED)
    correct(application, district=factories.district("bornova"))
    application.refresh_from_db()
    assert application.district.slug == "bornova"


@pytest.mark.parametrize(
    "status",
    [Application.Status.APPROVED, Application.Status.REJECTED, Application.Status.WITHDRAWN],
)
def test_a_decided_or_withdrawn_application_cannot_be_corrected(application, status):
    Application.objects.filter(pk=application.pk).update(status=status)
    with pytest.raises(services.ApplicationError) as refused:
        correct(application, district=factories.district("bornova"))
    assert str(refused.value.message) == "Bu başvuru artık düzeltilemez."
    application.refresh_from_db()
    assert application.district.slug == "konak"
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"phone": "0232 123 45 67"},
            "phone",
            "Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67.",
        ),
        ({"email": "ayse@"}, "email", "Geçerli bir e-posta adresi girin."),
        ({"areas": []}, "areas", "En az bir gönüllülük alanı seçin."),
        ({"availability": 1 << 30}, "availability", "Lütfen tablodaki gün ve saatlerden seçin."),
    ],
)
def test_a_correction_meets_the_rules_of_the_form(application, changes, field, message):
    with pytest.raises(services.ApplicationError) as refused:
        correct(application, **changes)
    assert (refused.value.field, str(refused.value.message)) == (field, message)
    assert not Decision.objects.exists()


def test_a_correction_to_another_open_application_s_email_is_refused_as_a_duplicate(
    application, run_on_commit
):
    other = factories.ApplicationFactory(email="baskasi@example.org")
    with run_on_commit(), pytest.raises(services.DuplicateApplication) as refused:
        correct(application, email="baskasi@example.org")
    assert str(refused.value.message) == DUPLICATE_MESSAGE
    application.refresh_from_db()
    assert application.email == "ayse.yilmaz@example.org"
    assert not Decision.objects.exists()
    # Its owner is reminded of her own link, as for any duplicate.
    assert [message.to for message in mail.outbox] == [["baskasi@example.org"]]
    assert other.status_token in mail.outbox[0].body


def test_a_correction_to_another_open_application_s_phone_is_refused_as_a_duplicate(
    application,
):
    factories.ApplicationFactory(phone="+905337654321")
    with pytest.raises(services.DuplicateApplication):
        correct(application, phone="0533 765 43 21")
    application.refresh_from_db()
    assert application.phone == "+905321234567"


def test_a_correction_to_an_active_volunteer_s_email_is_refused_as_a_duplicate(
    application, run_on_commit
):
    factories.VolunteerFactory(user__email="gonullu@example.org")
    with run_on_commit(), pytest.raises(services.DuplicateApplication) as refused:
        correct(application, email="gonullu@example.org")
    assert str(refused.value.message) == DUPLICATE_MESSAGE
    assert [message.to for message in mail.outbox] == [["gonullu@example.org"]]
    assert "/me/profile/" in mail.outbox[0].body


def test_a_correction_to_an_active_volunteer_s_phone_is_refused_as_a_duplicate(application):
    volunteer = factories.VolunteerFactory()
    with pytest.raises(services.DuplicateApplication):
        correct(application, phone=volunteer.phone)


def test_a_correction_to_a_former_volunteer_s_email_makes_the_application_a_rejoining_one(
    application,
):
    former = factories.VolunteerFactory(user__email="eski@example.org")
    volunteer_services.withdraw_from_programme(volunteer=former)
    correct(application, email="eski@example.org")
    application.refresh_from_db()
    assert application.email == "eski@example.org"


def test_a_detail_she_does_not_change_is_not_checked_again(application):
    # Her phone came to be on a volunteer's profile after she applied; she only moves district.
    factories.VolunteerFactory(phone=application.phone)
    correct(application, district=factories.district("bornova"))
    application.refresh_from_db()
    assert application.district.slug == "bornova"


def test_a_racing_application_that_takes_the_email_is_stopped_by_the_database(
    application, monkeypatch, run_on_commit
):
    """Both requests pass the Python check; the unique constraint decides, the owner is told."""
    other = factories.ApplicationFactory(email="yarisan@example.org")
    real_check = services._taken
    calls = []

    def check_that_misses_the_first_time(*args, **kwargs):
        calls.append(kwargs)
        return (
            services._Taken(members=[], duplicate=None)
            if len(calls) == 1
            else real_check(*args, **kwargs)
        )

    monkeypatch.setattr(services, "_taken", check_that_misses_the_first_time)
    with run_on_commit(), pytest.raises(services.DuplicateApplication) as refused:
        correct(application, email="yarisan@example.org")
    assert refused.value.existing == other
    application.refresh_from_db()
    assert application.email == "ayse.yilmaz@example.org"
    assert not Decision.objects.exists()
    assert [message.to for message in mail.outbox] == [["yarisan@example.org"]]


# The pages ---------------------------------------------------------------------------------


def test_the_status_page_offers_to_correct_a_pending_application(client, application):
    html = page(client.get(status_url(application)))
    assert f'<a class="button" href="{correct_url(application)}">' in html


def test_withdrawing_is_a_secondary_danger_button_below_correcting(client, application):
    html = page(client.get(status_url(application)))
    assert 'class="button button-secondary button-danger">Başvurumu geri çek</button>' in html
    assert html.index(correct_url(application)) < html.index('name="confirm"')


def test_a_decided_application_offers_no_correction(client, application):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.APPROVED)
    assert correct_url(application) not in page(client.get(status_url(application)))


def test_the_correction_page_of_a_decided_application_leads_back_to_the_status(client, application):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.REJECTED)
    response = client.get(correct_url(application), follow=True)
    assert response.redirect_chain == [(status_url(application), 302)]
    assert "Bu başvuru artık düzeltilemez." in page(response)


def test_the_correction_page_is_filled_with_the_application(client, application):
    response = client.get(correct_url(application))
    assert response.status_code == 200
    assert input_value(response, "email") == "ayse.yilmaz@example.org"
    assert input_value(response, "phone") == "0532 123 45 67"
    assert is_selected(response, "district", str(factories.district("konak").pk))
    assert checked_values(response, "areas") == {str(factories.area("translation").pk)}
    assert is_selected(response, "language_en", "fluent")
    assert checked_values(response, "availability") == {"mon_morning"}


def test_the_correction_page_is_private(client, application):
    response = client.get(correct_url(application))
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_an_unknown_token_has_no_correction_page(client, application):
    assert client.get("/apply/status/no-such-token/correct/").status_code == 404


def test_a_correction_through_the_page_leads_back_to_the_status_with_its_history(
    client, application
):
    data = correction_post(application, district=str(factories.district("bornova").pk))
    response = client.post(correct_url(application), data, follow=True)
    assert response.redirect_chain == [(status_url(application), 302)]
    html = page(response)
    assert "Başvurunuz düzeltildi." in html
    assert "Bornova" in html
    assert re.search(r"Başvuru sahibi düzeltti \(düzeltilen: ilçe\)", html)


def test_a_changed_email_through_the_page_says_a_confirmation_was_sent(client, application):
    data = correction_post(application, email="ayse@yeni.example.org")
    response = client.post(correct_url(application), data, follow=True)
    assert "Yeni e-posta adresinize bir onay e-postası gönderdik." in page(response)


def test_bad_input_is_refused_next_to_its_field_and_kept_as_typed(client, application):
    data = correction_post(
        application,
        email="ayse@yeni.example.org",
        phone="0232 123 45 67",
        district=str(factories.district("bornova").pk),
        availability=["sat_evening"],
        language_en="basic",
    )
    response = client.post(correct_url(application), data)
    assert response.status_code == 200
    assert field_error(response, "phone") == (
        "Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67."
    )
    assert input_value(response, "email") == "ayse@yeni.example.org"
    assert input_value(response, "phone") == "0232 123 45 67"
    assert is_selected(response, "district", str(factories.district("bornova").pk))
    assert checked_values(response, "availability") == {"sat_evening"}
    assert is_selected(response, "language_en", "basic")
    application.refresh_from_db()
    assert application.district.slug == "konak"
    assert not Decision.objects.exists()


def test_a_duplicate_email_through_the_page_is_refused_above_the_form_and_kept(client, application):
    factories.ApplicationFactory(email="baskasi@example.org")
    data = correction_post(application, email="baskasi@example.org")
    response = client.post(correct_url(application), data)
    assert response.status_code == 200
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert field_error(response, "email") == ""
    assert input_value(response, "email") == "baskasi@example.org"


def test_a_correction_without_an_area_is_refused_next_to_the_areas(client, application):
    response = client.post(correct_url(application), correction_post(application, areas=None))
    assert field_error(response, "areas") == "En az bir gönüllülük alanı seçin."


def test_staff_see_the_correction_in_the_history(coordinator_client, application):
    correct(application, district=factories.district("bornova"), availability=0)
    html = page(coordinator_client.get(f"/staff/applications/{application.pk}/"))
    history = html[html.index('<table class="history">') :]
    history = history[: history.index("</table>")]
    row = re.sub(r"<[^>]+>", " ", re.findall(r"<tr>(.*?)</tr>", history, flags=re.S)[1])
    assert "Başvuru sahibi düzeltti" in row
    assert "Başvuru sahibi" in row.replace("Başvuru sahibi düzeltti", "")
    assert "Düzeltilen: ilçe, haftalık uygunluk" in " ".join(row.split())


def test_the_correction_page_shows_names_escaped(client, application):
    Application.objects.filter(pk=application.pk).update(email="x@example.org")
    response = client.post(
        correct_url(application), correction_post(application, email='"><script>x</script>')
    )
    assert "<script>x</script>" not in page(response)

"""submit_application() enforces every rule of /apply/ itself, with the form's own messages.

A command, a task or a test that calls the service directly meets the same refusal as a person
at the form, and the refusal names the field the view puts it next to.
"""

import datetime
import uuid

import pytest
from django.utils import timezone, translation

from esit.applications import services
from esit.applications.forms.public import ApplicationForm
from esit.applications.models import Application
from esit.core.forms import add_refusal
from esit.reference.models import District, Language, VolunteerArea
from tests import factories

from .conftest import eighteenth_birthday_today, years_ago
from .test_rules_of_the_form import ADULTS_ONLY, PHONE_ERROR

pytestmark = pytest.mark.django_db

REQUIRED = "Bu alan zorunludur."


def _submit(*, areas=None, languages=None, consent=True, **changes):
    fields = {
        "first_name": "Ayşe",
        "last_name": "Yılmaz",
        "email": "ayse@example.org",
        "phone": "+905321234567",
        "birth_date": datetime.date(1990, 5, 17),
        "district": factories.district(),
        "availability": 0b101,
        "experience": "",
        "motivation": "Eşitlik için.",
        "heard_from": "",
        "gender": "",
        "gender_self_description": "",
    }
    fields.update(changes)
    return services.submit_application(
        fields={name: value for name, value in fields.items() if value is not None},
        areas=[factories.area()] if areas is None else areas,
        languages=[(factories.language("en"), "fluent")] if languages is None else languages,
        consent=consent,
        submission_key=uuid.uuid4(),
        language="tr",
        ip="127.0.0.1",
    )


def _refusal(**kwargs) -> services.ApplicationError:
    with pytest.raises(services.ApplicationError) as refused:
        _submit(**kwargs)
    assert Application.objects.count() == 0
    return refused.value


def test_a_ten_year_old_is_refused_by_the_service():
    refused = _refusal(birth_date=years_ago(timezone.localdate(), 10))
    assert (refused.field, str(refused.message)) == ("birth_date", ADULTS_ONLY)


def test_the_service_refuses_someone_whose_18th_birthday_is_tomorrow():
    refused = _refusal(birth_date=eighteenth_birthday_today() + datetime.timedelta(days=1))
    assert (refused.field, str(refused.message)) == ("birth_date", ADULTS_ONLY)


def test_the_service_accepts_someone_whose_18th_birthday_is_today():
    assert _submit(birth_date=eighteenth_birthday_today()).created


def test_the_service_counts_the_age_on_istanbul_s_calendar(settings):
    settings.TIME_ZONE = "Pacific/Kiritimati"  # a day ahead of Pago Pago at every moment
    born = years_ago(timezone.localdate(), 18)
    settings.TIME_ZONE = "Pacific/Pago_Pago"
    refused = _refusal(birth_date=born)
    assert refused.field == "birth_date"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"birth_date": datetime.date(2999, 1, 1)},
            "birth_date",
            "Doğum tarihi gelecekte olamaz.",
            id="born-in-the-future",
        ),
        pytest.param(
            {"birth_date": datetime.date(1899, 12, 31)},
            "birth_date",
            "Lütfen doğum tarihinizi kontrol edin: 1900'den önce olamaz.",
            id="born-before-1900",
        ),
        pytest.param(
            {"birth_date": "17 Mayıs"}, "birth_date", "Geçerli bir tarih girin.", id="not-a-date"
        ),
        pytest.param({"phone": "0232 123 45 67"}, "phone", PHONE_ERROR, id="landline"),
        pytest.param({"phone": "+44 7911 123456"}, "phone", PHONE_ERROR, id="foreign-mobile"),
        pytest.param({"phone": "0532 123 ABCD"}, "phone", PHONE_ERROR, id="letters"),
        pytest.param({"phone": None}, "phone", REQUIRED, id="no-phone"),
        pytest.param({"email": "ayse@"}, "email", "Geçerli bir e-posta adresi girin.", id="email"),
        pytest.param({"first_name": "  "}, "first_name", REQUIRED, id="blank-first-name"),
        pytest.param({"last_name": None}, "last_name", REQUIRED, id="no-last-name"),
        pytest.param({"motivation": ""}, "motivation", REQUIRED, id="no-motivation"),
        pytest.param(
            {"district": None}, "district", "Lütfen listeden bir ilçe seçin.", id="no-district"
        ),
        pytest.param(
            {"availability": 1 << 21},
            "availability",
            "Lütfen tablodaki gün ve saatlerden seçin.",
            id="availability-beyond-the-week",
        ),
        pytest.param(
            {"availability": -1},
            "availability",
            "Lütfen tablodaki gün ve saatlerden seçin.",
            id="negative-availability",
        ),
    ],
)
def test_the_service_refuses_a_broken_rule_next_to_its_field(changes, field, message):
    refused = _refusal(**changes)
    assert (refused.field, str(refused.message)) == (field, message)


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("first_name", 80),
        ("last_name", 80),
        ("experience", 2000),
        ("motivation", 2000),
        ("gender_self_description", 60),
    ],
)
def test_the_service_refuses_a_text_that_is_too_long_in_the_form_s_words(valid_data, name, limit):
    too_long = "ğ" * (limit + 1)
    form = ApplicationForm(valid_data(**{name: too_long}))
    assert not form.is_valid()
    refused = _refusal(**{name: too_long, "gender": "self_described"})
    assert refused.field == name
    assert [str(refused.message)] == form.errors[name]
    assert f"{limit}" in str(refused.message)


def test_the_service_refuses_an_application_without_consent():
    refused = _refusal(consent=False)
    assert (refused.field, str(refused.message)) == (
        "consent",
        "Başvurunuzu alabilmemiz için açık rızanız gereklidir.",
    )


@pytest.mark.parametrize(("name", "value"), [("heard_from", "tv"), ("gender", "robot")])
def test_the_service_refuses_an_unknown_choice(name, value):
    refused = _refusal(**{name: value})
    assert refused.field == name
    assert value in str(refused.message)


def test_the_service_refuses_a_district_no_longer_offered():
    retired = factories.district("urla")
    District.objects.filter(pk=retired.pk).update(is_active=False)
    retired.refresh_from_db()
    refused = _refusal(district=retired)
    assert (refused.field, str(refused.message)) == ("district", "Lütfen listeden bir ilçe seçin.")


def test_the_service_refuses_an_application_without_an_area():
    refused = _refusal(areas=[])
    assert (refused.field, str(refused.message)) == ("areas", "En az bir gönüllülük alanı seçin.")


def test_the_service_refuses_an_area_no_longer_offered():
    VolunteerArea.objects.filter(slug="guidance").update(is_active=False)
    refused = _refusal(areas=[factories.area("guidance")])
    assert (refused.field, str(refused.message)) == ("areas", "Lütfen listedeki alanlardan seçin.")


def test_the_service_refuses_an_unknown_language_level():
    refused = _refusal(languages=[(factories.language("ar"), "expert")])
    assert (refused.field, str(refused.message)) == (
        "language_ar",
        "Lütfen listedeki düzeylerden birini seçin.",
    )


def test_the_service_refuses_a_language_no_longer_offered():
    Language.objects.filter(code="ru").update(is_active=False)
    refused = _refusal(languages=[(factories.language("ru"), "basic")])
    assert (refused.field, str(refused.message)) == (
        "language_ru",
        "Lütfen listedeki dillerden seçin.",
    )


def test_the_service_refuses_one_language_named_twice():
    arabic = factories.language("ar")
    refused = _refusal(languages=[(arabic, "basic"), (arabic, "native")])
    assert refused.field == "language_ar"


def test_the_service_refuses_fields_an_application_does_not_have():
    with pytest.raises(TypeError):
        _submit(status="approved")
    assert Application.objects.count() == 0


def test_the_service_stores_a_typed_mobile_in_e164():
    assert _submit(phone="0532 123 45 67").application.phone == "+905321234567"


def test_the_service_keeps_a_self_description_only_with_its_answer():
    submission = _submit(gender="woman", gender_self_description="kadın")
    assert submission.application.gender_self_description == ""


def test_the_service_s_refusal_speaks_the_language_of_the_request():
    with translation.override("en"):
        refused = _refusal(birth_date=years_ago(timezone.localdate(), 10))
        assert str(refused.message).startswith("The Eşit İzmir volunteer programme is for adults")


def test_the_form_shows_a_service_refusal_next_to_the_field_it_names(valid_data):
    form = ApplicationForm(valid_data())
    assert form.is_valid()
    add_refusal(form, services.ApplicationError(ADULTS_ONLY, field="birth_date"))
    assert form.errors["birth_date"] == [ADULTS_ONLY]


def test_the_form_shows_a_refusal_for_no_field_of_its_own_above_the_form(valid_data):
    form = ApplicationForm(valid_data())
    assert form.is_valid()
    add_refusal(form, services.ApplicationError("Bir sorun var.", field="language_xx"))
    assert form.non_field_errors() == ["Bir sorun var."]

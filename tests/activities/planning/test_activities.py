"""Creating and editing activities: the rules, the messages and what is kept."""

import datetime
import html
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import Activity, ActivityKind, Participant
from esit.activities.services import planning
from esit.activities.services.errors import ActivityError
from esit.privacy.services import record_consent
from tests import factories
from tests.activities.planning.conftest import activity_form_data, detail_url, istanbul, typed

CREATE_URL = reverse("planning:create")


def edit_url(activity) -> str:
    return reverse("planning:edit", args=[activity.pk])


def error_next_to(response, field: str) -> str:
    """The text of the error shown beside a field (core/field.html)."""
    html = response.content.decode()
    marker = f'id="id_{field}_error">'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</p>", 1)[0]


def confirmed_participant(activity, email="katilimci@example.org") -> Participant:
    return Participant.objects.create(
        activity=activity,
        name="Elif Şahin",
        email=email,
        status=Participant.Status.CONFIRMED,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )


# Creating -----------------------------------------------------------------


def test_coordinator_creates_a_draft_activity(coordinator_client, coordinator):
    response = coordinator_client.post(CREATE_URL, activity_form_data())
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(activity)
    assert activity.status == Activity.Status.DRAFT
    assert activity.title_tr == "Işıklı Sokaklar atölyesi"
    assert activity.created_by == coordinator
    assert list(activity.areas.all()) == [factories.area("workshops")]


def test_new_activity_gets_a_turkish_folded_search_text(coordinator_client):
    coordinator_client.post(CREATE_URL, activity_form_data(title_en="Bright Streets"))
    assert Activity.objects.get().search_text == "ışıklı sokaklar atölyesi bright streets"


def test_typed_times_are_read_on_izmir_clock(coordinator_client):
    coordinator_client.post(
        CREATE_URL, activity_form_data(starts_at="2031-03-14T14:00", ends_at="2031-03-14T17:30")
    )
    activity = Activity.objects.get()
    assert activity.starts_at == datetime.datetime(2031, 3, 14, 11, 0, tzinfo=datetime.UTC)
    assert activity.ends_at == datetime.datetime(2031, 3, 14, 14, 30, tzinfo=datetime.UTC)


def test_times_are_read_on_izmir_clock_whatever_zone_is_active(coordinator_client):
    with timezone.override("America/New_York"):
        coordinator_client.post(
            CREATE_URL,
            activity_form_data(starts_at="2031-03-14T14:00", ends_at="2031-03-14T17:00"),
        )
    assert Activity.objects.get().starts_at == istanbul(2031, 3, 14, 14)


def test_end_before_start_is_refused_next_to_the_end(coordinator_client):
    response = coordinator_client.post(
        CREATE_URL, activity_form_data(starts_at="2031-03-14T14:00", ends_at="2031-03-14T13:00")
    )
    assert response.status_code == 200
    assert "Bitiş, başlangıçtan sonra olmalı." in error_next_to(response, "ends_at")
    assert not Activity.objects.exists()


def test_refused_form_keeps_what_was_typed(coordinator_client):
    response = coordinator_client.post(
        CREATE_URL,
        activity_form_data(
            title_tr="Çiğli kadın dayanışması buluşması",
            starts_at="2031-03-14T14:00",
            ends_at="2031-03-14T13:00",
        ),
    )
    html = response.content.decode()
    assert 'value="Çiğli kadın dayanışması buluşması"' in html
    assert 'value="2031-03-14T14:00"' in html
    assert "error-summary" in html


def test_end_equal_to_start_is_refused(coordinator_client):
    response = coordinator_client.post(
        CREATE_URL, activity_form_data(starts_at="2031-03-14T14:00", ends_at="2031-03-14T14:00")
    )
    assert "Bitiş, başlangıçtan sonra olmalı." in error_next_to(response, "ends_at")
    assert not Activity.objects.exists()


def test_activity_needs_an_address_or_an_online_link(coordinator_client):
    response = coordinator_client.post(CREATE_URL, activity_form_data(address="", online_url=""))
    assert "adres ya da çevrim içi bağlantı" in error_next_to(response, "address")
    assert not Activity.objects.exists()


def test_online_only_activity_is_fine_with_a_link_alone(coordinator_client):
    coordinator_client.post(
        CREATE_URL,
        activity_form_data(
            address="",
            online_url="https://toplanti.example.org/esit",
            district=factories.district("online").pk,
        ),
    )
    assert Activity.objects.get().is_online


def test_online_only_district_requires_a_link(coordinator_client):
    response = coordinator_client.post(
        CREATE_URL, activity_form_data(district=factories.district("online").pk)
    )
    assert "çevrim içi bağlantıyı yazın" in error_next_to(response, "online_url")
    assert not Activity.objects.exists()


def test_public_registration_needs_a_capacity(coordinator_client):
    response = coordinator_client.post(
        CREATE_URL, activity_form_data(public_registration="on", public_capacity="0")
    )
    assert "en az 1" in error_next_to(response, "public_capacity")
    assert not Activity.objects.exists()


def test_public_capacity_below_zero_is_refused(coordinator_client):
    response = coordinator_client.post(CREATE_URL, activity_form_data(public_capacity="-3"))
    assert "sıfırdan küçük olamaz" in error_next_to(response, "public_capacity")
    assert not Activity.objects.exists()


def test_cancelled_is_not_a_status_the_form_offers(coordinator_client):
    response = coordinator_client.post(CREATE_URL, activity_form_data(status="cancelled"))
    assert response.status_code == 200
    assert error_next_to(response, "status")
    assert not Activity.objects.exists()


def test_the_service_refuses_to_create_a_cancelled_activity(coordinator):
    with pytest.raises(ActivityError) as refused:
        planning.create_activity(
            by=coordinator,
            kind=factories.activity_kind(),
            title_tr="Deneme",
            description_tr="Deneme",
            district=factories.district(),
            address="Konak",
            starts_at=factories.in_days(3, 10),
            ends_at=factories.in_days(3, 12),
            status=Activity.Status.CANCELLED,
        )
    assert refused.value.field == "status"
    assert not Activity.objects.exists()


def test_the_service_refuses_naive_datetimes(coordinator):
    with pytest.raises(ValueError, match="aware"):
        planning.create_activity(
            by=coordinator,
            kind=factories.activity_kind(),
            title_tr="Deneme",
            description_tr="Deneme",
            district=factories.district(),
            address="Konak",
            starts_at=datetime.datetime(2031, 1, 1, 10),
            ends_at=datetime.datetime(2031, 1, 1, 12),
        )


def test_a_tampered_kind_gets_a_clear_message(coordinator_client):
    response = coordinator_client.post(CREATE_URL, activity_form_data(kind="999999"))
    assert "listeden" in error_next_to(response, "kind")
    assert not Activity.objects.exists()


# Editing ------------------------------------------------------------------


def test_editing_keeps_the_uid(coordinator_client):
    activity = factories.ActivityFactory()
    uid = activity.uid
    response = coordinator_client.post(
        edit_url(activity), activity_form_data(title_tr="Yeni başlık", status="published")
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title_tr == "Yeni başlık"
    assert activity.uid == uid
    assert isinstance(activity.uid, uuid.UUID)


def test_editing_refreshes_the_search_text(coordinator):
    activity = factories.ActivityFactory()
    planning.update_activity(activity=activity, by=coordinator, title_tr="İzmir'de Eşitlik")
    activity.refresh_from_db()
    assert activity.search_text.startswith("izmir'de eşitlik")


def test_edit_form_shows_times_on_izmir_clock(coordinator_client):
    activity = factories.ActivityFactory(
        starts_at=istanbul(2031, 5, 2, 9, 30), ends_at=istanbul(2031, 5, 2, 12)
    )
    response = coordinator_client.get(edit_url(activity))
    assert 'value="2031-05-02T09:30"' in response.content.decode()


def test_edit_that_leaves_a_shift_outside_the_activity_is_refused(coordinator_client):
    shift = factories.ShiftFactory()
    activity = shift.activity
    later = activity.starts_at + datetime.timedelta(hours=1)
    response = coordinator_client.post(
        edit_url(activity),
        activity_form_data(starts_at=typed(later), ends_at=typed(activity.ends_at)),
    )
    assert "vardiyaları yeni tarihlerin dışında" in error_next_to(response, "starts_at")
    assert Activity.objects.get(pk=activity.pk).starts_at == activity.starts_at


def test_public_capacity_cannot_drop_below_confirmed_participants(coordinator_client):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=5)
    confirmed_participant(activity, "bir@example.org")
    confirmed_participant(activity, "iki@example.org")
    response = coordinator_client.post(
        edit_url(activity),
        activity_form_data(
            public_registration="on",
            public_capacity="1",
            starts_at=typed(activity.starts_at),
            ends_at=typed(activity.ends_at),
        ),
    )
    assert "2 katılımcının altına" in error_next_to(response, "public_capacity")
    activity.refresh_from_db()
    assert activity.public_capacity == 5


def test_public_capacity_can_drop_to_the_confirmed_participants(coordinator):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=5)
    confirmed_participant(activity)
    planning.update_activity(activity=activity, by=coordinator, public_capacity=1)
    activity.refresh_from_db()
    assert activity.public_capacity == 1


def test_a_cancelled_activity_cannot_be_edited(coordinator):
    activity = factories.ActivityFactory(status=Activity.Status.CANCELLED)
    with pytest.raises(ActivityError):
        planning.update_activity(activity=activity, by=coordinator, title_tr="Yeniden")
    activity.refresh_from_db()
    assert activity.title_tr != "Yeniden"


def test_typed_markup_is_shown_as_text(coordinator_client):
    activity = factories.ActivityFactory(
        title_tr="<script>alert(1)</script>", description_tr="<b>kalın</b>"
    )
    html = coordinator_client.get(detail_url(activity)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;kalın&lt;/b&gt;" in html


# Activity kinds are a list staff can extend -------------------------------


def kind_options(response) -> dict[str, str]:
    """The options of the page's `kind` select, value → label."""
    select = re.search(
        r'<select[^>]*name="kind"[^>]*>(.*?)</select>', response.content.decode(), re.S
    )
    assert select, "no kind select on the page"
    return {
        value: html.unescape(label).strip()
        for value, label in re.findall(
            r'<option value="([^"]*)"[^>]*>(.*?)</option>', select.group(1), re.S
        )
    }


def test_a_coordinator_adds_an_activity_kind_that_appears_in_the_forms(coordinator_client):
    response = coordinator_client.post(
        "/staff/admin/activities/activitykind/add/",
        {"name_tr": "Kent yürüyüşü", "name_en": "City walk", "slug": "city-walk",
         "is_active": "on", "position": "40"},
    )  # fmt: skip
    assert response.status_code == 302
    kind = ActivityKind.objects.get(slug="city-walk")

    staff_form = kind_options(coordinator_client.get(CREATE_URL))
    assert staff_form[str(kind.pk)] == "Kent yürüyüşü"

    public_filter = kind_options(Client().get("/activities/"))  # a visitor, not signed in
    assert public_filter[str(kind.pk)] == "Kent yürüyüşü"

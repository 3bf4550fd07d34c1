"""/me/ shows the volunteer's work: personal QR code, next shifts, open tasks, approved totals."""

import datetime

import pytest

from esit.activities.models import TaskAssignment
from tests import factories
from tests.activities.work.conftest import approved, make_assignment


def test_dashboard_shows_the_personal_qr_code_and_the_code_as_text(volunteer_client, volunteer):
    page = volunteer_client.get("/me/").content.decode()

    assert '<div class="qr-code" role="img"' in page
    assert "<svg" in page
    assert "<path" in page
    assert f'<span class="checkin-code">{volunteer.checkin_code}</span>' in page


def test_qr_code_encodes_the_checkin_code(volunteer):
    from esit.activities.selectors.work import personal_qr_svg, qr_svg

    assert personal_qr_svg(volunteer) == qr_svg(volunteer.checkin_code)
    assert personal_qr_svg(volunteer) != qr_svg("BASKA-KOD")


def test_a_code_drawn_once_is_not_drawn_again(volunteer):
    from esit.activities.selectors.work import qr_svg

    qr_svg.cache_clear()
    first = qr_svg(volunteer.checkin_code)
    again = qr_svg(volunteer.checkin_code)
    assert again == first
    assert qr_svg.cache_info().hits == 1
    assert qr_svg.cache_info().misses == 1


def test_dashboard_shows_approved_totals_by_area_and_month(volunteer_client, volunteer):
    approved(volunteer, "3", area="translation", date=datetime.date(2026, 3, 2))
    approved(volunteer, "2", area="workshops", date=datetime.date(2026, 4, 9))
    factories.HoursEntryFactory(volunteer=volunteer, hours=8, status="pending")

    page = volunteer_client.get("/me/").content.decode()

    assert "Onaylanmış toplam: <strong>5 saat</strong>" in page
    assert '<th scope="row">Tercüme</th><td class="numeric">3</td>' in page
    assert "Mart 2026" in page
    assert "Nisan 2026" in page


def test_dashboard_lists_upcoming_shifts_with_a_link_to_all(volunteer_client, volunteer):
    coming = factories.SignUpFactory(volunteer=volunteer, status="waitlisted")
    past = factories.SignUpFactory(
        volunteer=volunteer,
        shift__activity=factories.ActivityFactory(
            title_tr="Geçmiş atölye",
            starts_at=factories.in_days(-10),
            ends_at=factories.in_days(-9),
        ),
    )

    page = volunteer_client.get("/me/").content.decode()

    assert coming.shift.activity.title_tr in page
    assert "Bekleme listesinde" in page
    assert past.shift.activity.title_tr not in page
    assert 'href="/me/shifts/"' in page


def test_dashboard_lists_open_tasks_and_links_to_my_pages(volunteer_client, volunteer):
    open_task = make_assignment(volunteer=volunteer, status=TaskAssignment.Status.RETURNED)
    done = make_assignment(volunteer=volunteer, status=TaskAssignment.Status.ACCEPTED)

    page = volunteer_client.get("/me/").content.decode()

    assert open_task.task.title in page
    assert done.task.title not in page
    assert 'href="/me/tasks/"' in page
    assert 'href="/me/hours/"' in page
    assert 'href="/me/certificate/"' in page


def test_volunteer_who_left_still_sees_totals_and_the_certificate(
    withdrawn_volunteer_client, withdrawn_volunteer
):
    approved(withdrawn_volunteer, "4")

    page = withdrawn_volunteer_client.get("/me/").content.decode()

    assert "Onaylanmış toplam: <strong>4 saat</strong>" in page
    assert 'href="/me/certificate/"' in page
    assert "qr-code" not in page


@pytest.fixture
def withdrawn_volunteer(volunteer):
    from esit.volunteers import services

    return services.withdraw_from_programme(volunteer=volunteer)


@pytest.fixture
def withdrawn_volunteer_client(client, withdrawn_volunteer):
    client.force_login(withdrawn_volunteer.user)
    return client

"""Pages several apps share are built from registries: the staff menu and the dashboards'
panels (esit/core/menus.py, esit/core/panels.py)."""

import datetime

import pytest
from django.utils import timezone

from esit.core import panels
from tests import factories
from tests.activities.signups.conftest import fill, make_shift

STAFF = "/staff/"


def menu_of(response) -> str:
    html = response.content.decode()
    return html[
        html.index('<nav class="staff-nav"') : html.index("</nav>", html.index("staff-nav"))
    ]


def test_a_coordinator_sees_the_workspace_pages_of_every_app(coordinator_client):
    nav = menu_of(coordinator_client.get(STAFF))
    for path in ["/staff/", "/staff/applications/", "/staff/activities/", "/staff/hours/"]:
        assert f'href="{path}"' in nav
    assert 'href="/staff/audit/"' not in nav  # reading the audit log is a capability of its own
    assert 'aria-current="page"' in nav.split('href="/staff/"')[1].split("</li>")[0]


def test_an_administrator_also_sees_the_audit_log(client, administrator):
    client.force_login(administrator)
    assert 'href="/staff/audit/"' in menu_of(client.get(STAFF))


def test_the_menu_marks_the_section_a_page_belongs_to(coordinator_client):
    application = factories.ApplicationFactory()
    nav = menu_of(coordinator_client.get(f"/staff/applications/{application.pk}/"))
    assert 'href="/staff/applications/" aria-current="page"' in nav


def test_the_front_page_lists_the_next_two_days_shifts_and_who_is_silent(coordinator_client):
    soon = make_shift(starts_in_hours=2, capacity=4, activity__title_tr="Çiğli buluşması")
    fill(soon, 1, reminder_sent_at=timezone.now())
    (silent,) = fill(soon, 1, reminder_sent_at=timezone.now())
    silent.coming_confirmed_at = None
    silent.save(update_fields=["coming_confirmed_at"])
    fill(soon, 1, reminder_sent_at=timezone.now(), coming_confirmed_at=timezone.now())
    make_shift(starts_in_hours=24 * 5, activity__title_tr="Gelecek hafta")

    html = coordinator_client.get(STAFF).content.decode()

    assert "Çiğli buluşması" in html
    assert "3 / 4" in html
    assert silent.volunteer.full_name in html
    assert "Gelecek hafta" not in html


def test_the_front_page_counts_hours_and_deliveries_waiting(coordinator_client):
    old = timezone.localdate() - datetime.timedelta(days=12)
    factories.HoursEntryFactory(status="pending", date=old)
    factories.HoursEntryFactory(status="pending")
    factories.HoursEntryFactory(status="approved")

    html = coordinator_client.get(STAFF).content.decode()

    assert "2 saat kaydı onay bekliyor" in html
    assert "0 görev teslimi değerlendirme bekliyor" in html


def test_the_front_page_shows_the_applications_waiting_longest_first(coordinator_client):
    now = timezone.now()
    newer = factories.ApplicationFactory(first_name="Yeni", submitted_at=now)
    older = factories.ApplicationFactory(
        first_name="Eski", submitted_at=now - datetime.timedelta(days=20)
    )

    html = coordinator_client.get(STAFF).content.decode()

    assert html.index(f"/staff/applications/{older.pk}/") < html.index(
        f"/staff/applications/{newer.pk}/"
    )


def test_a_new_app_adds_a_panel_by_registering_it(volunteer, rf):
    """A panel another app could register, without any change to the page that shows it."""
    request = rf.get("/me/")
    request.user = volunteer.user
    before = panels.panels_for("me", request, volunteer=volunteer)
    panel = panels.Panel(
        key="tests.hello",
        template="core/pagination.html",  # any template renders; this one is empty here
        context=lambda request, *, volunteer: {"page_obj": None},
        order=1,
    )
    panels.register("me", panel)
    try:
        assert panels.registered("me")[0] == panel
        assert len(panels.panels_for("me", request, volunteer=volunteer)) == len(before) + 1
    finally:
        panels._PANELS["me"].pop(panel.key)


def test_a_panel_that_needs_a_capability_is_left_out_for_those_without_it(coordinator, rf):
    panel = panels.Panel(
        key="tests.audit_only",
        template="core/pagination.html",
        context=lambda request, **page: {"page_obj": None},
        permission="audit.read_audit_log",
    )
    panels.register("staff", panel)
    request = rf.get(STAFF)
    request.user = coordinator
    try:
        shown = len(panels.panels_for("staff", request))
        request.user = factories.StaffFactory(role="administrator")
        assert len(panels.panels_for("staff", request)) == shown + 1
    finally:
        panels._PANELS["staff"].pop(panel.key)


def test_only_known_pages_take_panels():
    with pytest.raises(ValueError, match="No page"):
        panels.register("nowhere", panels.Panel(key="x", template="x", context=lambda r: None))


def test_the_home_page_still_shows_the_next_activities(client, db):
    factories.ActivityFactory(title_tr="Karşıyaka atölyesi")
    assert "Karşıyaka atölyesi" in client.get("/").content.decode()

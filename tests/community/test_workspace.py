"""What the network adds to the pages it shares: the site menu, the staff menu, the /me/ panel."""

import pytest
from django.urls import reverse

from esit.accounts.models import StaffScope
from tests import factories
from tests.community.conftest import make_idea

pytestmark = pytest.mark.django_db


def test_volunteers_and_staff_find_the_ideas_in_the_site_menu(
    volunteer_client, client, coordinator
):
    assert 'href="/ideas/"' in volunteer_client.get("/").content.decode()
    client.force_login(coordinator)
    assert 'href="/ideas/"' in client.get("/").content.decode()


def test_a_visitor_has_no_ideas_in_the_menu(client):
    assert 'href="/ideas/"' not in client.get("/").content.decode()


def test_her_ideas_are_on_her_dashboard(volunteer_client, volunteer):
    make_idea(volunteer.user, title="Benim fikrim")

    page = volunteer_client.get(reverse("volunteers:dashboard")).content.decode()

    assert "Fikirleriniz" in page
    assert "Benim fikrim" in page


def test_staff_find_the_ideas_of_their_scope(client, volunteer):
    make_idea(volunteer.user, title="Konak fikri", district=factories.district("konak"))
    make_idea(volunteer.user, title="Bornova fikri", district=factories.district("bornova"))
    scoped = factories.StaffFactory(role="coordinator")
    StaffScope.objects.create(user=scoped).districts.set([factories.district("bornova")])
    client.force_login(scoped)

    staff_page = client.get(reverse("staff:dashboard")).content.decode()
    page = client.get(reverse("community:staff_list")).content.decode()

    assert 'href="/staff/ideas/"' in staff_page
    assert "Bornova fikri" in page
    assert "Konak fikri" not in page

"""The site menu offers what each person can do: applying is for people not yet in the programme."""

import pytest

APPLY_LINK = '<a href="/apply/">'


def menu(response) -> str:
    html = response.content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


@pytest.mark.django_db
def test_a_visitor_is_offered_to_volunteer_and_to_sign_in(client):
    nav = menu(client.get("/"))
    assert APPLY_LINK in nav
    assert '<a href="/accounts/login/">' in nav


def test_a_signed_in_volunteer_is_not_offered_to_volunteer_again(volunteer_client):
    nav = menu(volunteer_client.get("/activities/"))
    assert APPLY_LINK not in nav
    assert '<a href="/me/">' in nav


def test_a_signed_in_coordinator_is_not_offered_to_volunteer(coordinator_client):
    nav = menu(coordinator_client.get("/"))
    assert APPLY_LINK not in nav
    assert '<a href="/staff/">' in nav


def test_the_quick_exit_leads_where_the_deployment_says(client, settings, db):
    settings.QUICK_EXIT_URL = "https://hava.example/izmir"
    html = client.get("/").content.decode()
    assert 'href="https://hava.example/izmir" data-quick-exit' in html

"""Support: one per person and idea, toggled with a plain form or htmx, right under concurrency."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from esit.community import services
from esit.community.models import Idea, Support
from esit.core.errors import RuleError
from tests import factories
from tests.community.conftest import make_idea


@pytest.mark.django_db
def test_supporting_without_javascript_redirects_back_to_the_button(client, other_volunteer, idea):
    client.force_login(other_volunteer.user)

    response = client.post(reverse("community:support", args=[idea.pk]), {"action": "support"})

    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url() + "#support"
    idea.refresh_from_db()
    assert idea.support_count == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "1 kişi destekliyor" in page
    assert "Desteğimi geri al" in page


@pytest.mark.django_db
def test_htmx_gets_the_button_and_count_only(client, other_volunteer, idea):
    client.force_login(other_volunteer.user)

    response = client.post(
        reverse("community:support", args=[idea.pk]),
        {"action": "support"},
        headers={"HX-Request": "true"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="support"')
    assert "1 kişi destekliyor" in page
    assert 'value="withdraw"' in page


@pytest.mark.django_db
def test_supporting_twice_keeps_one_and_withdrawing_takes_it_back(other_volunteer, idea):
    assert services.support(idea=idea, person=other_volunteer.user) is True
    assert services.support(idea=idea, person=other_volunteer.user) is False
    idea.refresh_from_db()
    assert idea.support_count == 1

    assert services.withdraw_support(idea=idea, person=other_volunteer.user) is True
    assert services.withdraw_support(idea=idea, person=other_volunteer.user) is False
    idea.refresh_from_db()
    assert idea.support_count == 0
    assert not Support.objects.exists()


@pytest.mark.django_db
def test_the_author_cannot_support_her_own_idea(volunteer, idea):
    with pytest.raises(RuleError):
        services.support(idea=idea, person=volunteer.user)


def at_once(calls):
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # any error fails the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.usefixtures("live_db")
def test_two_supports_by_one_person_at_once_leave_one_row_and_one_count():
    idea = make_idea(factories.VolunteerFactory().user)
    supporter = factories.VolunteerFactory().user

    results, errors = at_once([lambda: services.support(idea=idea, person=supporter)] * 2)

    assert errors == []
    assert sorted(results) == [False, True]
    assert Support.objects.filter(idea=idea, account=supporter).count() == 1
    assert Idea.objects.get(pk=idea.pk).support_count == 1


@pytest.mark.usefixtures("live_db")
def test_many_supporters_at_once_are_all_counted():
    idea = make_idea(factories.VolunteerFactory().user)
    supporters = [factories.VolunteerFactory().user for _ in range(6)]

    results, errors = at_once(
        [lambda person=person: services.support(idea=idea, person=person) for person in supporters]
    )

    assert errors == []
    assert results == [True] * 6
    assert Idea.objects.get(pk=idea.pk).support_count == 6


@pytest.mark.usefixtures("live_db")
def test_two_withdrawals_at_once_lower_the_count_once():
    idea = make_idea(factories.VolunteerFactory().user)
    supporter = factories.VolunteerFactory().user
    services.support(idea=idea, person=supporter)

    results, errors = at_once([lambda: services.withdraw_support(idea=idea, person=supporter)] * 2)

    assert errors == []
    assert sorted(results) == [False, True]
    assert Idea.objects.get(pk=idea.pk).support_count == 0

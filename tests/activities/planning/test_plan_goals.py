"""Activities are tagged with the equality plan's goals, which reports count them by."""

from django.urls import reverse

from esit.activities.models import Activity
from esit.activities.services import planning
from esit.reference.models import PlanGoal
from tests import factories
from tests.activities.planning.conftest import activity_form_data

CREATE_URL = reverse("planning:create")


def goal(slug: str) -> PlanGoal:
    return PlanGoal.objects.get(slug=slug)


def test_coordinator_tags_a_new_activity_with_plan_goals(coordinator_client):
    chosen = [goal("violence-prevention"), goal("education-equality-education")]
    response = coordinator_client.post(
        CREATE_URL, activity_form_data(plan_goals=[g.pk for g in chosen])
    )
    assert response.status_code == 302
    assert set(Activity.objects.get().plan_goals.all()) == set(chosen)


def test_plan_goals_are_optional(coordinator_client):
    response = coordinator_client.post(CREATE_URL, activity_form_data())
    assert response.status_code == 302
    assert not Activity.objects.get().plan_goals.exists()


def test_the_form_offers_the_goals_with_their_codes(coordinator_client):
    page = coordinator_client.get(CREATE_URL).content.decode()
    assert "2.1 Şiddeti önleme ve farkındalık" in page


def test_a_tampered_goal_is_refused_next_to_the_field_and_nothing_is_created(
    coordinator_client,
):
    response = coordinator_client.post(CREATE_URL, activity_form_data(plan_goals=["999999"]))
    assert response.status_code == 200
    assert 'id="id_plan_goals_error"' in response.content.decode()
    assert not Activity.objects.exists()


def test_an_inactive_goal_cannot_be_chosen(coordinator_client):
    retired = goal("health-womens-health")
    retired.is_active = False
    retired.save(update_fields=["is_active"])
    response = coordinator_client.post(CREATE_URL, activity_form_data(plan_goals=[retired.pk]))
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_editing_changes_the_goals_and_the_form_shows_the_current_ones(
    coordinator_client, coordinator
):
    activity = factories.ActivityFactory()
    activity.plan_goals.set([goal("economy-employment")])
    edit = reverse("planning:edit", args=[activity.pk])
    form = coordinator_client.get(edit).context["form"]
    assert form["plan_goals"].value() == [goal("economy-employment").pk]
    coordinator_client.post(
        edit,
        activity_form_data(
            plan_goals=[goal("culture-non-sexist-communication").pk],
            status="published",
        ),
    )
    assert list(activity.plan_goals.all()) == [goal("culture-non-sexist-communication")]


def test_a_copy_keeps_the_goals(coordinator):
    activity = factories.ActivityFactory()
    activity.plan_goals.set([goal("safe-city-transport")])
    copy = planning.copy_activity(
        activity=activity, by=coordinator, starts_at=factories.in_days(30, 10)
    )
    assert list(copy.plan_goals.all()) == [goal("safe-city-transport")]


def test_izmir_plan_is_loaded_with_every_area_and_its_goals(db):
    from esit.reference.models import PlanArea

    assert PlanArea.objects.count() == 7
    assert PlanGoal.objects.count() == 13
    assert not PlanArea.objects.filter(goals__isnull=True).exists()

"""A coordinator scoped to Translation works only on Translation activities: their shifts,
rosters, sign-ups, tasks, deliveries, hours and participants. Outside the scope a record is
not found, whether listed, counted, searched, exported or opened by id (docs/architecture.md,
"Capabilities and scope")."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import HoursEntry, SignUp, TaskAssignment
from esit.activities.selectors.scope import visible_activities, visible_hours
from esit.activities.services import attendance, hours, participants, planning, signups, work
from tests import factories
from tests.accounts.test_scope import scoped
from tests.activities.public.conftest import make_participant
from tests.activities.work.conftest import make_assignment


@pytest.fixture
def translation_coordinator(db):
    return scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])


@pytest.fixture
def scoped_client(client, translation_coordinator):
    client.force_login(translation_coordinator)
    return client


def make_scene(area: str, title: str):
    activity = factories.ActivityFactory(
        title_tr=title,
        areas=[factories.area(area)],
        requires_approval=True,
        public_registration=True,
        public_capacity=10,
    )
    shift = factories.ShiftFactory(activity=activity)
    task = factories.TaskFactory(activity=activity)
    signup = factories.SignUpFactory(shift=shift, status=SignUp.Status.PENDING)
    return {
        "activity": activity,
        "shift": shift,
        "task": task,
        "signup": signup,
        "participant": make_participant(activity, email=f"{area}@example.org"),
        "assignment": make_assignment(task=task, status=TaskAssignment.Status.DELIVERED),
        "hours": factories.HoursEntryFactory(
            activity=activity,
            area=factories.area(area),
            source=HoursEntry.Source.SELF_REPORTED,
            date=timezone.localdate() - datetime.timedelta(days=2),
        ),
    }


@pytest.fixture
def translation(db):
    return make_scene("translation", "Çeviri atölyesi")


@pytest.fixture
def field_research(db):
    return make_scene("field-research", "Saha araştırması Işıklar")


# Pages opened by id ---------------------------------------------------------------------------

BY_ID = [
    ("planning:detail", "activity", "get"),
    ("planning:edit", "activity", "get"),
    ("planning:copy", "activity", "get"),
    ("planning:cancel", "activity", "get"),
    ("planning:shift_create", "activity", "get"),
    ("planning:shift_edit", "activity+shift", "get"),
    ("planning:task_edit", "activity+task", "get"),
    ("planning:task_assign", "activity+task", "get"),
    ("signups:roster", "activity", "get"),
    ("signups:roster_csv", "activity", "get"),
    ("signups:roster_xlsx", "activity", "get"),
    ("signups:approve", "signup", "post"),
    ("signups:decline", "signup", "post"),
    ("signups:staff_cancel", "signup", "post"),
    ("signups:check_in", "shift", "get"),
    ("signups:add_volunteer", "shift", "get"),
    ("signups:mark_no_shows", "shift", "post"),
    ("activities:participants", "activity", "get"),
    ("activities:participants_csv", "activity", "get"),
    ("activities:participants_xlsx", "activity", "get"),
    ("activities:participant_cancel", "participant", "post"),
    ("activities:participant_attendance", "participant", "post"),
    ("work:accept", "assignment", "post"),
    ("work:send_back", "assignment", "post"),
]


def url_of(name, argument, scene) -> str:
    return reverse(name, args=[scene[part].pk for part in argument.split("+")])


@pytest.mark.parametrize(("name", "argument", "method"), BY_ID)
def test_a_page_outside_the_scope_is_not_found_by_id(
    scoped_client, field_research, name, argument, method
):
    response = getattr(scoped_client, method)(url_of(name, argument, field_research))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "argument"),
    [
        ("planning:detail", "activity"),
        ("signups:roster", "activity"),
        ("signups:check_in", "shift"),
    ],
)
def test_a_page_inside_the_scope_opens(scoped_client, translation, name, argument):
    assert scoped_client.get(url_of(name, argument, translation)).status_code == 200


def test_nothing_outside_the_scope_changed(scoped_client, field_research):
    for name, argument, method in BY_ID:
        if method == "post":
            getattr(scoped_client, method)(url_of(name, argument, field_research))
    field_research["signup"].refresh_from_db()
    field_research["assignment"].refresh_from_db()
    assert field_research["signup"].status == SignUp.Status.PENDING
    assert field_research["assignment"].status == TaskAssignment.Status.DELIVERED


# Lists, counts, search ------------------------------------------------------------------------


def test_the_planning_list_shows_only_the_scope(scoped_client, translation, field_research):
    listed = list(scoped_client.get(reverse("planning:list")).context["page_obj"])
    assert listed == [translation["activity"]]


def test_a_search_does_not_find_what_is_outside_the_scope(scoped_client, field_research):
    response = scoped_client.get(reverse("planning:list"), {"q": "ışıklar"})
    assert list(response.context["page_obj"]) == []


def test_the_hours_queue_shows_only_the_scope(scoped_client, translation, field_research):
    response = scoped_client.get(reverse("work:hours_queue"))
    assert [entry.pk for entry in response.context["page_obj"]] == [translation["hours"].pk]


def test_the_task_review_shows_only_the_scope(scoped_client, translation, field_research):
    html = scoped_client.get(reverse("work:task_review")).content.decode()
    assert translation["task"].title in html
    assert field_research["task"].title not in html


def test_the_front_page_counts_only_the_scope(scoped_client, translation, field_research):
    html = scoped_client.get(reverse("staff:dashboard")).content.decode()
    assert "1 saat kaydı onay bekliyor" in html
    assert "1 görev teslimi değerlendirme bekliyor" in html


def test_the_front_page_shows_only_the_scope_s_next_shifts(
    scoped_client, translation, field_research
):
    soon = timezone.now() + datetime.timedelta(hours=3)
    for scene in (translation, field_research):
        scene["shift"].starts_at = soon
        scene["shift"].ends_at = soon + datetime.timedelta(hours=1)
        scene["shift"].save()
    html = scoped_client.get(reverse("staff:dashboard")).content.decode()
    assert "Çeviri atölyesi" in html
    assert "Saha araştırması" not in html


# Hours and decisions --------------------------------------------------------------------------


def test_approving_hours_outside_the_scope_is_refused(scoped_client, translation, field_research):
    response = scoped_client.post(
        reverse("work:review_hours"),
        {"entries": [translation["hours"].pk, field_research["hours"].pk], "decision": "approve"},
    )
    assert response.status_code == 200
    assert response.context["bulk_form"].errors["entries"]
    for scene in (translation, field_research):
        scene["hours"].refresh_from_db()
        assert scene["hours"].status == HoursEntry.Status.PENDING


def test_the_hours_service_refuses_an_entry_outside_the_scope(
    translation_coordinator, translation, field_research
):
    with pytest.raises(PermissionDenied):
        hours.approve_hours(
            entries=[translation["hours"], field_research["hours"]], by=translation_coordinator
        )
    for scene in (translation, field_research):
        scene["hours"].refresh_from_db()
        assert scene["hours"].status == HoursEntry.Status.PENDING


def test_the_services_refuse_to_act_outside_the_scope(translation_coordinator, field_research):
    by = translation_coordinator
    scene = field_research
    refused = [
        lambda: signups.approve_sign_up(signup=scene["signup"], by=by),
        lambda: signups.decline_sign_up(signup=scene["signup"], by=by),
        lambda: signups.cancel_sign_up(signup=scene["signup"], by=by),
        lambda: signups.sign_up(
            volunteer=factories.VolunteerFactory(), shift=scene["shift"], by=by
        ),
        lambda: attendance.check_in(shift=scene["shift"], code="X", by=by),
        lambda: attendance.mark_no_shows(shift=scene["shift"], by=by),
        lambda: planning.cancel_activity(activity=scene["activity"], by=by),
        lambda: planning.update_activity(activity=scene["activity"], by=by, status="draft"),
        lambda: participants.cancel_registration(participant=scene["participant"], by=by),
        lambda: participants.record_participant_attendance(
            participant=scene["participant"], attended=True, by=by
        ),
        lambda: work.accept_task(assignment=scene["assignment"], by=by),
        lambda: work.return_task(assignment=scene["assignment"], by=by, comment="Eksik"),
        lambda: work.assign_task(task=scene["task"], volunteer=factories.VolunteerFactory(), by=by),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    scene["signup"].refresh_from_db()
    assert scene["signup"].status == SignUp.Status.PENDING


def test_a_scoped_coordinator_cannot_plan_outside_the_scope(translation_coordinator, translation):
    from esit.activities.services.errors import ActivityError

    activity = translation["activity"]
    with pytest.raises(ActivityError) as refused:
        planning.update_activity(
            activity=activity, by=translation_coordinator, areas=[factories.area("workshops")]
        )
    assert refused.value.field == "district"
    assert list(activity.areas.all()) == [factories.area("translation")]


# What the scope covers ------------------------------------------------------------------------


def test_an_activity_is_in_the_scope_through_a_shift_s_required_area(translation_coordinator):
    activity = factories.ActivityFactory(areas=[factories.area("workshops")])
    shift = factories.ShiftFactory(activity=activity)
    assert activity not in visible_activities(translation_coordinator)
    shift.required_areas.set([factories.area("translation")])
    assert activity in visible_activities(translation_coordinator)


def test_a_district_scope_follows_the_activity_s_district_online_ones_too(db):
    konak = scoped(factories.StaffFactory(role="coordinator"), districts=["konak"])
    online = factories.ActivityFactory(
        district=factories.district("konak"), address="", online_url="https://meet.example.org/x"
    )
    elsewhere = factories.ActivityFactory(district=factories.district("bornova"), address="")
    assert set(visible_activities(konak)) == {online}
    assert elsewhere not in visible_activities(konak)


def test_self_reported_hours_follow_their_area_and_the_volunteer_s_district(db):
    coordinator = scoped(
        factories.StaffFactory(role="coordinator"), areas=["translation"], districts=["konak"]
    )
    konak = factories.VolunteerFactory(district=factories.district("konak"))
    bornova = factories.VolunteerFactory(district=factories.district("bornova"))
    inside = factories.HoursEntryFactory(volunteer=konak, area=factories.area("translation"))
    other_area = factories.HoursEntryFactory(volunteer=konak, area=factories.area("workshops"))
    other_district = factories.HoursEntryFactory(
        volunteer=bornova, area=factories.area("translation")
    )
    found = set(visible_hours(coordinator))
    assert inside in found
    assert other_area not in found
    assert other_district not in found


def test_an_unscoped_coordinator_sees_every_activity(
    coordinator_client, translation, field_research
):
    listed = set(coordinator_client.get(reverse("planning:list")).context["page_obj"])
    assert listed == {translation["activity"], field_research["activity"]}

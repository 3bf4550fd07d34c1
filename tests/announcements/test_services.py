"""Writing and publishing: the capability, the scope, the audience, scheduling, the audit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from esit.announcements import selectors, services
from esit.announcements.models import Announcement
from esit.announcements.services import AnnouncementError
from esit.audit.models import AuditEvent
from tests import factories

from .conftest import scoped, write


def test_a_volunteer_cannot_write_an_announcement(volunteer):
    with pytest.raises(PermissionDenied):
        write(volunteer.user)


def test_coordinators_and_administrators_hold_the_capability(coordinator, administrator):
    assert coordinator.has_perm("announcements.publish_announcements")
    assert administrator.has_perm("announcements.publish_announcements")


def test_saving_writes_a_draft_with_its_search_key_and_an_audit_event(coordinator):
    announcement = write(coordinator, title_tr="İZMİR'de Işıl ile buluşma")
    assert announcement.status == Announcement.Status.DRAFT
    assert "izmir'de ışıl" in announcement.search_text
    assert AuditEvent.objects.filter(
        action="announcements.created", object_id=str(announcement.pk)
    ).exists()


def test_an_empty_target_is_refused_next_to_the_areas(coordinator):
    with pytest.raises(AnnouncementError) as refused:
        write(coordinator, audience=Announcement.Audience.AREAS)
    assert refused.value.field == "areas"
    assert not Announcement.objects.exists()


def test_an_activity_audience_needs_an_activity(coordinator):
    with pytest.raises(AnnouncementError) as refused:
        write(coordinator, audience=Announcement.Audience.ACTIVITY)
    assert refused.value.field == "activity"


def test_a_scoped_coordinator_cannot_speak_to_the_public_or_every_volunteer(
    translation_coordinator,
):
    for audience in (Announcement.Audience.PUBLIC, Announcement.Audience.VOLUNTEERS):
        with pytest.raises(AnnouncementError) as refused:
            write(translation_coordinator, audience=audience)
        assert refused.value.field == "audience"


def test_a_scoped_coordinator_targets_only_areas_inside_her_scope(translation_coordinator):
    with pytest.raises(AnnouncementError) as refused:
        write(
            translation_coordinator,
            audience=Announcement.Audience.AREAS,
            areas=[factories.area("translation"), factories.area("campaigns")],
        )
    assert refused.value.field == "areas"
    announcement = write(
        translation_coordinator,
        audience=Announcement.Audience.AREAS,
        areas=[factories.area("translation")],
    )
    assert list(announcement.areas.all()) == [factories.area("translation")]


def test_a_district_coordinator_must_name_districts_of_her_scope(coordinator):
    scoped(coordinator, districts=["konak"])
    with pytest.raises(AnnouncementError) as refused:
        write(
            coordinator,
            audience=Announcement.Audience.AREAS,
            areas=[factories.area("translation")],
        )
    assert refused.value.field == "districts"
    write(
        coordinator,
        audience=Announcement.Audience.AREAS,
        districts=[factories.district("konak")],
    )


def test_a_scoped_coordinator_cannot_target_an_activity_outside_her_scope(
    translation_coordinator,
):
    elsewhere = factories.ActivityFactory(areas=[factories.area("campaigns")])
    with pytest.raises(AnnouncementError) as refused:
        write(translation_coordinator, audience=Announcement.Audience.ACTIVITY, activity=elsewhere)
    assert refused.value.field == "activity"


def test_the_staff_list_shows_a_scoped_coordinator_only_announcements_of_her_scope(
    coordinator, translation_coordinator
):
    mine = write(
        coordinator, audience=Announcement.Audience.AREAS, areas=[factories.area("translation")]
    )
    write(coordinator, audience=Announcement.Audience.AREAS, areas=[factories.area("campaigns")])
    write(coordinator, audience=Announcement.Audience.PUBLIC)
    assert list(selectors.visible_to(translation_coordinator)) == [mine]
    assert selectors.visible_to(coordinator).count() == 3


def test_the_audience_of_areas_leaves_out_a_volunteer_of_another_area(
    coordinator, translator, campaigner
):
    announcement = write(
        coordinator, audience=Announcement.Audience.AREAS, areas=[factories.area("translation")]
    )
    assert list(selectors.audience_of(announcement)) == [translator]


def test_areas_and_districts_together_mean_both(coordinator, translator):
    factories.VolunteerFactory(
        areas=[factories.area("translation")], district=factories.district("bornova")
    )
    announcement = write(
        coordinator,
        audience=Announcement.Audience.AREAS,
        areas=[factories.area("translation")],
        districts=[factories.district("konak")],
    )
    assert list(selectors.audience_of(announcement)) == [translator]


def test_a_district_alone_reaches_every_area_in_it(coordinator, translator, campaigner):
    announcement = write(
        coordinator, audience=Announcement.Audience.AREAS, districts=[factories.district("bornova")]
    )
    assert list(selectors.audience_of(announcement)) == [campaigner]


def test_the_activity_audience_is_who_takes_part_in_it(coordinator, translator, campaigner):
    shift = factories.ShiftFactory()
    factories.SignUpFactory(shift=shift, volunteer=translator)
    announcement = write(
        coordinator, audience=Announcement.Audience.ACTIVITY, activity=shift.activity
    )
    assert list(selectors.audience_of(announcement)) == [translator]


def test_a_volunteer_who_left_is_not_in_any_audience(coordinator, translator):
    translator.status = "withdrawn"
    translator.save(update_fields=["status"])
    announcement = write(coordinator, audience=Announcement.Audience.VOLUNTEERS)
    assert not selectors.audience_of(announcement).exists()


def test_a_public_announcement_is_emailed_to_nobody(coordinator, translator):
    assert not selectors.audience_of(write(coordinator)).exists()


def test_publishing_without_a_time_publishes_now(coordinator):
    announcement, now = services.publish(by=coordinator, announcement=write(coordinator))
    assert now
    assert announcement.status == Announcement.Status.PUBLISHED
    assert announcement.published_at is not None


def test_a_time_in_the_past_publishes_now(coordinator):
    past = timezone.now() - datetime.timedelta(hours=2)
    announcement, now = services.publish(by=coordinator, announcement=write(coordinator), at=past)
    assert now
    assert announcement.status == Announcement.Status.PUBLISHED
    assert announcement.published_at > past


def test_a_future_time_schedules_it(coordinator):
    later = timezone.now() + datetime.timedelta(days=1)
    announcement, now = services.publish(by=coordinator, announcement=write(coordinator), at=later)
    assert not now
    assert announcement.status == Announcement.Status.SCHEDULED
    assert announcement.publish_at == later


def test_publishing_twice_is_refused(coordinator):
    announcement, _now = services.publish(by=coordinator, announcement=write(coordinator))
    with pytest.raises(AnnouncementError):
        services.publish(by=coordinator, announcement=announcement)


def test_a_scheduled_announcement_publishes_itself_when_its_time_comes(coordinator, run_on_commit):
    later = timezone.now() + datetime.timedelta(minutes=5)
    announcement, _now = services.publish(by=coordinator, announcement=write(coordinator), at=later)
    assert services.publish_due() == 0
    assert services.publish_due(now=later + datetime.timedelta(seconds=1)) == 1
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.PUBLISHED
    assert services.publish_due(now=later + datetime.timedelta(minutes=1)) == 0
    assert AuditEvent.objects.filter(
        action="announcements.published", object_id=str(announcement.pk), actor=None
    ).exists()


def test_the_periodic_command_publishes_due_announcements(coordinator, run_on_commit, capsys):
    announcement = write(coordinator)
    services.publish(
        by=coordinator, announcement=announcement, at=timezone.now() + datetime.timedelta(hours=1)
    )
    Announcement.objects.filter(pk=announcement.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with run_on_commit():
        call_command("publish_scheduled_announcements")
    assert "1 announcement(s) published" in capsys.readouterr().out
    announcement.refresh_from_db()
    assert announcement.status == Announcement.Status.PUBLISHED


def test_archiving_takes_it_off_the_public_list(coordinator):
    announcement, _now = services.publish(by=coordinator, announcement=write(coordinator))
    assert list(selectors.public_announcements()) == [announcement]
    services.archive(by=coordinator, announcement=announcement)
    assert not selectors.public_announcements().exists()


def test_pinned_announcements_come_first(coordinator):
    older, _now = services.publish(by=coordinator, announcement=write(coordinator, pinned=True))
    newer, _now = services.publish(by=coordinator, announcement=write(coordinator))
    assert list(selectors.public_announcements()) == [older, newer]


def test_the_audience_of_a_published_announcement_cannot_change(coordinator):
    announcement = write(coordinator, audience="areas", areas=[factories.area("translation")])
    announcement, _now = services.publish(by=coordinator, announcement=announcement)
    with pytest.raises(AnnouncementError) as refused:
        write(
            coordinator,
            announcement=announcement,
            audience="areas",
            areas=[factories.area("campaigns")],
        )
    assert refused.value.field == "audience"
    changed = write(
        coordinator,
        announcement=announcement,
        title_tr="Düzeltilmiş başlık",
        audience="areas",
        areas=[factories.area("translation")],
    )
    assert changed.title_tr == "Düzeltilmiş başlık"

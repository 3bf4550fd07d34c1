"""`seed_bench` builds the bench's city at a scale factor, the same every time, and only in a
database that holds nothing else."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Shift, SignUp, VolunteerRecord
from esit.activities.services import records
from esit.announcements.models import Announcement
from esit.applications.models import Application
from esit.community import nicknames
from esit.community.models import Comment, Idea, Member, Support
from esit.core.turkish import search_key
from esit.demo.bench.sizes import (
    BENCH_DOMAIN,
    BIG_ACTIVITY_TITLE,
    BUSY_VOLUNTEER_EMAIL,
    Sizes,
)
from esit.privacy.models import ConsentRecord
from esit.volunteers.models import Volunteer, VolunteerLanguage
from tests import factories

SCALE = 0.001


def seed(*args):
    out = StringIO()
    call_command("seed_bench", "--scale", str(SCALE), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_counts_follow_the_scale():
    output = seed()
    sizes = Sizes.at(SCALE)
    assert Volunteer.objects.count() == sizes.volunteers == 100
    assert Application.objects.open().count() == sizes.applications == 20
    assert ConsentRecord.objects.count() == sizes.applications
    assert Activity.objects.count() == sizes.activities == 5
    assert Shift.objects.count() == sizes.shifts == 50
    assert SignUp.objects.count() == sizes.signups == 1000
    assert "Bench data ready" in output


@pytest.mark.django_db
def test_ideas_carry_the_counts_of_their_supports_and_comments():
    seed()
    sizes = Sizes.at(SCALE)
    assert Idea.objects.count() == sizes.ideas == 20
    assert Announcement.objects.published().count() == sizes.announcements == 1
    assert Support.objects.exists()
    assert Comment.objects.exists()
    counted = Idea.objects.annotate(
        supports_written=Count("supports", distinct=True),
        comments_written=Count("comments", distinct=True),
    )
    for idea in counted:
        assert idea.support_count == idea.supports_written
        assert idea.comment_count == idea.comments_written
        assert idea.search_text == search_key(idea.title, idea.body)  # as post_idea keeps it
    # One level of replies, each under a comment of the same idea.
    for reply in Comment.objects.filter(parent__isnull=False).select_related("parent"):
        assert reply.parent.parent_id is None
        assert reply.parent.idea_id == reply.idea_id
    assert not Support.objects.filter(account=F("idea__author")).exists()


@pytest.mark.django_db
def test_nicknames_carry_the_key_the_service_would_give_them():
    seed()
    members = list(Member.objects.all())
    assert members
    assert all(m.nickname_key == nicknames.fold(m.nickname) != "" for m in members)


@pytest.mark.django_db
def test_ideas_reach_their_status_by_the_moves_staff_can_make_and_nothing_is_in_the_future():
    from django.utils import timezone

    from esit.community.services import NEXT_STATUSES

    seed()
    for idea in Idea.objects.prefetch_related("status_changes", "supports", "comments"):
        status = Idea.Status.NEW
        for change in idea.status_changes.all():
            assert change.from_status == status
            assert change.to_status in NEXT_STATUSES[status]
            status = change.to_status
        assert status == idea.status
        moments = [
            *(c.changed_at for c in idea.status_changes.all()),
            *(s.created_at for s in idea.supports.all()),
            *(c.created_at for c in idea.comments.all()),
        ]
        assert all(idea.created_at <= moment <= timezone.now() for moment in moments)
        assert idea.last_activity_at == max([idea.created_at, *moments])


@pytest.mark.django_db
def test_hours_exist_exactly_for_attended_shifts_that_are_over():
    seed()
    attended = SignUp.objects.filter(attendance=SignUp.Attendance.ATTENDED)
    assert attended.exists()
    assert HoursEntry.objects.count() == attended.count()
    assert not HoursEntry.objects.exclude(signup__in=attended).exists()
    assert HoursEntry.objects.filter(status=HoursEntry.Status.PENDING).exists()  # a queue


@pytest.mark.django_db
def test_no_shift_holds_more_than_its_capacity_or_a_volunteer_twice():
    seed()
    shifts = Shift.objects.annotate(taken=Count("signups")).filter(taken__gt=F("capacity"))
    assert not shifts.exists()
    twice = SignUp.objects.values("shift", "volunteer").annotate(n=Count("id")).filter(n__gt=1)
    assert not twice.exists()


@pytest.mark.django_db
def test_the_measured_roster_and_volunteer_are_there():
    seed()
    sizes = Sizes.at(SCALE)
    big = Activity.objects.get(title_tr=BIG_ACTIVITY_TITLE)
    assert SignUp.objects.filter(shift__activity=big).count() == sizes.big_roster
    busy = Volunteer.objects.get(user__email=BUSY_VOLUNTEER_EMAIL)
    assert busy.signups.count() == sizes.shifts - 10  # a shift each, outside the big activity


@pytest.mark.django_db
def test_people_have_turkish_names_and_folded_search_text():
    seed()
    names = set(Volunteer.objects.values_list("first_name", flat=True))
    assert any(set(name) & set("ğşçöüİı") for name in names)
    işıl = Volunteer.objects.filter(first_name="Işıl").first()
    if işıl is not None:
        assert işıl.search_text.startswith("ışıl ")
    assert VolunteerLanguage.objects.filter(language__code="tr").count() == 100


@pytest.mark.django_db
def test_the_same_scale_and_seed_give_the_same_data():
    def snapshot():
        volunteers = list(Volunteer.objects.order_by("pk").values_list("first_name", "phone"))
        per_shift = list(
            Shift.objects.order_by("pk").annotate(n=Count("signups")).values_list("n", flat=True)
        )
        attendance = list(SignUp.objects.order_by("pk").values_list("attendance", flat=True))
        ideas = list(Idea.objects.order_by("pk").values_list("title", "support_count"))
        return volunteers, per_shift, attendance, ideas

    seed()
    first = snapshot()
    for model in (Idea, Announcement, HoursEntry, SignUp, Shift, Activity, VolunteerLanguage):
        model.objects.all().delete()
    Volunteer.objects.all().delete()
    Application.objects.all().delete()
    ConsentRecord.objects.all().delete()
    User.objects.all().delete()
    seed()
    assert snapshot() == first


@pytest.mark.django_db
def test_a_database_with_real_accounts_is_refused_and_left_alone():
    factories.VolunteerFactory()
    with pytest.raises(CommandError, match="real data"):
        seed()
    assert not User.objects.filter(email__endswith=BENCH_DOMAIN).exists()


@pytest.mark.django_db
def test_a_database_with_a_real_application_is_refused():
    factories.ApplicationFactory()
    with pytest.raises(CommandError, match="applications"):
        seed()


@pytest.mark.django_db
def test_a_second_run_is_refused():
    seed()
    with pytest.raises(CommandError, match="already has bench data"):
        seed()


@pytest.mark.django_db
def test_force_adds_next_to_real_data_but_never_in_production(settings):
    factories.VolunteerFactory()
    seed("--force")
    assert Volunteer.objects.count() == 101
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="not allowed in production"):
        seed("--force")


@pytest.mark.django_db
def test_the_bench_writes_encrypted_phones_and_birth_dates_with_their_hashes():
    """COPY on PostgreSQL, bulk_create on SQLite: either way what is stored is encrypted."""
    from django.db import connection

    from esit.core.encryption import lookup_hash

    seed()
    volunteer = Volunteer.objects.order_by("pk").first()
    application = Application.objects.order_by("pk").first()
    assert volunteer.phone.startswith("+90532")
    assert volunteer.phone_hash == lookup_hash(volunteer.phone)
    assert volunteer.birth_year == volunteer.birth_date.year
    assert application.phone_hash == lookup_hash(application.phone)
    assert application.motivation.startswith("Kadınların")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT phone, birth_date FROM volunteers_volunteer WHERE id = %s", [volunteer.pk]
        )
        phone, birth_date = cursor.fetchone()
        cursor.execute(
            "SELECT motivation FROM applications_application WHERE id = %s", [application.pk]
        )
        (motivation,) = cursor.fetchone()
    assert volunteer.phone not in phone
    assert volunteer.birth_date.isoformat() not in str(birth_date)
    assert "Kadınların" not in motivation


@pytest.mark.django_db
def test_every_volunteer_has_her_record_as_counting_gives_it():
    seed()
    assert VolunteerRecord.objects.count() == Volunteer.objects.count()
    written = {
        r.volunteer_id: (r.attended, r.decided, r.recent_hours)
        for r in VolunteerRecord.objects.all()
    }
    records.refresh_all()
    rebuilt = {
        r.volunteer_id: (r.attended, r.decided, r.recent_hours)
        for r in VolunteerRecord.objects.all()
    }
    assert written == rebuilt
    assert any(attended for attended, _decided, _hours in written.values())

"""/ideas/done/: the public record of ideas that became activities which have happened, with
the hours volunteers gave, counted by the database."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.community import selectors
from esit.community.models import Idea
from tests import factories
from tests.community.conftest import make_idea

pytestmark = pytest.mark.django_db


def idea_with_activity(author, *, title, days, status="published", hours=()):
    idea = make_idea(author, title=title)
    activity = factories.ActivityFactory(
        status=status, starts_at=factories.in_days(days, 10), ends_at=factories.in_days(days, 16)
    )
    factories.ShiftFactory(activity=activity)
    for amount, entry_status in hours:
        factories.HoursEntryFactory(
            activity=activity, hours=amount, status=entry_status, source="attendance"
        )
    Idea.objects.filter(pk=idea.pk).update(activity=activity, status="in_progress")
    return idea


def test_only_ideas_whose_activity_happened_are_listed_with_their_hours(client, volunteer):
    idea_with_activity(
        volunteer.user,
        title="Geçmiş atölye",
        days=-5,
        hours=[(3, "approved"), (Decimal("2.5"), "approved"), (4, "pending")]
        + [(1, "approved")] * 3,
    )
    idea_with_activity(volunteer.user, title="Gelecek atölye", days=5)
    idea_with_activity(volunteer.user, title="İptal edilen", days=-5, status="cancelled")
    make_idea(volunteer.user, title="Etkinliksiz fikir")

    page = client.get(reverse("community:done")).content.decode()

    assert "Geçmiş atölye" in page
    assert "8,5" in page  # five volunteers gave approved hours: the sum names nobody
    assert "Gelecek atölye" not in page
    assert "İptal edilen" not in page
    assert "Etkinliksiz fikir" not in page
    assert volunteer.user.email not in page


def test_a_completed_activity_counts_as_happened(volunteer):
    idea_with_activity(volunteer.user, title="Tamamlanan", days=3, status="completed")

    assert [idea.title for idea in selectors.done_ideas()] == ["Tamamlanan"]


def test_a_hidden_idea_is_not_on_the_public_record(volunteer):
    idea = idea_with_activity(volunteer.user, title="Gizlenen", days=-2)
    Idea.objects.filter(pk=idea.pk).update(hidden_at=timezone.now())

    assert list(selectors.done_ideas()) == []


def test_the_page_takes_the_same_queries_for_one_idea_or_many(
    client, volunteer, django_assert_max_num_queries
):
    for number in range(6):
        idea_with_activity(
            volunteer.user, title=f"Atölye {number}", days=-1 - number, hours=[(2, "approved")]
        )
    client.get(reverse("community:done"))

    with django_assert_max_num_queries(6):
        response = client.get(reverse("community:done"))

    assert response.content.decode().count("Atölye ") == 6


def test_hours_fewer_than_five_volunteers_gave_are_not_shown(client, volunteer):
    idea_with_activity(
        volunteer.user, title="Küçük atölye", days=-3, hours=[(7, "approved"), (4, "approved")]
    )

    page = client.get(reverse("community:done")).content.decode()

    assert "Küçük atölye" in page
    assert "en az 5 gönüllü" in page
    (shown,) = selectors.done_ideas()
    assert shown.approved_hours == 11
    assert selectors.public_hours(shown) is None


def test_the_hours_follow_the_reports_threshold(volunteer):
    from esit.reports.suppression import MIN_CELL, suppressed

    assert MIN_CELL == 5
    assert suppressed(Decimal(3), people=4) is None
    assert suppressed(Decimal(3), people=5) == Decimal(3)
    assert suppressed(0) == 0

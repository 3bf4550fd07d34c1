"""The migration that gave each nickname its folded key (community 0003)."""

import pytest

from tests import migrating

BEFORE = [("community", "0002_idea_search_trigram_index")]
AFTER = [("community", "0003_member_nickname_key")]


@pytest.fixture
def historical(live_db):
    """The schema before the keys; the latest schema again afterwards, for the next test."""
    yield from migrating.historical(BEFORE)


def member(apps, email, nickname):
    User = apps.get_model("accounts", "User")
    Member = apps.get_model("community", "Member")
    return Member.objects.create(account=User.objects.create(email=email), nickname=nickname)


def test_every_nickname_gets_its_key_and_a_shared_one_is_kept_by_its_first_member(historical):
    first = member(historical, "ilk@example.org", "Işıl Deniz")
    later = member(historical, "sonra@example.org", "IŞIL DENİZ")  # chosen in the old race
    other = member(historical, "baska@example.org", "Çağrı")
    none = member(historical, "yok@example.org", "")
    marks = member(historical, "isaret@example.org", "...")  # folds to nothing

    Member = migrating.migrate(AFTER).get_model("community", "Member")

    keys = dict(Member.objects.values_list("pk", "nickname_key"))
    assert keys == {
        first.pk: "isil deniz",
        later.pk: "",
        other.pk: "cagri",
        none.pk: "",
        marks.pk: "",
    }
    # Nothing is lost: the later member keeps the nickname she chose.
    assert Member.objects.get(pk=later.pk).nickname == "IŞIL DENİZ"

"""Preferences keep only what differs from the default, and say what each optional kind is."""

import pytest

from esit.notifications import preferences
from esit.notifications.models import Preference
from tests import factories


@pytest.fixture
def ayse(db):
    return factories.UserFactory(first_name="Ayşe")


def test_turning_a_kind_back_on_keeps_no_row(ayse):
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=True)

    assert preferences.wants(ayse, "tests.news")
    assert not Preference.objects.filter(user=ayse).exists()


def test_turning_a_kind_off_keeps_one_row_however_often(ayse):
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)

    assert list(Preference.objects.filter(user=ayse).values_list("kind", "enabled")) == [
        ("tests.news", False)
    ]


def test_all_optional_on_again_brings_back_every_kind_turned_off_before(ayse):
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)
    preferences.set_all_optional(user=ayse, enabled=False)

    preferences.set_all_optional(user=ayse, enabled=True)

    assert preferences.wants(ayse, "tests.news")
    assert not Preference.objects.filter(user=ayse).exists()


def test_all_off_turns_off_every_optional_kind_and_no_transactional_one(ayse):
    preferences.set_all_optional(user=ayse, enabled=False)

    assert not preferences.wants(ayse, "tests.news")
    assert preferences.wants(ayse, "tests.hello")
    assert all(not choice.enabled for choice in preferences.optional_choices(ayse))


def test_the_choices_name_each_optional_kind_and_say_whether_it_is_on(ayse):
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)

    choices = {choice.kind.key: choice for choice in preferences.optional_choices(ayse)}

    assert "tests.hello" not in choices  # transactional: not a choice
    assert choices["tests.news"].kind.label == "News (tests)"
    assert choices["tests.news"].enabled is False

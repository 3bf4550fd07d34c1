"""The moderation foundation other apps build on: the registry of reportable kinds and the
rule that keeps a suspended person from posting."""

import datetime

import pytest
from django.utils import timezone

from esit.core.errors import RuleError
from esit.moderation import registry
from esit.moderation.models import Moderated, PostingSuspension
from esit.moderation.services import active_suspension, ensure_may_post, is_suspended
from esit.reference.models import District
from esit.resources.models import Resource
from tests import factories


def test_resources_are_registered_as_reportable_content():
    kind = registry.get("resource")
    assert kind.model is Resource
    assert registry.of(Resource(title="x")) is kind
    assert "resource" in [content_kind.kind for content_kind in registry.all_kinds()]


def test_only_moderated_models_can_be_registered():
    with pytest.raises(TypeError):
        registry.register(District, kind="district", label="ilçe", author=str, url=str, title=str)  # type: ignore[arg-type]  # the mistake this test makes on purpose


def test_a_kind_belongs_to_one_model():
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Moderated, kind="resource", label="x", author=str, url=str, title=str)


def test_an_unknown_kind_is_a_lookup_error():
    with pytest.raises(LookupError):
        registry.get("nothing")


@pytest.mark.django_db
def test_only_a_suspension_in_force_stops_posting(coordinator):
    person = factories.VolunteerFactory().user
    now = timezone.now()
    ended = PostingSuspension.objects.create(
        person=person,
        until=now - datetime.timedelta(hours=1),
        reason="Eski",
        suspended_by=coordinator,
    )
    lifted = PostingSuspension.objects.create(
        person=person, until=now + datetime.timedelta(days=3), reason="Kaldırıldı",
        suspended_by=coordinator, lifted_at=now,
    )  # fmt: skip
    assert not is_suspended(person)
    ensure_may_post(person)
    current = PostingSuspension.objects.create(
        person=person,
        until=now + datetime.timedelta(days=7),
        reason="Hakaret",
        suspended_by=coordinator,
    )
    assert active_suspension(person) == current
    with pytest.raises(RuleError, match="askıya alındı"):
        ensure_may_post(person)
    assert not is_suspended(person, at=now + datetime.timedelta(days=8))
    assert {ended.pk, lifted.pk}.isdisjoint({active_suspension(person).pk})

"""Announcements' personas and helpers: a coordinator of one area, volunteers inside and
outside it, and an announcement written through the service (never a raw create)."""

import pytest

from esit.accounts.models import StaffScope
from esit.announcements import services
from esit.announcements.models import Announcement
from tests import factories


def scoped(user, *, areas=(), districts=()):
    scope, _created = StaffScope.objects.get_or_create(user=user)
    scope.areas.set([factories.area(slug) for slug in areas])
    scope.districts.set([factories.district(slug) for slug in districts])
    user.__dict__.pop("_esit_standing", None)  # scope_of() reads it again
    return user


def write(by, **fields) -> Announcement:
    fields.setdefault("title_tr", "Gönüllü buluşması")
    fields.setdefault("body_tr", "Bu **cumartesi** Konak'ta buluşuyoruz.")
    return services.save_announcement(by=by, **fields)


def write_published(by, **fields) -> Announcement:
    announcement = write(by, **fields)
    announcement, _now = services.publish(by=by, announcement=announcement)
    return announcement


@pytest.fixture
def translation_coordinator(db):
    return scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])


@pytest.fixture
def translator(db):
    """A volunteer of the translation area, in Konak."""
    return factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Çiğdem", email="cigdem@example.org"),
        areas=[factories.area("translation")],
    )


@pytest.fixture
def campaigner(db):
    """A volunteer of another area (campaigns), in Bornova."""
    return factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Işık", email="isik@example.org"),
        areas=[factories.area("campaigns")],
        district=factories.district("bornova"),
    )

import pytest
from django.contrib.auth.models import Permission

from esit.safety import services
from tests import factories


def designate(user):
    """Give the capability the way /staff/team/ does: as an extra capability of that person."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="safety", codename="handle_concerns")
    )
    return user


@pytest.fixture
def handler(db):
    return designate(factories.StaffFactory(role="coordinator", email="guvenlik@example.org"))


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client


WHAT = "Atölyeden sonra bana ısrarla mesaj attı, korktum."
ABOUT = "Karşıyaka atölyesindeki gönüllü Mehmet"


@pytest.fixture
def concern(volunteer):
    return services.raise_concern(
        by=volunteer.user,
        what_happened=WHAT,
        about=ABOUT,
        link="https://example.org/sohbet/42",
        happened_when="Geçen salı",
        contact="email",
        consent=True,
    )

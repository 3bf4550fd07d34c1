import pytest

from esit.community import services
from tests import factories


def make_idea(author, **changes):
    fields = {
        "title": "Mahallede kadın dayanışma kahvaltısı",
        "body": "Her ay bir mahallede buluşup **deneyimlerimizi** paylaşalım.",
        "area": factories.area(),
        "district": factories.district("konak"),
        **changes,
    }
    return services.post_idea(author=author, **fields)


@pytest.fixture
def idea(volunteer):
    return make_idea(volunteer.user)


@pytest.fixture
def other_volunteer(db):
    return factories.VolunteerFactory(first_name="Elif", last_name="Şahin")

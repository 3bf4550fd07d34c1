"""Her concerns in her KVKK export (the replies, not the handlers' notes); erasure keeps the
handling record and removes every text."""

import pytest
from django.db import connection

from esit.kvkk import services as kvkk
from esit.safety import services
from esit.safety.models import Concern, ConcernEntry

from .conftest import ABOUT, WHAT

pytestmark = pytest.mark.django_db


@pytest.fixture
def handled(concern, handler):
    services.acknowledge(concern=concern, by=handler)
    services.add_entry(concern=concern, by=handler, kind="note", text="Mehmet aranacak.")
    services.add_entry(concern=concern, by=handler, kind="reply", text="Sizi arayacağız.")
    return concern


def exported(user) -> str:
    document = kvkk.export_document(kvkk.subject_of_user(user))
    return str(document)


def test_her_export_holds_her_concern_and_the_replies_not_the_notes(volunteer, handled):
    text = exported(volunteer.user)
    assert WHAT in text
    assert ABOUT in text
    assert "Sizi arayacağız." in text
    assert "Mehmet aranacak." not in text


def test_another_persons_export_holds_nothing_of_it(handled, handler):
    assert WHAT not in exported(handler)


def test_erasure_keeps_the_record_and_removes_every_text(volunteer, handled, handler):
    kvkk.erase(kvkk.subject_of_user(volunteer.user), actor=None)

    concern = Concern.objects.get(pk=handled.pk)
    assert concern.raised_by is None
    assert concern.status == Concern.Status.IN_HANDLING
    assert concern.acknowledged_at is not None
    assert concern.texts_removed_at is not None
    assert (concern.what_happened, concern.about, concern.link, concern.happened_when) == (
        "",
        "",
        "",
        "",
    )
    assert [entry.text for entry in ConcernEntry.objects.filter(concern=concern)] == ["", ""]
    with connection.cursor() as cursor:
        cursor.execute("SELECT what_happened FROM safety_concern WHERE id = %s", [concern.pk])
        (stored,) = cursor.fetchone()
    assert stored == ""  # an empty text is stored empty, not as a token of nothing

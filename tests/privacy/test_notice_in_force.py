"""Which KVKK text is in force: the one pages show (`current_notice`) is the one a consent
record names (`record_consent`), also when two were published at the same moment."""

import datetime

import pytest
from django.utils import timezone

from esit.privacy.models import PrivacyNotice
from esit.privacy.services import current_notice, record_consent

pytestmark = pytest.mark.django_db

KINDS = (PrivacyNotice.Kind.EXPLICIT_CONSENT, PrivacyNotice.Kind.INFORMATION)


def publish(kind, version, at):
    return PrivacyNotice.objects.create(
        kind=kind, version=version, title_tr=version, body_tr="Metin", published_at=at
    )


def test_pages_and_consent_records_name_the_same_texts():
    PrivacyNotice.objects.all().delete()  # the texts the data migrations published
    moment = timezone.now() - datetime.timedelta(days=1)
    for kind in KINDS:
        publish(kind, "t-1", moment - datetime.timedelta(days=1))
        publish(kind, "t-2a", moment)
        publish(kind, "t-2b", moment)  # the same moment: the later written is in force
        publish(kind, "t-3", timezone.now() + datetime.timedelta(days=1))  # not yet
    shown = {kind: current_notice(kind).version for kind in KINDS}
    recorded = record_consent(email="ayse@example.org", ip="", at=timezone.now())
    assert shown == dict.fromkeys(KINDS, "t-2b")
    assert (recorded.notice.version, recorded.information_notice.version) == ("t-2b", "t-2b")


def test_a_kind_with_no_published_text_is_said_to_be_missing():
    PrivacyNotice.objects.all().delete()
    publish(PrivacyNotice.Kind.INFORMATION, "draft", None)
    with pytest.raises(PrivacyNotice.DoesNotExist):
        current_notice(PrivacyNotice.Kind.INFORMATION)

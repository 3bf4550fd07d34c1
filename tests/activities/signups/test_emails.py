"""Sign-up e-mails: in the volunteer's language, with times on İzmir's clock."""

import datetime

from django.core import mail
from django.utils import timezone

from esit.activities.services.signups import sign_up
from tests import factories
from tests.activities.signups.conftest import emails_to, make_shift


def test_email_shows_the_shift_time_in_istanbul(volunteer, run_on_commit):
    starts = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=4), datetime.time(9, 45)
        )
    )
    shift = factories.ShiftFactory(
        activity=make_shift().activity,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )

    with run_on_commit():
        sign_up(volunteer=volunteer, shift=shift)

    body = emails_to(mail.outbox, volunteer)[0].body
    assert "09:45" in body
    assert "11:45" in body


def test_email_is_in_the_volunteers_language(volunteer, run_on_commit):
    volunteer.user.preferred_language = "en"
    volunteer.user.save()
    shift = make_shift(activity__title_en="Equal City workshop")

    with run_on_commit():
        sign_up(volunteer=volunteer, shift=shift)

    message = emails_to(mail.outbox, volunteer)[0]
    assert "Equal City workshop" in message.subject
    assert shift.activity.title_tr not in message.body


def test_email_keeps_text_typed_by_staff_as_written(volunteer, run_on_commit):
    shift = make_shift(activity__title_tr="Kadın & Gençlik <Buluşması>")

    with run_on_commit():
        sign_up(volunteer=volunteer, shift=shift)

    assert "Kadın & Gençlik <Buluşması>" in emails_to(mail.outbox, volunteer)[0].body

from django import forms
from django.utils.translation import gettext_lazy as _

from esit.applications.forms import VolunteerDetailsForm
from esit.applications.rules import language_field
from esit.reference import availability

from .models import Volunteer


class ProfileForm(VolunteerDetailsForm):
    """The shared details form, filled with what the volunteer's profile says today."""

    field_order = ["phone", "district", "areas", "availability"]

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        kwargs.setdefault("initial", self.initial_from(volunteer))
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_from(cls, volunteer: Volunteer) -> dict:
        return {
            "phone": volunteer.phone_national,
            "district": volunteer.district_id,
            "areas": [area.pk for area in volunteer.areas.all()],
            "availability": availability.from_mask(volunteer.availability),
            **{language_field(known.language): known.level for known in volunteer.languages.all()},
        }


class NotificationsForm(forms.Form):
    announcements = forms.BooleanField(
        label=_("Duyurular"),
        required=False,
        help_text=_("Programdan haberler, çağrılar ve duyurular."),
    )
    activities = forms.BooleanField(
        label=_("Yeni etkinlikler ve davetler"),
        required=False,
        help_text=_("Alanlarınıza uygun yeni etkinlikler ve size gönderilen davetler."),
    )
    reminders = forms.BooleanField(
        label=_("Vardiya hatırlatmaları"),
        required=False,
        help_text=_("Katılacağınız vardiyalardan önce bir hatırlatma."),
    )

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "announcements": volunteer.notify_announcements,
                "activities": volunteer.notify_activities,
                "reminders": volunteer.notify_reminders,
            },
        )
        super().__init__(*args, **kwargs)


class LeaveProgrammeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Eşit İzmir gönüllü programından ayrılmak istediğimi onaylıyorum."),
        error_messages={"required": _("Ayrılmak için lütfen onay kutusunu işaretleyin.")},
    )

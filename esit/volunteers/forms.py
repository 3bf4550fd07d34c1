from django import forms
from django.utils.translation import gettext_lazy as _

from esit.applications.forms import VolunteerDetailsForm
from esit.applications.rules import language_field
from esit.notifications import preferences
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
    """One checkbox per optional kind of message, named by the kind's key, as registered
    (esit.notifications.kinds): what a newly registered kind adds to the page by itself."""

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        super().__init__(*args, **kwargs)
        for choice in preferences.optional_choices(volunteer.user):
            self.fields[choice.kind.key] = forms.BooleanField(
                label=choice.kind.label,
                help_text=choice.kind.description,
                required=False,
                initial=choice.enabled,
            )


class LeaveProgrammeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Eşit İzmir gönüllü programından ayrılmak istediğimi onaylıyorum."),
        error_messages={"required": _("Ayrılmak için lütfen onay kutusunu işaretleyin.")},
    )

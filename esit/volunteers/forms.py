from django import forms
from django.utils.translation import gettext_lazy as _

from esit.core.phones import PhoneField
from esit.notifications import preferences
from esit.reference import availability
from esit.reference import rules as reference_rules
from esit.reference.forms import AreasField, AvailabilityField, DistrictField, LevelField
from esit.reference.models import District, Language, VolunteerArea, sorted_by_name
from esit.reference.rules import language_field

from .models import Volunteer


class VolunteerDetailsForm(forms.Form):
    """What an applicant and a volunteer both keep up to date: district, areas, languages, week."""

    phone = PhoneField(label=_("Cep telefonu"), help_text=_("Örnek: 0532 123 45 67"))
    district = DistrictField(
        label=_("İlçe"), queryset=District.objects.none(), empty_label=_("İlçe seçin")
    )
    areas = AreasField(
        label=_("Gönüllü olmak istediğiniz alanlar"),
        queryset=VolunteerArea.objects.none(),
        help_text=_("Birden fazla alan seçebilirsiniz."),
    )
    availability = AvailabilityField(
        label=_("Haftalık uygunluk"),
        help_text=_("Genellikle hangi gün ve saatlerde gönüllü çalışabilirsiniz?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.active()
        self.fields["areas"].queryset = VolunteerArea.objects.active()
        self.language_rows = []
        for language in sorted_by_name(Language.objects.active()):
            name = language_field(language)
            self.fields[name] = LevelField(label=language.name)
            self.language_rows.append((language, name))

    @property
    def language_fields(self):
        return [self[name] for _language, name in self.language_rows]

    def chosen_languages(self) -> list[tuple[Language, str]]:
        return [
            (language, self.cleaned_data[name])
            for language, name in self.language_rows
            if self.cleaned_data.get(name)
        ]

    def clean_availability(self):
        slots = self.cleaned_data["availability"]
        reference_rules.check_availability(availability.to_mask(slots))
        return slots

    def availability_mask(self) -> int:
        return availability.to_mask(self.cleaned_data.get("availability") or [])


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


class EndParticipationForm(forms.Form):
    """Staff end a volunteer's participation; the reason is told to her."""

    reason = forms.CharField(
        label=_("Gerekçe"),
        help_text=_("Gönüllüye e-postayla bildirilir."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Lütfen gönüllüye bildirilecek gerekçeyi yazın.")},
    )


class StaffMessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Konu"),
        max_length=150,
        error_messages={"required": _("Lütfen bir konu yazın.")},
    )
    body = forms.CharField(
        label=_("Mesaj"),
        help_text=_(
            "Düz metin olarak gönderilir. Koordinatör mesajlarını kapatmış gönüllülere gitmez."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Lütfen mesajı yazın.")},
    )

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from esit.reference import availability
from esit.reference.forms import NamedChoiceField, NamedMultipleChoiceField
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea, sorted_by_name

from . import rules
from .models import Gender, HeardFrom
from .rules import normalise_turkish_mobile


class TurkishMobileField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 25)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalise_turkish_mobile(value) if value else value


class BirthDateField(forms.DateField):
    """A birth date between 1900 and today, with the programme's adult-only rule."""

    widget = forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"])
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None:
            rules.check_birth_date(value)


class AvailabilityWidget(forms.CheckboxSelectMultiple):
    template_name = "applications/widgets/availability.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(value or [])
        context["widget"]["days"] = [
            (
                day_label,
                [
                    (f"{day}_{part}", part_label, f"{day}_{part}" in chosen)
                    for part, part_label in availability.PARTS
                ],
            )
            for day, day_label in availability.DAYS
        ]
        context["widget"]["parts"] = [label for _part, label in availability.PARTS]
        return context


class AvailabilityField(forms.MultipleChoiceField):
    widget = AvailabilityWidget
    default_error_messages = {"invalid_choice": rules.AVAILABILITY_UNKNOWN}

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", availability.slot_choices)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class DistrictField(NamedChoiceField):
    default_error_messages = {"invalid_choice": rules.DISTRICT_UNKNOWN}

    def validate(self, value):
        super().validate(value)
        if value is not None:
            rules.check_district(value)


class AreasField(NamedMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": rules.AREA_UNKNOWN,
        "invalid_pk_value": rules.AREA_UNKNOWN,
        "required": rules.AREA_REQUIRED,
    }

    def clean(self, value):
        areas = super().clean(value)
        rules.check_areas(areas)  # evaluates the queryset once; the service reads its cache
        return areas


class LevelField(forms.ChoiceField):
    """How well someone knows one language; empty when they do not know it."""

    default_error_messages = {"invalid_choice": rules.LEVEL_UNKNOWN}

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [("", _("Bilmiyorum")), *LanguageLevel.choices])
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            rules.check_level(value)


class SubmissionKeyField(forms.UUIDField):
    """The form's hidden one-time key.

    People never see it, so it can never be an error they must fix: a missing or
    mangled key (a stripped proxy, an old cached page) gets a fresh one instead.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            key = super().to_python(value)
        except forms.ValidationError:
            key = None
        return key or uuid.uuid4()


class VolunteerDetailsForm(forms.Form):
    """What an applicant and a volunteer both keep up to date: district, areas, languages, week."""

    phone = TurkishMobileField(label=_("Cep telefonu"), help_text=_("Örnek: 0532 123 45 67"))
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
            name = rules.language_field(language)
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
        rules.check_availability(availability.to_mask(slots))
        return slots

    def availability_mask(self) -> int:
        return availability.to_mask(self.cleaned_data.get("availability") or [])

    def add_refusal(self, error) -> None:
        """Show a service's refusal next to the field it names, or above the form."""
        field = getattr(error, "field", None)
        self.add_error(field if field in self.fields else None, error.message)


class ApplicationForm(VolunteerDetailsForm):
    first_name = forms.CharField(
        label=_("Ad"),
        max_length=rules.NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Soyad"),
        max_length=rules.NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-posta"),
        max_length=rules.EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    birth_date = BirthDateField(
        label=_("Doğum tarihi"), help_text=_("Program 18 yaşını doldurmuş kişiler içindir.")
    )
    experience = forms.CharField(
        label=_("Deneyiminiz"),
        max_length=rules.TEXT_MAX,
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Daha önceki gönüllülük, meslek ya da eğitim deneyiminiz (en fazla 2000 karakter)."
        ),
    )
    motivation = forms.CharField(
        label=_("Neden gönüllü olmak istiyorsunuz?"),
        max_length=rules.TEXT_MAX,
        widget=forms.Textarea,
        help_text=_("En fazla 2000 karakter."),
    )
    heard_from = forms.ChoiceField(
        label=_("Bizi nereden duydunuz?"),
        required=False,
        choices=[("", _("Seçin")), *HeardFrom.choices],
    )
    gender = forms.ChoiceField(
        label=_("Cinsiyet (isteğe bağlı)"),
        required=False,
        widget=forms.RadioSelect,
        choices=Gender.choices,
        help_text=_("Yalnızca programın kimlere ulaştığını anonim olarak ölçmek için sorulur."),
    )
    gender_self_description = forms.CharField(
        label=_("Kendi ifadenizle (isteğe bağlı)"),
        max_length=rules.SELF_DESCRIPTION_MAX,
        required=False,
    )
    consent = forms.BooleanField(
        label=_("Aydınlatma metnini okudum; kişisel verilerimin işlenmesine açık rıza veriyorum."),
        error_messages={"required": rules.CONSENT_REQUIRED},
    )
    # A field people never see: bots that fill every input reveal themselves here.
    website = forms.CharField(required=False, label=_("Bu alanı boş bırakın"))
    submission_key = SubmissionKeyField()

    field_order = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "birth_date",
        "district",
        "areas",
        "availability",
        "experience",
        "motivation",
        "heard_from",
        "gender",
        "gender_self_description",
        "consent",
    ]

    # The rules the fields' own checks already cover are called too, so a rule has one home
    # (rules.py) that the form and submit_application share.
    def clean_first_name(self):
        return rules.clean_name(self.cleaned_data["first_name"])

    def clean_last_name(self):
        return rules.clean_name(self.cleaned_data["last_name"])

    def clean_email(self):
        return rules.clean_email(self.cleaned_data["email"])

    def clean_experience(self):
        return rules.clean_text(self.cleaned_data["experience"])

    def clean_motivation(self):
        return rules.clean_text(self.cleaned_data["motivation"], is_required=True)

    def clean_gender_self_description(self):
        return rules.clean_text(
            self.cleaned_data["gender_self_description"], limit=rules.SELF_DESCRIPTION_MAX
        )

    def clean_consent(self):
        rules.check_consent(self.cleaned_data["consent"])
        return self.cleaned_data["consent"]

    def clean_heard_from(self):
        rules.check_choice(self.cleaned_data["heard_from"], HeardFrom)
        return self.cleaned_data["heard_from"]

    def clean_gender(self):
        rules.check_choice(self.cleaned_data["gender"], Gender)
        return self.cleaned_data["gender"]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "phone": data["phone"],
            "birth_date": data["birth_date"],
            "district": data["district"],
            "availability": self.availability_mask(),
            "experience": data["experience"],
            "motivation": data["motivation"],
            "heard_from": data["heard_from"],
            "gender": data["gender"],
            "gender_self_description": (
                data["gender_self_description"] if data["gender"] == Gender.SELF_DESCRIBED else ""
            ),
        }


class CorrectionForm(VolunteerDetailsForm):
    """What an applicant may correct while her application is pending, filled in from it."""

    email = forms.EmailField(
        label=_("E-posta"),
        max_length=rules.EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "E-posta adresinizi değiştirirseniz yeni adrese bir onay e-postası göndeririz."
        ),
    )

    field_order = ["email", "phone", "district", "areas", "availability"]

    def __init__(self, *args, application, **kwargs):
        kwargs.setdefault("initial", self.initial_from(application))
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_from(application) -> dict:
        return {
            "email": application.email,
            "phone": application.phone_national,
            "district": application.district_id,
            "areas": [area.pk for area in application.areas.all()],
            "availability": availability.from_mask(application.availability),
            **{
                rules.language_field(row.language): row.level for row in application.languages.all()
            },
        }

    def clean_email(self):
        return rules.clean_email(self.cleaned_data["email"])

    def correction(self) -> dict:
        """Arguments for services.correct_application."""
        return {
            "email": self.cleaned_data["email"],
            "phone": self.cleaned_data["phone"],
            "district": self.cleaned_data["district"],
            "areas": self.cleaned_data["areas"],
            "languages": self.chosen_languages(),
            "availability": self.availability_mask(),
        }


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Başvurumu geri çekmek istediğimi onaylıyorum."),
        error_messages={"required": _("Geri çekmek için lütfen onay kutusunu işaretleyin.")},
    )

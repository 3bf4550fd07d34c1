import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from esit.reference import availability
from esit.reference.rules import language_field
from esit.volunteers.forms import VolunteerDetailsForm
from esit.volunteers.models import Gender

from .. import rules
from ..models import HeardFrom


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
            **{language_field(row.language): row.level for row in application.languages.all()},
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

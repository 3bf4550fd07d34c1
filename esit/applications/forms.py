import re
import uuid

import phonenumbers
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.reference import availability
from esit.reference.forms import NamedChoiceField, NamedMultipleChoiceField
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea

from .models import Gender, HeardFrom, age_on

NAME_MAX = 80
TEXT_MAX = 2000

# Digits and the separators people type between them; nothing else is a phone number.
_PHONE_CHARACTERS = re.compile(r"^[\d\s+()./-]+$")


def normalise_turkish_mobile(raw: str) -> str:
    """Return a Turkish mobile number in E.164 (+905321234567), or raise ValidationError.

    Accepts what people actually type: `0532 123 45 67`, `+90 532 123 4567`,
    `5321234567`. Landlines and foreign numbers are refused: the programme
    reaches volunteers by SMS-capable Turkish mobiles. Letters are refused too,
    although libphonenumber would read "0532 123 ABCD" as a keypad spelling or
    drop "ext. 12" silently: what is stored must be what the person meant.
    """
    error = forms.ValidationError(
        _("Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67."),
        code="invalid_phone",
    )
    if not _PHONE_CHARACTERS.match(raw):
        raise error
    try:
        number = phonenumbers.parse(raw, "TR")
    except phonenumbers.NumberParseException:
        raise error from None
    if number.country_code != 90 or not phonenumbers.is_valid_number(number):
        raise error
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise error
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


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
        if value is None:
            return
        # The day in the programme's zone (Europe/Istanbul), whatever the server's clock
        # zone or any time zone activated for the request.
        today = timezone.localdate(timezone=timezone.get_default_timezone())
        if value > today:
            raise forms.ValidationError(_("Doğum tarihi gelecekte olamaz."), code="future")
        if value.year < 1900:
            raise forms.ValidationError(
                _("Lütfen doğum tarihinizi kontrol edin: 1900'den önce olamaz."), code="too_old"
            )
        if age_on(value, today) < settings.MINIMUM_VOLUNTEER_AGE:
            raise forms.ValidationError(
                _(
                    "Eşit İzmir gönüllü programı 18 yaşını doldurmuş yetişkinler içindir. "
                    "18 yaşınızı doldurduğunuzda başvurmanızı bekleriz."
                ),
                code="under_age",
            )


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
    default_error_messages = {
        "invalid_choice": _("Lütfen tablodaki gün ve saatlerden seçin."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", availability.slot_choices)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class DistrictField(NamedChoiceField):
    default_error_messages = {
        "invalid_choice": _("Lütfen listeden bir ilçe seçin."),
    }


class AreasField(NamedMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _("Lütfen listedeki alanlardan seçin."),
        "invalid_pk_value": _("Lütfen listedeki alanlardan seçin."),
        "required": _("En az bir gönüllülük alanı seçin."),
    }


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

    language_prefix = "language_"

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
        for language in Language.objects.active():
            name = f"{self.language_prefix}{language.code}"
            self.fields[name] = forms.ChoiceField(
                label=language.name,
                choices=[("", _("Bilmiyorum")), *LanguageLevel.choices],
                required=False,
                error_messages={"invalid_choice": _("Lütfen listedeki düzeylerden birini seçin.")},
            )
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

    def availability_mask(self) -> int:
        return availability.to_mask(self.cleaned_data.get("availability") or [])


class ApplicationForm(VolunteerDetailsForm):
    first_name = forms.CharField(
        label=_("Ad"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Soyad"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-posta"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    birth_date = BirthDateField(
        label=_("Doğum tarihi"), help_text=_("Program 18 yaşını doldurmuş kişiler içindir.")
    )
    experience = forms.CharField(
        label=_("Deneyiminiz"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Daha önceki gönüllülük, meslek ya da eğitim deneyiminiz (en fazla 2000 karakter)."
        ),
    )
    motivation = forms.CharField(
        label=_("Neden gönüllü olmak istiyorsunuz?"),
        max_length=TEXT_MAX,
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
        label=_("Kendi ifadenizle (isteğe bağlı)"), max_length=60, required=False
    )
    consent = forms.BooleanField(
        label=_("Aydınlatma metnini okudum; kişisel verilerimin işlenmesine açık rıza veriyorum."),
        error_messages={"required": _("Başvurunuzu alabilmemiz için açık rızanız gereklidir.")},
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

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"].strip(),
            "last_name": data["last_name"].strip(),
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


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Başvurumu geri çekmek istediğimi onaylıyorum."),
        error_messages={"required": _("Geri çekmek için lütfen onay kutusunu işaretleyin.")},
    )

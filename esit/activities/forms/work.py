"""Input for tasks, hours and certificates; the rules themselves live in services."""

import decimal
from typing import cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from esit.activities.models import HoursEntry
from esit.activities.selectors.scope import visible_hours
from esit.activities.services.work import MAX_DELIVERY_BYTES
from esit.reference.forms import NamedChoiceField
from esit.reference.models import VolunteerArea, sorted_by_name

HOURS_ERRORS = {
    "required": _("Kaç saat çalıştığınızı yazın."),
    "invalid": _("Saati bir sayı olarak yazın, örneğin 2 ya da 1,5."),
    "min_value": _("Saat 0'dan büyük, en fazla 24 olmalı."),
    "max_value": _("Saat 0'dan büyük, en fazla 24 olmalı."),
    "max_digits": _("Saati en fazla iki ondalık basamakla yazın, örneğin 1,25."),
    "max_decimal_places": _("Saati en fazla iki ondalık basamakla yazın, örneğin 1,25."),
    "max_whole_digits": _("Saat 0'dan büyük, en fazla 24 olmalı."),
}


class HoursField(forms.DecimalField):
    """Hours as people type them: `2`, `1.5` or the Turkish `1,5`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 4)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", decimal.Decimal("0.01"))
        kwargs.setdefault("max_value", decimal.Decimal(24))
        kwargs.setdefault("error_messages", HOURS_ERRORS)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


class DeliveryForm(forms.Form):
    note = forms.CharField(
        label=_("Teslim notu"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ne yaptığınızı ya da koordinatörün bilmesi gerekenleri yazın."),
    )
    link = forms.URLField(
        label=_("Bağlantı"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Örneğin paylaşılan bir klasörün adresi (https://…)."),
        error_messages={
            "invalid": _("Bağlantı http:// ya da https:// ile başlayan bir web adresi olmalı.")
        },
    )
    file = forms.FileField(
        label=_("Dosya"),
        required=False,
        help_text=_("PDF, DOCX, ODT, PNG, JPG, TXT ya da ZIP; en fazla 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg,.txt,.zip"}),
        error_messages={
            "invalid": _("Dosya okunamadı; lütfen yeniden seçin."),
            "empty": _("Dosya boş görünüyor; lütfen yeniden seçin."),
        },
    )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and file.size > MAX_DELIVERY_BYTES:
            raise forms.ValidationError(
                _("Dosya en fazla 10 MB olabilir; daha büyük dosyalar için bir bağlantı paylaşın.")
            )
        return file


class AcceptForm(forms.Form):
    hours = HoursField(
        label=_("Onaylanacak saat"),
        required=False,
        help_text=_("Boş bırakırsanız görevin tahmini süresi yazılır."),
    )
    comment = forms.CharField(
        label=_("Gönüllüye not (isteğe bağlı)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Neyin değişmesi gerekiyor?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Gönüllü bu metni e-postada ve görevler sayfasında görür."),
        error_messages={"required": _("Gönüllüye neyin değişmesi gerektiğini yazın.")},
    )


class LogHoursForm(forms.Form):
    date = forms.DateField(
        label=_("Tarih"),
        widget=DateInput,
        input_formats=DATE_FORMATS,
        help_text=_("Bugün ya da son 90 gün içinde bir gün."),
        error_messages={
            "required": _("Çalıştığınız günü yazın."),
            "invalid": _("Tarihi gün.ay.yıl biçiminde yazın, örneğin 05.03.2026."),
        },
    )
    hours = HoursField(label=_("Saat"), help_text=_("Örneğin 2 ya da 1,5 (en fazla 24)."))
    area = NamedChoiceField(
        label=_("Alan"),
        queryset=VolunteerArea.objects.none(),
        empty_label=_("Alan seçin"),
        error_messages={
            "required": _("Çalışmanın hangi alanda olduğunu seçin."),
            "invalid_choice": _("Lütfen listedeki alanlardan seçin."),
        },
    )
    description = forms.CharField(
        label=_("Ne yaptınız?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Örneğin: Bilgilendirme broşürünü İngilizceye çevirdim (en fazla 500 karakter)."
        ),
        error_messages={"required": _("Ne yaptığınızı kısaca anlatın.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["area"]
        field.queryset = VolunteerArea.objects.active()
        rows = sorted_by_name(field.queryset)
        field.choices = [("", field.empty_label), *((row.pk, row.name) for row in rows)]


class BulkHoursForm(forms.Form):
    """Many entries, one decision; a rejection carries a reason the volunteers see."""

    APPROVE, REJECT = "approve", "reject"
    CHOICES = [
        (APPROVE, _("Seçilen saatleri onayla")),
        (REJECT, _("Seçilen saatleri reddet")),
    ]

    entries = forms.ModelMultipleChoiceField(
        label=_("Seçilen saat kayıtları"),
        queryset=HoursEntry.objects.select_related("volunteer").order_by("date", "id"),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Önce listeden en az bir kayıt seçin."),
            "invalid_choice": _("Seçilen kayıtlardan biri artık yok; listeyi yenileyin."),
            "invalid_pk_value": _("Seçilen kayıtlardan biri artık yok; listeyi yenileyin."),
        },
    )
    decision = forms.ChoiceField(
        label=_("Toplu karar"),
        choices=CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Onay mı ret mi, bir karar seçin.")},
    )
    comment = forms.CharField(
        label=_("Ret gerekçesi"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Yalnızca ret için ve zorunlu; gönüllüler bu metni görür."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # An entry outside the coordinator's scope is as unknown as a deleted one.
        field = self.fields["entries"]
        field.queryset = visible_hours(user, field.queryset)

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("comment"):
            self.add_error("comment", _("Reddetme gerekçesini yazın; gönüllü bunu görecek."))
        return cleaned

    @property
    def selected_ids(self) -> set[str]:
        if not self.is_bound:
            return set()
        # The queue's form is bound to request.POST, whose ticked boxes share one name.
        data = cast(QueryDict, self.data)
        return {str(value) for value in data.getlist(self.add_prefix("entries"))}


class CertificateLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Belgenin dili"),
        choices=[("tr", _("Türkçe")), ("en", _("İngilizce"))],
        widget=forms.RadioSelect,
    )

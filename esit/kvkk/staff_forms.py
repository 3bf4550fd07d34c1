from django import forms
from django.utils.translation import gettext_lazy as _

from esit.core.personal_data_registry import Category
from esit.core.phones import PhoneField
from esit.privacy.models import PrivacyNotice

from .models import DataRequest, Incident
from .notices import STAFF_METHODS


class DataRequestForm(forms.ModelForm):
    requester_phone = PhoneField(
        label=_("Başvuranın telefonu"), required=False, turkish_mobile=False
    )

    class Meta:
        model = DataRequest
        fields = [
            "kind",
            "channel",
            "received_on",
            "requester_name",
            "requester_email",
            "requester_phone",
            "summary",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "summary": _("Ne istendiğini kısaca yazın; başvurunun kendisini dosyasında saklayın."),
        }


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Verilen yanıt"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Başvurana ne yanıt verildiğini ve nasıl (e-posta, yazı) yazın."),
        error_messages={"required": _("Verilen yanıtı yazın.")},
    )
    refused = forms.BooleanField(label=_("Talep reddedildi"), required=False)


class NoticeForm(forms.ModelForm):
    def validate_unique(self) -> None:
        """The service refuses a version used twice, with its own message by the field."""

    def validate_constraints(self) -> None:
        """As above: the unique version is the service's to refuse."""

    class Meta:
        model = PrivacyNotice
        fields = [
            "kind",
            "version",
            "title_tr",
            "title_en",
            "body_tr",
            "body_en",
            "material_change",
        ]
        widgets = {
            "body_tr": forms.Textarea(attrs={"rows": 12, "lang": "tr"}),
            "body_en": forms.Textarea(attrs={"rows": 12, "lang": "en"}),
            "title_tr": forms.TextInput(attrs={"lang": "tr"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
        }
        help_texts = {
            "version": _("Örneğin 2027-01. Her tür için bir kez kullanılır."),
            "material_change": _(
                "İşlenen veriler, amaçlar, aktarım ya da saklama değiştiyse işaretleyin: "
                "gönüllülerden bir sonraki girişlerinde metni yeniden okuyup kabul etmeleri "
                "istenir. Yazım düzeltmesi esaslı değişiklik değildir."
            ),
        }


class StaffConsentForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Nasıl verildi"),
        choices=[(method.value, method.label) for method in STAFF_METHODS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Rızanın nasıl verildiğini seçin.")},
    )
    given_on = forms.DateField(
        label=_("Verildiği gün"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Rızanın verildiği günü yazın.")},
    )


def _moment() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class IncidentForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Etkilenen veri kategorileri"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("En az bir veri kategorisi seçin.")},
    )

    class Meta:
        model = Incident
        fields = [
            "title",
            "what_happened",
            "occurred_at",
            "discovered_at",
            "categories",
            "affected",
            "affected_count",
            "measures",
            "board_notified_at",
            "people_notified_at",
            "people_notified_how",
        ]
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 5}),
            "affected": forms.Textarea(attrs={"rows": 3}),
            "measures": forms.Textarea(attrs={"rows": 4}),
            "people_notified_how": forms.Textarea(attrs={"rows": 3}),
            "occurred_at": _moment(),
            "discovered_at": _moment(),
            "board_notified_at": _moment(),
            "people_notified_at": _moment(),
        }
        help_texts = {
            "affected": _(
                "Kişileri adlarıyla değil, grup ve sayıyla anlatın: örneğin “Mart ayı "
                "başvuru sahipleri”."
            ),
            "discovered_at": _("Kurula bildirim için 72 saat bu andan başlar."),
        }

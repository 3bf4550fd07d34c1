from django import forms
from django.utils.translation import gettext_lazy as _

from esit.core.phones import PhoneField

from .models import DataRequest


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

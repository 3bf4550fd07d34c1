"""Moderation's forms: they parse, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Report
from .services import SUSPENSION_DAYS


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Neden bildiriyorsunuz?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bir neden seçin.")},
    )
    details = forms.CharField(
        label=_("Açıklama (isteğe bağlı)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        help_text=_("Moderatörlerin bilmesi gerekenler; en fazla 1.000 karakter."),
        error_messages={"max_length": _("Açıklama en fazla 1.000 karakter olabilir.")},
    )


def _kind_choices():
    return [("", _("Tümü"))] + [(kind.kind, kind.label) for kind in registry.all_kinds()]


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("İçerik türü"), required=False, choices=_kind_choices)
    hidden = forms.ChoiceField(
        label=_("Görünürlük"),
        required=False,
        choices=[("", _("Tümü")), ("yes", _("Gizli")), ("no", _("Görünür"))],
    )
    reason = forms.ChoiceField(
        label=_("Neden"),
        required=False,
        choices=[("", _("Tümü")), *Report.Reason.choices],
    )


class HideForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Gizleme nedeni"),
        choices=Report.Reason.choices,
        error_messages={"required": _("Bir neden seçin.")},
    )
    note = forms.CharField(
        label=_("Not (isteğe bağlı, yalnızca moderatörler okur)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Not en fazla 300 karakter olabilir.")},
    )


class WarnForm(forms.Form):
    message = forms.CharField(
        label=_("Yazara mesajınız"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        help_text=_("E-postayla yazara iletilir; en fazla 2.000 karakter."),
        error_messages={
            "required": _("Yazara iletilecek mesajı yazın."),
            "max_length": _("Mesaj en fazla 2.000 karakter olabilir."),
        },
    )


PERIOD_DATE = "date"


class SuspendForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Süre"),
        choices=[
            *[(str(days), _("%(days)s gün") % {"days": days}) for days in SUSPENSION_DAYS],
            (PERIOD_DATE, _("Seçilen tarihe kadar")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Bir süre seçin.")},
    )
    until = forms.DateField(
        label=_("Bitiş tarihi"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Yalnızca “Seçilen tarihe kadar” için; o günün sonunda biter."),
        error_messages={"invalid": _("Tarihi GG.AA.YYYY ya da YYYY-AA-GG olarak yazın.")},
    )
    reason = forms.CharField(
        label=_("Neden (kişiye iletilir)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        error_messages={
            "required": _("Askının nedenini yazın; kişiye iletilir."),
            "max_length": _("Neden en fazla 1.000 karakter olabilir."),
        },
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("period") == PERIOD_DATE
            and not data.get("until")
            and "until" not in self.errors
        ):
            self.add_error("until", _("Bir bitiş tarihi yazın."))
        return data

    @property
    def days(self) -> int | None:
        period = self.cleaned_data.get("period")
        return None if period in (None, PERIOD_DATE) else int(period)

"""The channel's forms: they parse; the rules are in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    ABOUT_MAX,
    CONTACT_HOW_MAX,
    ENTRY_MAX,
    LINK_MAX,
    WHAT_HAPPENED_MAX,
    WHEN_MAX,
    Concern,
    ConcernEntry,
)


class ConcernForm(forms.Form):
    what_happened = forms.CharField(
        label=_("Ne oldu?"),
        max_length=WHAT_HAPPENED_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hatırladığınız kadarını, kendi sözlerinizle yazın (en fazla 5.000 karakter)."),
    )
    about = forms.CharField(
        label=_("Kim ya da hangi yazışma hakkında?"),
        max_length=ABOUT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kişinin adı ya da tarifi, yazışmanın nerede geçtiği."),
    )
    link = forms.URLField(
        label=_("Bağlantı (isteğe bağlı)"),
        max_length=LINK_MAX,
        required=False,
        assume_scheme="https",
        help_text=_("Örneğin yazışmanın ya da paylaşımın adresi."),
    )
    happened_when = forms.CharField(
        label=_("Ne zaman oldu? (isteğe bağlı)"),
        max_length=WHEN_MAX,
        required=False,
        help_text=_("Bir tarih ya da “geçen hafta” gibi bir tarif yeterli."),
    )
    contact = forms.ChoiceField(
        label=_("Sizinle iletişime geçmemizi ister misiniz?"),
        choices=Concern.Contact.choices,
        initial=Concern.Contact.NONE,
        widget=forms.RadioSelect,
    )
    contact_how = forms.CharField(
        label=_("Nasıl ve ne zaman ulaşalım? (isteğe bağlı)"),
        max_length=CONTACT_HOW_MAX,
        required=False,
        help_text=_("Telefon ya da yüz yüze görüşme seçtiyseniz gerekli."),
    )
    # Required by the service (services.raise_concern), which refuses next to this field.
    consent = forms.BooleanField(
        label=_(
            "Yazdıklarımın güvenlik bildirimimin incelenmesi için yetkili personelce "
            "işlenmesine açık rıza veriyorum."
        ),
        required=False,
        help_text=_(
            "Bildiriminiz özel nitelikli kişisel veri içerebilir (KVKK madde 6). "
            "Rızanızı dilediğiniz zaman geri alabilirsiniz."
        ),
    )
    # The error summary (core/error_summary.html) names a field by its label, unless it has
    # a shorter one: this label is a whole sentence.
    consent.summary_label = _("Açık rıza")  # type: ignore[attr-defined]


class EntryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kayıt türü"), choices=ConcernEntry.Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Metin"), max_length=ENTRY_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Sonuç"), choices=Concern.Outcome.choices)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Durum"),
        choices=[("", _("Hepsi")), *Concern.Status.choices],
        required=False,
    )

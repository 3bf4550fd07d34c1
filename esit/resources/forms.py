"""The library's forms: they parse, the services decide (and check files by content)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from esit.reference.forms import NamedChoiceField, NamedMultipleChoiceField
from esit.reference.models import VolunteerArea

from .files import ALLOWED_NAMES
from .models import DESCRIPTION_MAX, TITLE_MAX, Resource


class ResourceForm(forms.Form):
    title = forms.CharField(
        label=_("Başlık"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Bir başlık yazın."),
            "max_length": _("Başlık en fazla 200 karakter olabilir."),
        },
    )
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX}),
        help_text=_("Markdown kullanabilirsiniz: **kalın**, *eğik*, listeler ve bağlantılar."),
        error_messages={"max_length": _("Açıklama en fazla 5.000 karakter olabilir.")},
    )
    kind = forms.ChoiceField(
        label=_("Tür"),
        choices=Resource.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Dosya ya da bağlantı seçin.")},
    )
    file = forms.FileField(
        label=_("Dosya"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"}),
        error_messages={
            "invalid": _("Dosya okunamadı; lütfen yeniden seçin."),
            "empty": _("Dosya boş görünüyor; lütfen yeniden seçin."),
        },
    )
    url = forms.CharField(
        label=_("Bağlantı"),
        max_length=500,
        required=False,
        help_text=_("Bağlantı türü için: https:// ile başlayan adres."),
        widget=forms.URLInput(),
        error_messages={"max_length": _("Bağlantı en fazla 500 karakter olabilir.")},
    )
    areas = NamedMultipleChoiceField(
        label=_("Alanlar"), queryset=VolunteerArea.objects.active(), required=False
    )
    tags = forms.CharField(
        label=_("Etiketler"),
        max_length=400,
        required=False,
        help_text=_("Virgülle ayırın, örneğin: eğitim, şiddetle mücadele, rehber."),
        error_messages={"max_length": _("Etiketler en fazla 400 karakter olabilir.")},
    )
    audience = forms.ChoiceField(
        label=_("Kimler görür"),
        choices=Resource.Audience.choices,
        widget=forms.RadioSelect,
        initial=Resource.Audience.PUBLIC,
        error_messages={"required": _("Kimlerin göreceğini seçin.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "%(types)s; en fazla %(mb)s MB. Türü, dosyanın içeriğine bakılarak denetlenir."
        ) % {"types": ALLOWED_NAMES, "mb": settings.RESOURCES_MAX_UPLOAD_MB}

    def clean_file(self):
        file = self.cleaned_data.get("file")
        return file or None


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Ara"), max_length=100, required=False)
    area = NamedChoiceField(
        label=_("Alan"),
        queryset=VolunteerArea.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tüm alanlar"),
    )
    tag = forms.ChoiceField(label=_("Etiket"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("Tüm etiketler"))] + [
            (tag.slug, tag.name) for tag in tags
        ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Ret nedeni (kaynağı ekleyene iletilir)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        error_messages={
            "required": _("Ret nedenini yazın; kaynağı ekleyen kişiye iletilir."),
            "max_length": _("Neden en fazla 1.000 karakter olabilir."),
        },
    )


class StaffFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Durum"),
        required=False,
        choices=[("", _("Tümü")), *Resource.Status.choices],
    )
    q = forms.CharField(label=_("Ara"), max_length=100, required=False)

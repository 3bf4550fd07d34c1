"""Input for the announcement pages; the rules live in services.py."""

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from esit.activities.forms.planning import IstanbulDateTimeField
from esit.activities.models import Activity
from esit.core.filters import SearchFilter
from esit.reference.forms import NamedMultipleChoiceField
from esit.reference.models import District, VolunteerArea

from . import images
from .models import Announcement


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.starts_at:%d.%m.%Y})"


class AnnouncementForm(forms.Form):
    title_tr = forms.CharField(label=_("Başlık (Türkçe)"), max_length=200)
    title_en = forms.CharField(label=_("Başlık (İngilizce)"), max_length=200, required=False)
    body_tr = forms.CharField(
        label=_("Metin (Türkçe)"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Markdown: **kalın**, *eğik*, [bağlantı](https://…), satır başında - ile liste. "
            "HTML ve betikler yayımlanmaz."
        ),
    )
    body_en = forms.CharField(
        label=_("Metin (İngilizce)"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    audience = forms.ChoiceField(
        label=_("Kime"), choices=Announcement.Audience.choices, widget=forms.RadioSelect
    )
    areas = NamedMultipleChoiceField(
        label=_("Alanlar"),
        queryset=VolunteerArea.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alan ve ilçe birlikte seçilirse: bu alanlardan, bu ilçelerde yaşayanlar."),
    )
    districts = NamedMultipleChoiceField(
        label=_("İlçeler"), queryset=District.objects.active(), required=False
    )
    activity = ActivityChoiceField(
        label=_("Etkinlik"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("Duyuru bir etkinliğe bağlanabilir; hedef etkinlikse gereklidir."),
    )
    pinned = forms.BooleanField(label=_("Listede başa sabitle"), required=False)
    cover = forms.FileField(
        label=_("Kapak görseli"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_cover = forms.BooleanField(label=_("Kapak görselini kaldır"), required=False)
    cover_alt_tr = forms.CharField(
        label=_("Görselin açıklaması (Türkçe)"),
        max_length=300,
        required=False,
        help_text=_("Görseli göremeyenler için: görselde ne var? Görsel varsa zorunlu."),
    )
    cover_alt_en = forms.CharField(
        label=_("Görselin açıklaması (İngilizce)"), max_length=300, required=False
    )

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["cover"].help_text = _(
            "PNG, JPEG ya da WebP, en fazla %(mb)s MB. Konum ve diğer bilgiler silinir."
        ) % {"mb": settings.ANNOUNCEMENT_COVER_MAX_BYTES // (1024 * 1024)}

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover and cover.size > images.max_bytes():
            raise forms.ValidationError(
                _("Görsel en fazla %(mb)s MB olabilir.")
                % {"mb": images.max_bytes() // (1024 * 1024)}
            )
        return cover


class PublishForm(forms.Form):
    publish_at = IstanbulDateTimeField(
        label=_("Yayın zamanı"),
        required=False,
        help_text=_("Boş bırakırsanız hemen yayımlanır. Geçmiş bir zaman da hemen yayımlar."),
    )


class StaffFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Başlık"))
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Announcement.Status.choices, empty_label=_("Tüm durumlar")
    )
    audience = django_filters.ChoiceFilter(
        label=_("Kime"), choices=Announcement.Audience.choices, empty_label=_("Tüm hedefler")
    )

    class Meta:
        model = Announcement
        fields: list[str] = []

"""Input for the team pages; the rules live in esit/team/services.py."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from esit.accounts import capabilities
from esit.accounts.models import STAFF_ROLES, Role
from esit.reference.forms import NamedMultipleChoiceField
from esit.reference.models import District, VolunteerArea

ROLE_CHOICES = [(role.value, role.label) for role in Role if role in STAFF_ROLES]


class ScopeFields(forms.Form):
    areas = NamedMultipleChoiceField(
        label=_("Gönüllülük alanları"),
        queryset=VolunteerArea.objects.all(),
        required=False,
        help_text=_("Hiçbiri seçilmezse tüm alanlar."),
    )
    districts = NamedMultipleChoiceField(
        label=_("İlçeler"),
        queryset=District.objects.all(),
        required=False,
        help_text=_("Hiçbiri seçilmezse tüm ilçeler."),
    )


class InviteForm(ScopeFields):
    first_name = forms.CharField(label=_("Ad"), max_length=150)
    last_name = forms.CharField(label=_("Soyad"), max_length=150)
    email = forms.EmailField(label=_("İş e-posta adresi"), max_length=254)
    role = forms.ChoiceField(label=_("Rol"), choices=ROLE_CHOICES, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("E-posta dili"), choices=settings.LANGUAGES)

    field_order = ["first_name", "last_name", "email", "role", "language", "areas", "districts"]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=ROLE_CHOICES, widget=forms.RadioSelect)


class ScopeForm(ScopeFields):
    pass


class CapabilitiesForm(forms.Form):
    granted = forms.MultipleChoiceField(
        label=_("Rolün üstüne verilen yetkiler"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Rolünün zaten verdiği yetkiler burada seçilmez; rol sayfasında görünür."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted"].choices = [
            (capability.permission, capability.label)
            for capability in capabilities.all_capabilities()
        ]

"""The audit page's filters (django-filter), read from the query string."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import STAFF_ROLES
from esit.core.email_address import normalise_email
from esit.core.filters import DateRangeForm, DayFilter
from esit.core.turkish import sort_key

from . import actions
from .models import AuditEvent
from .selectors import about_people_with_email


class StaffMemberField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.email} ({obj.email})"


class StaffMemberFilter(django_filters.ModelChoiceFilter):
    field_class = StaffMemberField


def staff_members(request):
    users = get_user_model().objects.filter(groups__name__in=STAFF_ROLES).distinct()
    return users.order_by("first_name", "last_name", "email")


class TrailForm(DateRangeForm):
    date_ranges = (("date_from", "date_to"),)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff listed the Turkish way (Çağla after Cem), which the database cannot sort.
        field = self.fields["actor"]
        people = sorted(field.queryset, key=lambda user: sort_key(user.get_full_name()))
        field.choices = [
            ("", field.empty_label),
            *((u.pk, field.label_from_instance(u)) for u in people),
        ]
        self.fields["action"].choices = [
            ("", _("Tüm işlemler")),
            *((action.key, action.label) for action in actions.all_actions()),
        ]


class TrailFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(
        label=_("İlgili kişinin e-posta adresi"),
        help_text=_("Başvuru, gönüllü ya da katılımcı kayıtlarındaki adres."),
        method="about",
        widget=forms.EmailInput,
    )
    actor = StaffMemberFilter(
        label=_("İşlemi yapan personel"), queryset=staff_members, empty_label=_("Tüm personel")
    )
    action = django_filters.ChoiceFilter(label=_("İşlem"), choices=[], empty_label=None)
    date_from = DayFilter(label=_("Başlangıç tarihi"), field_name="at", bound="from")
    date_to = DayFilter(label=_("Bitiş tarihi"), field_name="at", bound="to")

    class Meta:
        model = AuditEvent
        fields: list[str] = []
        form = TrailForm

    @property
    def form(self):
        form = super().form
        if self.request is not None:  # actions a reader may not see are not offered either
            form.fields["action"].choices = [
                ("", _("Tüm işlemler")),
                *((action.key, action.label) for action in actions.shown_to(self.request.user)),
            ]
        return form

    def about(self, queryset, name, value):
        return about_people_with_email(queryset, normalise_email(value))

"""Input parsing for the staff planning pages; the rules live in services/planning.py.

A form checks what one field can know alone (a number, a date, a choice
from the list); the planning services check what needs several fields or
the database, and the view puts their message next to the field it names.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.reference.forms import NamedChoiceField, NamedMultipleChoiceField, PlanGoalsField
from esit.reference.models import District, Language, VolunteerArea, sorted_by_name
from esit.volunteers.models import Volunteer

from ..models import Activity, ActivityKind
from ..services.planning import MAX_REPEAT_WEEKS

TITLE_MAX = 200
SEARCH_MAX = 100
MESSAGE_MAX = 2000

EDITABLE_STATUS_CHOICES = [
    (value, label) for value, label in Activity.Status.choices if value != Activity.Status.CANCELLED
]


class IstanbulDateTimeField(forms.DateTimeField):
    """A `datetime-local` input read and shown on İzmir's clock, whatever zone is active."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {
        "invalid": _("Tarih ve saati GG.AA.YYYY SS:DD biçiminde girin, örneğin 14.03.2026 14:00."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"])
        super().__init__(**kwargs)

    def to_python(self, value):
        with timezone.override(timezone.get_default_timezone()):
            return super().to_python(value)

    def prepare_value(self, value):
        with timezone.override(timezone.get_default_timezone()):
            return super().prepare_value(value)


class DateInputField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {
        "invalid": _("Tarihi GG.AA.YYYY biçiminde girin, örneğin 14.03.2026."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d.%m.%Y"])
        super().__init__(**kwargs)


def _in_turkish_order(field, *, empty_label=None):
    rows = sorted_by_name(field.queryset)
    choices = [(row.pk, row.name) for row in rows]
    field.choices = [("", empty_label), *choices] if empty_label is not None else choices


def _stripped(value: str) -> str:
    return (value or "").strip()


def _areas_field(label):
    return NamedMultipleChoiceField(
        label=label, queryset=VolunteerArea.objects.active(), required=False
    )


def _languages_field():
    return NamedMultipleChoiceField(
        label=_("Gereken diller"), queryset=Language.objects.active(), required=False
    )


class RequirementsForm(forms.Form):
    """Shared by shifts and tasks: the areas and languages the work needs.

    `instance_fields` names what `for_instance` copies from an existing row.
    """

    instance_fields: tuple[str, ...] = ()

    required_areas = _areas_field(_("Gereken alanlar"))
    required_languages = _languages_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _in_turkish_order(self.fields["required_areas"])
        _in_turkish_order(self.fields["required_languages"])

    @classmethod
    def for_instance(cls, instance, *args, **kwargs):
        initial = {name: getattr(instance, name) for name in cls.instance_fields}
        initial["required_areas"] = [area.pk for area in instance.required_areas.all()]
        initial["required_languages"] = [lang.pk for lang in instance.required_languages.all()]
        return cls(*args, initial=initial, **kwargs)

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class WhenAndWhereForm(forms.Form):
    """What kind of activity, where and when: the part of planning an activity that an idea
    turned into one ("create activity from idea", esit/community) asks for too."""

    kind = NamedChoiceField(
        label=_("Tür"),
        queryset=ActivityKind.objects.filter(is_active=True),
        empty_label=_("Tür seçin"),
        error_messages={"required": _("Etkinliğin türünü seçin.")},
    )
    district = NamedChoiceField(
        label=_("İlçe"),
        queryset=District.objects.active(),
        empty_label=_("İlçe seçin"),
        error_messages={"required": _("Etkinliğin ilçesini seçin.")},
    )
    address = forms.CharField(
        label=_("Adres"),
        max_length=300,
        required=False,
        help_text=_("Adres ya da çevrim içi bağlantıdan en az biri gerekli."),
    )
    online_url = forms.URLField(
        label=_("Çevrim içi bağlantı"),
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Geçerli bir bağlantı yazın, örneğin https://…")},
    )
    starts_at = IstanbulDateTimeField(
        label=_("Başlangıç"),
        help_text=_("İzmir saatiyle."),
        error_messages={"required": _("Başlangıç tarihini ve saatini yazın.")},
    )
    ends_at = IstanbulDateTimeField(
        label=_("Bitiş"),
        help_text=_("İzmir saatiyle."),
        error_messages={"required": _("Bitiş tarihini ve saatini yazın.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _in_turkish_order(self.fields["kind"], empty_label=self.fields["kind"].empty_label)
        _in_turkish_order(self.fields["district"], empty_label=self.fields["district"].empty_label)

    def clean_address(self):
        return _stripped(self.cleaned_data["address"])


class ActivityForm(WhenAndWhereForm):
    """Create or edit an activity (cancelling is its own action, never a status here)."""

    # The fields of WhenAndWhereForm come first by inheritance; the page reads in this order.
    field_order = [
        "kind", "title_tr", "description_tr", "title_en", "description_en", "areas", "plan_goals",
        "district", "address", "online_url", "starts_at", "ends_at",
    ]  # fmt: skip

    title_tr = forms.CharField(
        label=_("Başlık (Türkçe)"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Etkinliğin Türkçe başlığını yazın.")},
    )
    description_tr = forms.CharField(
        label=_("Açıklama (Türkçe)"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Etkinliğin Türkçe açıklamasını yazın.")},
    )
    title_en = forms.CharField(
        label=_("Başlık (İngilizce)"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("İsteğe bağlı; boş bırakılırsa İngilizce sayfada Türkçe başlık görünür."),
    )
    description_en = forms.CharField(
        label=_("Açıklama (İngilizce)"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    areas = NamedMultipleChoiceField(
        label=_("Gönüllülük alanları"), queryset=VolunteerArea.objects.active(), required=False
    )
    plan_goals = PlanGoalsField(
        label=_("Eşitlik planı hedefleri"),
        required=False,
        help_text=_("Raporlar etkinlikleri Yerel Eşitlik Eylem Planı'nın hedeflerine göre sayar."),
    )
    status = forms.ChoiceField(
        label=_("Durum"),
        choices=EDITABLE_STATUS_CHOICES,
        initial=Activity.Status.DRAFT,
        widget=forms.RadioSelect,
        help_text=_("Taslaklar yalnızca personele görünür."),
    )
    requires_approval = forms.BooleanField(
        label=_("Gönüllü kayıtları koordinatör onayı gerektirsin"), required=False
    )
    cancellation_deadline_hours = forms.IntegerField(
        label=_("Gönüllüler en geç kaç saat önce iptal edebilir"),
        min_value=0,
        max_value=720,
        initial=24,
        error_messages={
            "required": _("Kaç saat önceye kadar iptal edilebileceğini yazın."),
            "invalid": _("Saat sayısını rakamla yazın."),
            "min_value": _("Saat sayısı sıfırdan küçük olamaz."),
            "max_value": _("En çok 720 saat (30 gün) yazılabilir."),
        },
    )
    public_registration = forms.BooleanField(
        label=_("Halk katılımcı olarak kayıt olabilsin"), required=False
    )
    public_capacity = forms.IntegerField(
        label=_("Katılımcı kontenjanı"),
        min_value=0,
        initial=0,
        help_text=_("Halk kaydı açıksa en az 1."),
        error_messages={
            "required": _("Katılımcı kontenjanını yazın (kayıt kapalıysa 0)."),
            "invalid": _("Kontenjanı rakamla yazın."),
            "min_value": _("Kontenjan sıfırdan küçük olamaz."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _in_turkish_order(self.fields["areas"])

    @classmethod
    def for_activity(cls, activity: Activity, *args, **kwargs) -> "ActivityForm":
        many = {"areas", "plan_goals"}
        initial = {name: getattr(activity, name) for name in cls.base_fields if name not in many}
        initial["kind"] = activity.kind_id
        initial["district"] = activity.district_id
        initial["areas"] = [area.pk for area in activity.areas.all()]
        initial["plan_goals"] = [goal.pk for goal in activity.plan_goals.all()]
        return cls(*args, initial=initial, **kwargs)

    def clean_title_tr(self):
        return _stripped(self.cleaned_data["title_tr"])

    def clean_title_en(self):
        return _stripped(self.cleaned_data["title_en"])

    def activity_fields(self) -> dict:
        """Keyword arguments for create_activity / update_activity."""
        return dict(self.cleaned_data)


class CopyActivityForm(forms.Form):
    starts_at = IstanbulDateTimeField(
        label=_("Kopyanın başlangıcı"),
        help_text=_("İzmir saatiyle. Vardiyalar ve görevler aynı süre kaydırılır."),
        error_messages={"required": _("Kopyanın başlangıç tarihini ve saatini yazın.")},
    )


class CancelActivityForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Bu etkinliği iptal etmek istediğimi onaylıyorum"),
        error_messages={"required": _("İptal etmek için onay kutusunu işaretleyin.")},
    )
    message = forms.CharField(
        label=_("Katılımcılara not"),
        max_length=MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("İsteğe bağlı; halktan kayıt olanlara giden e-postaya eklenir."),
    )

    def clean_message(self):
        return _stripped(self.cleaned_data["message"])


CAPACITY_ERRORS = {
    "required": _("Kontenjanı yazın."),
    "invalid": _("Kontenjanı rakamla yazın."),
    "min_value": _("Kontenjan sıfırdan küçük olamaz."),
}


class ShiftForm(RequirementsForm):
    instance_fields = ("starts_at", "ends_at", "capacity", "newcomer_places", "notes")
    field_order = [
        "starts_at", "ends_at", "capacity", "newcomer_places",
        "required_areas", "required_languages", "notes",
    ]  # fmt: skip

    starts_at = IstanbulDateTimeField(
        label=_("Başlangıç"),
        help_text=_("İzmir saatiyle; etkinliğin tarihleri içinde."),
        error_messages={"required": _("Başlangıç tarihini ve saatini yazın.")},
    )
    ends_at = IstanbulDateTimeField(
        label=_("Bitiş"),
        help_text=_("İzmir saatiyle."),
        error_messages={"required": _("Bitiş tarihini ve saatini yazın.")},
    )
    capacity = forms.IntegerField(label=_("Kontenjan"), min_value=0, error_messages=CAPACITY_ERRORS)
    newcomer_places = forms.IntegerField(
        label=_("İlk kez katılacaklara ayrılan yer"),
        min_value=0,
        initial=0,
        help_text=_("Bu kadar yer, daha önce hiç vardiyaya katılmamış gönüllüler için tutulur."),
        error_messages={
            "required": _("Ayrılan yer sayısını yazın (yoksa 0)."),
            "invalid": _("Yer sayısını rakamla yazın."),
            "min_value": _("Yer sayısı sıfırdan küçük olamaz."),
        },
    )
    notes = forms.CharField(
        label=_("Notlar"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RepeatShiftForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Kaç hafta"),
        min_value=1,
        max_value=MAX_REPEAT_WEEKS,
        required=False,
        help_text=_("1 ile 52 arasında."),
        error_messages={
            "invalid": _("Hafta sayısını rakamla yazın."),
            "min_value": _("Hafta sayısı 1 ile 52 arasında olmalı."),
            "max_value": _("Hafta sayısı 1 ile 52 arasında olmalı."),
        },
    )
    until = DateInputField(
        label=_("Ya da şu tarihe kadar"),
        required=False,
        help_text=_("Bu tarihe kadar her hafta aynı gün ve saatte."),
    )

    def clean(self):
        cleaned = super().clean()
        weeks, until = cleaned.get("weeks"), cleaned.get("until")
        if self.errors:
            return cleaned
        if weeks is None and until is None:
            self.add_error("weeks", _("Hafta sayısını ya da son tarihi yazın."))
        elif weeks is not None and until is not None:
            self.add_error("until", _("Hafta sayısı ya da son tarih: yalnızca birini yazın."))
        return cleaned


class TaskForm(RequirementsForm):
    instance_fields = ("title", "description", "due_date", "places", "estimated_hours")
    field_order = [
        "title", "description", "required_areas", "required_languages",
        "due_date", "places", "estimated_hours",
    ]  # fmt: skip

    title = forms.CharField(
        label=_("Başlık"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Görevin başlığını yazın.")},
    )
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Görevi açıklayın: ne teslim edilecek?")},
    )
    due_date = DateInputField(
        label=_("Teslim tarihi"), error_messages={"required": _("Teslim tarihini yazın.")}
    )
    places = forms.IntegerField(
        label=_("Kaç gönüllü"),
        min_value=1,
        initial=1,
        error_messages={
            "required": _("Kaç gönüllü gerektiğini yazın."),
            "invalid": _("Gönüllü sayısını rakamla yazın."),
            "min_value": _("Bir görev en az 1 gönüllü içindir."),
        },
    )
    estimated_hours = forms.DecimalField(
        label=_("Tahmini saat"),
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text=_("İsteğe bağlı; 0'dan büyük, en çok 200."),
        error_messages={
            "invalid": _("Saati rakamla yazın, örneğin 4 ya da 2.5."),
            "max_digits": _("Tahmini saat 0'dan büyük ve en çok 200 olmalı."),
            "max_decimal_places": _("Saati en çok iki ondalık basamakla yazın."),
            "max_whole_digits": _("Tahmini saat 0'dan büyük ve en çok 200 olmalı."),
        },
    )

    def clean_title(self):
        return _stripped(self.cleaned_data["title"])


class VolunteerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Gönüllü ara"),
        max_length=SEARCH_MAX,
        required=False,
        help_text=_("Ad, soyad ya da e-posta."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class VolunteerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.user.email})"


class AssignTaskForm(forms.Form):
    """Pick one active volunteer; the choices are the search's results, any active one is valid.

    The box lets a coordinator go ahead although the volunteer does not meet the
    required areas or languages; the service refuses without it and says what is
    missing, next to the box.
    """

    OVERRIDE_LABEL = _("Gereksinimler karşılanmasa da ata")

    volunteer = VolunteerChoiceField(
        label=_("Gönüllü"),
        queryset=Volunteer.objects.filter(status=Volunteer.Status.ACTIVE).select_related("user"),
        empty_label=_("Gönüllü seçin"),
        error_messages={
            "required": _("Listeden bir gönüllü seçin."),
            "invalid_choice": _("Bu gönüllü bulunamadı ya da artık etkin değil; yeniden arayın."),
        },
    )

    override_requirements = forms.BooleanField(
        required=False,
        help_text=_(
            "Yalnızca gönüllü gereken alanlardan hiçbirinde değilse ya da gereken bir dili "
            "bilmiyorsa gerekir. Kararınız adınız ve tarihle kaydedilir."
        ),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["override_requirements"].label = self.OVERRIDE_LABEL
        field = self.fields["volunteer"]
        field.choices = [
            ("", field.empty_label),
            *((v.pk, field.label_from_instance(v)) for v in candidates),
        ]

"""The network's forms: they parse and place messages; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from esit.activities.forms.planning import WhenAndWhereForm
from esit.reference.forms import NamedChoiceField, PlanGoalsField
from esit.reference.models import District, VolunteerArea

from .models import BODY_MAX, COMMENT_MAX, NICKNAME_MAX, REASON_MAX, TITLE_MAX, Idea

MARKDOWN_HINT = _(
    "Markdown kullanabilirsiniz: **kalın**, *eğik*, listeler ve bağlantılar. HTML gösterilmez."
)


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Başlık"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Fikrinize bir başlık verin.")},
    )
    body = forms.CharField(
        label=_("Fikriniz"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HINT,
        error_messages={"required": _("Fikrinizi birkaç cümleyle anlatın.")},
    )
    area = NamedChoiceField(
        label=_("Alan"),
        queryset=VolunteerArea.objects.active(),
        empty_label=_("Alan seçin"),
        error_messages={"required": _("Fikrin hangi alanla ilgili olduğunu seçin.")},
    )
    district = NamedChoiceField(
        label=_("İlçe"),
        queryset=District.objects.active(),
        required=False,
        empty_label=_("Bütün İzmir"),
        help_text=_("İsteğe bağlı: fikir bir ilçeyle ilgiliyse seçin."),
    )
    plan_goals = PlanGoalsField(
        label=_("Eşitlik planı hedefleri"),
        required=False,
        help_text=_(
            "İsteğe bağlı: fikrin Yerel Eşitlik Eylem Planı'nın hangi hedeflerine hizmet ettiği."
        ),
    )

    @classmethod
    def for_idea(cls, idea: Idea, *args, **kwargs) -> "IdeaForm":
        initial = {
            "title": idea.title,
            "body": idea.body,
            "area": idea.area_id,
            "district": idea.district_id,
            "plan_goals": [goal.pk for goal in idea.plan_goals.all()],
        }
        kwargs["initial"] = initial
        return cls(*args, **kwargs)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Yorumunuz"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Yorumunuzu yazın.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "comment_%s")  # an idea's page holds several forms
        super().__init__(*args, **kwargs)


class ReplyForm(CommentForm):
    body = forms.CharField(
        label=_("Yanıtınız"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Yanıtınızı yazın.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reply_%s")
        super().__init__(*args, **kwargs)


class NicknameForm(forms.Form):
    nickname = forms.CharField(
        label=_("Takma ad"),
        max_length=NICKNAME_MAX,
        required=False,
        help_text=_(
            "Boş bırakırsanız adınız ve soyadınızın baş harfiyle görünürsünüz (örneğin “Ayşe Y.”). "
            "E-posta adresiniz ve telefonunuz hiçbir zaman gösterilmez."
        ),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Yeni durum"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Yeni durumu seçin.")},
    )
    reason = forms.CharField(
        label=_("Gerekçe"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Uygun bulunmadıysa zorunlu: fikri okuyan herkes görür."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class ActivityFromIdeaForm(WhenAndWhereForm):
    """When and where: the title, description, area and plan goals come from the idea."""

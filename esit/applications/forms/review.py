"""Input parsing for the staff review workspace; the rules themselves live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Application, Decision

REASON_MAX = 2000
NOTE_MAX = 2000
SEARCH_MAX = 100

REASON_REQUIRED = _("Olumsuz kararın gerekçesini yazın; başvuru sahibi bunu görecek.")


class DecisionForm(forms.Form):
    """One decision on one application: approve, waitlist (reason optional) or reject."""

    CHOICES = [
        (Decision.Kind.APPROVE, _("Onayla")),
        (Decision.Kind.WAITLIST, _("Bekleme listesine al")),
        (Decision.Kind.REJECT, _("Olumsuz sonuçlandır")),
    ]

    decision = forms.ChoiceField(choices=CHOICES, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Gerekçe"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Başvuru sahibi bu metni e-postada ve durum sayfasında görür."),
    )

    def __init__(self, *args, kind: str | None = None, **kwargs):
        kind = kind or (args[0].get("decision") if args and args[0] else None)
        if kind not in dict(self.CHOICES):
            kind = None
        kwargs.setdefault("auto_id", f"{kind}_%s" if kind else "id_%s")
        if kind and "initial" not in kwargs:
            kwargs["initial"] = {"decision": kind}
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == Decision.Kind.REJECT:
            self.fields["reason"].label = _("Ret gerekçesi")
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = REASON_REQUIRED

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Yeni not"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Notlar yalnızca personel tarafından görülür."),
        error_messages={"required": _("Notun metnini yazın.")},
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Notun metnini yazın."), code="required")
        return body


class BulkDecisionForm(forms.Form):
    """Many applications, one decision; a rejection carries a reason the applicants see."""

    CHOICES = [
        (Decision.Kind.APPROVE, _("Seçilenleri onayla")),
        (Decision.Kind.REJECT, _("Seçilenleri olumsuz sonuçlandır")),
    ]

    applications = forms.ModelMultipleChoiceField(
        label=_("Seçilen başvurular"),
        queryset=Application.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Önce listeden en az bir başvuru seçin."),
            "invalid_choice": _("Seçilen başvurulardan biri artık yok; listeyi yenileyin."),
            "invalid_pk_value": _("Seçilen başvurulardan biri artık yok; listeyi yenileyin."),
        },
    )
    # Sent by the button pressed: approving, or rejecting (a danger button, whose reason
    # is the confirmation the applicants will read).
    decision = forms.ChoiceField(
        label=_("Toplu karar"),
        choices=CHOICES,
        error_messages={"required": _("Onay mı ret mi, bir karar seçin.")},
    )
    reason = forms.CharField(
        label=_("Ret gerekçesi"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Yalnızca ret için ve zorunlu; başvuru sahipleri bu metni görür."),
    )

    def __init__(self, *args, visible, **kwargs):
        """`visible`: the applications this staff member may decide on (their scope)."""
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = visible.order_by("submitted_at", "id")

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.Kind.REJECT and not cleaned.get("reason"):
            self.add_error("reason", REASON_REQUIRED)
        return cleaned

    @property
    def selected_ids(self) -> set[str]:
        """The rows ticked in the submitted form, so a re-shown page keeps them ticked."""
        if not self.is_bound:
            return set()
        # Read as the field itself reads it: the widget knows the data is a QueryDict.
        widget = self.fields["applications"].widget
        ticked = widget.value_from_datadict(self.data, self.files, self.add_prefix("applications"))
        return {str(value) for value in ticked}

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    """Erasure cannot be undone, so it asks for the password as well as a tick: a phone left
    signed in on a shared table must not be enough to wipe someone out."""

    password = forms.CharField(
        label=_("Parolanız"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Onaylamak için parolanızı yazın.")},
    )
    confirm = forms.BooleanField(
        label=_("Bilgilerimin silinmesini istiyorum; bunun geri alınamayacağını biliyorum."),
        error_messages={"required": _("Silmek için lütfen onay kutusunu işaretleyin.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Parola doğru değil."), code="wrong_password")
        return password

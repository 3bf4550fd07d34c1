"""allauth's forms with our labels: "parola", sentence case, Turkish msgids.

allauth's labels are Title Case in English ("New Password") and its Turkish
catalogue says "şifre" where Django's says "parola"; docs/architecture.md
("Words") explains the choice. The forms only relabel fields: allauth keeps
parsing and checking them. Placeholders are dropped: every field has a visible
label, and a placeholder repeating it only gets in the way.
"""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _


class RelabelledForm:
    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].widget.attrs.pop("placeholder", None)


class SignInForm(RelabelledForm, allauth_forms.LoginForm):
    labels = {"login": _("E-posta adresi"), "password": _("Parola"), "remember": _("Beni hatırla")}


class RequestPasswordResetForm(RelabelledForm, allauth_forms.ResetPasswordForm):
    labels = {"email": _("E-posta adresi")}


class SetPasswordFromKeyForm(RelabelledForm, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": _("Yeni parola"), "password2": _("Yeni parola (tekrar)")}


class ChangePasswordForm(RelabelledForm, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Şu anki parola"),
        "password1": _("Yeni parola"),
        "password2": _("Yeni parola (tekrar)"),
    }


class SetPasswordForm(RelabelledForm, allauth_forms.SetPasswordForm):
    labels = {"password1": _("Parola"), "password2": _("Parola (tekrar)")}


class ConfirmPasswordForm(RelabelledForm, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Parola")}

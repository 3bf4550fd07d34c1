"""allauth's own e-mails as notification kinds, `accounts.<template name>`: recorded, never
queued (esit/notifications/kinds.py, "recorded").

allauth renders and sends these itself because they carry secrets (a password-reset link,
an address-confirmation key, a sign-in code). `AccountAdapter.send_mail` records a
delivery for each, sent or failed, without its body, so a person's history of messages
is complete. Every template allauth can send is named here; a test fails when an upgrade
of allauth brings one nobody named.
"""

from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

# allauth's template prefixes (ours override some of them), with what each message is.
TEMPLATES = {
    "account/email/account_already_exists": _("Bu adresle zaten bir hesap var"),
    "account/email/email_changed": _("Hesabın e-posta adresi değişti"),
    "account/email/email_confirm": _("E-posta adresi doğrulandı"),
    "account/email/email_confirmation": _("E-posta adresini doğrulama bağlantısı"),
    "account/email/email_confirmation_signup": _("E-posta adresini doğrulama bağlantısı"),
    "account/email/email_deleted": _("Hesaptan bir e-posta adresi kaldırıldı"),
    "account/email/login_code": _("Giriş kodu"),
    "account/email/password_changed": _("Parola değiştirildi"),
    "account/email/password_reset_code": _("Parola yenileme kodu"),
    "account/email/password_reset_key": _("Parola yenileme bağlantısı"),
    "account/email/password_reset": _("Parola yenilendi"),
    "account/email/password_set": _("Parola belirlendi"),
    "account/email/unknown_account": _("Bu adresle bir hesap yok"),
    "mfa/email/recovery_codes_generated": _("Yeni kurtarma kodları oluşturuldu"),
    "mfa/email/totp_activated": _("Doğrulama uygulaması etkinleştirildi"),
    "mfa/email/totp_deactivated": _("Doğrulama uygulaması kaldırıldı"),
    "mfa/email/webauthn_added": _("Güvenlik anahtarı eklendi"),
    "mfa/email/webauthn_removed": _("Güvenlik anahtarı kaldırıldı"),
}


def kind_key(template_prefix: str) -> str:
    """`account/email/password_reset_key` -> `accounts.password_reset_key`."""
    return "accounts." + template_prefix.rsplit("/", 1)[-1]


def register() -> None:
    for prefix, label in TEMPLATES.items():
        kinds.register(
            kinds.Kind(
                key=kind_key(prefix),
                label=label,
                template=prefix,
                context=kinds.never_queued,
                recorded=True,
            )
        )

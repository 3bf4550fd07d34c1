"""How allauth behaves for Eşit İzmir: no self sign-up, and e-mailed links from SITE_URL."""

import ipaddress
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

from allauth import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.stages import LoginStage
from allauth.core.internal import ratelimit as internal_ratelimit
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from esit.core.email_address import normalise_email
from esit.core.network import hash_ip
from esit.notifications.services import Recipient, record_sent

from . import mail, sign_in


def site_link(path: str) -> str:
    """An absolute address for an e-mail, on the public address the deployment configured.

    allauth builds its links from the request (`request.build_absolute_uri`), so the
    Host header a visitor sends, port included, would reach the e-mail: anyone could
    ask for a reset of someone else's account and have the link point elsewhere.
    Links in e-mails are therefore always built from `SITE_URL`.
    """
    return settings.SITE_URL + path


def _record(template_prefix: str, email: str, *, error: BaseException | None = None) -> None:
    """The delivery record of one allauth e-mail: to the account of that address if there is
    one, in the language the message was rendered in."""
    address = normalise_email(email)
    user = get_user_model().objects.filter(email=address).first()
    to = Recipient(address=address, language=translation.get_language() or "", user=user)
    record_sent(mail.kind_key(template_prefix), to=to, obj=user, error=error)


class NormalisedEmailStage(LoginStage):
    """First step of every sign-in: the address it carries takes its stored form.

    allauth's sign-in form only lower-cases the address, which turns a Turkish `İ` into
    `i̇`; the later steps (is this address verified?) must compare the stored `idil@…`.
    """

    key = "esit_normalised_email"

    def handle(self):
        if self.login.email:
            self.login.email = normalise_email(self.login.email)
        return None, True


class AccountAdapter(DefaultAccountAdapter):
    # allauth's messages that speak of the password, in our words ("parola"; the
    # "Words" section of docs/architecture.md).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("E-posta adresi ya da parola yanlış."),
        "enter_current_password": _("Şu anki parolanızı doğru yazın."),
        "incorrect_password": _("Parola yanlış."),
        "invalid_password_reset": _("Bu parola bağlantısı geçersiz ya da süresi dolmuş."),
    }
    reauthentication_descriptions = {
        "reauthenticate": _("Parolanızı kullanın"),
        "mfa_reauthenticate": _("Doğrulama uygulamanızı ya da bir kurtarma kodunu kullanın"),
    }

    def is_open_for_signup(self, request):
        """Nobody signs up on their own: accounts come from approved applications."""
        return False

    def _account_key(self, **credentials) -> str:
        """One account whatever the Host says: allauth prefixes the address with the current
        site's domain, which without django.contrib.sites is the request's Host header, port
        included, so naming another port would start a fresh count every time. The site is
        SITE_URL's."""
        login = normalise_email(credentials.get("email", credentials.get("username", "")))
        return f"{urlsplit(settings.SITE_URL).netloc}:{login}"

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """allauth's per-"key" count of failed sign-ins: one account *from one client*.

        An attacker's wrong passwords lock only her own address out of the account; the
        owner elsewhere still signs in (esit/accounts/sign_in.py). The account-wide count
        is `pre_authenticate`'s.
        """
        return f"{self._account_key(**credentials)}:{self.get_client_ip(request)}"

    def pre_authenticate(self, request, **credentials) -> None:
        """allauth's limits per address and per (account, address) first; then the much
        higher account-wide limit, which an address the account signed in from before
        does not count against (the owner at her usual desk)."""
        super().pre_authenticate(request, **credentials)
        login = credentials.get("email", credentials.get("username", ""))
        if sign_in.is_known_address(login, self.get_client_ip(request)):
            return
        self._account_rl_usage = internal_ratelimit.consume(
            request,
            app="allauth.account",
            action=sign_in.ACCOUNT_WIDE_ACTION,
            key=self._account_key(**credentials),
        )
        if not self._account_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def _rollback_login_failed_rl_usage(self) -> None:
        """A right password takes back this attempt from every count, the account-wide too."""
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_account_rl_usage", None)
        if usage:
            usage.rollback()

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        """After a password reset (itself rate limited) the account-wide count starts again."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        internal_ratelimit.clear(
            request,
            app="allauth.account",
            action=sign_in.ACCOUNT_WIDE_ACTION,
            key=self._account_key(**credentials),
        )

    def get_reauthentication_methods(self, user) -> list[dict]:
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            method["description"] = self.reauthentication_descriptions.get(
                method["id"], method["description"]
            )
        return methods

    def get_reset_password_from_key_url(self, key: str) -> str:
        # allauth's own path, built the way allauth builds it (an opaque "<uid>-<token>" key).
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_link(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return site_link(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email: str) -> None:
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": site_link(reverse("applications:apply")),
                "security_reset_url": site_link(reverse("account_reset_password")),
            },
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every allauth e-mail names the site from SITE_URL, never from the request's Host.

        allauth passes `current_site`, which without django.contrib.sites is the
        request's Host; its templates print its domain. The unknown-account e-mail's
        sign-up link leads to the application form: that is how one joins here.

        Each one is recorded as a delivery (kind `accounts.<template name>`, esit/accounts/
        mail.py), sent or failed with its error, without its body: these carry secrets.
        A failure is still raised, as allauth would, after it is recorded.
        """
        context = {
            **context,
            "SITE_URL": settings.SITE_URL,
            # The security notices (base_notification.txt) say where to reset the password.
            "security_reset_url": site_link(reverse("account_reset_password")),
            "current_site": SimpleNamespace(
                name="Eşit İzmir", domain=urlsplit(settings.SITE_URL).netloc
            ),
        }
        if "signup_url" in context:
            context["signup_url"] = site_link(reverse("applications:apply"))
        try:
            super().send_mail(template_prefix, email, context)
        except Exception as error:
            _record(template_prefix, email, error=error)
            raise
        _record(template_prefix, email)

    def clean_email(self, email):
        """Addresses typed into allauth's forms (password reset) take the stored form."""
        return normalise_email(super().clean_email(email))

    def authenticate(self, request, **credentials):
        """Sign-in looks the account up by the address in its stored form (`İDİL@…` finds
        `idil@…`; esit/core/email_address.py)."""
        if credentials.get("email"):
            credentials["email"] = normalise_email(credentials["email"])
        return super().authenticate(request, **credentials)

    def send_password_reset_mail(self, user, email, context):
        """The reset link goes to the address as stored, never to its mistyped capitals."""
        super().send_password_reset_mail(user, normalise_email(email), context)

    def get_client_ip(self, request) -> str:
        """allauth keys its rate limits (and would print in e-mails) the client's address:
        it gets a keyed hash instead, so no cache holds a raw address (KVKK). An IPv6
        address is cut to its /64 first, as allauth does, so one home network stays one key.
        """
        address = super().get_client_ip(request)
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return hash_ip(address)
        if isinstance(parsed, ipaddress.IPv6Address):
            prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
            address = str(ipaddress.IPv6Network(f"{parsed}/{prefix}", strict=False).network_address)
        return hash_ip(address)

    def get_login_stages(self):
        return ["esit.accounts.adapter.NormalisedEmailStage", *super().get_login_stages()]

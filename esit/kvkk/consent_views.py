"""A volunteer's side of retention and re-consent: "I want to stay" and "I read the new
texts and accept them"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esit.core.network import client_ip
from esit.core.rate_limits import limit_posts
from esit.privacy.models import PrivacyNotice
from esit.privacy.services import current_notice

from . import notices, retention
from .middleware import SESSION_KEY


@require_http_methods(["GET", "POST"])
@limit_posts("retention_stay")  # the e-mailed link works without signing in
def stay(request, token=None):
    """From the e-mail's signed link (no sign-in needed) or signed in at /me/stay/. Reading
    the page changes nothing (mail scanners open links); the button does."""
    if token is not None:
        warning = retention.warning_from_token(token)
    elif request.user.is_authenticated:
        warning = retention.open_warning_of(request.user)
    else:
        return redirect_to_login(request.get_full_path())
    if warning is None:
        raise Http404
    if request.method == "POST" and warning.is_open:
        warning = retention.stay(warning=warning)
        messages.success(request, _("Teşekkürler, kayıtlarınızı saklıyoruz."))
    return render(request, "kvkk/stay.html", {"warning": warning})


@login_required
@require_http_methods(["GET", "POST"])
def reconsent(request):
    """The texts changed materially: read and accept, or leave the programme."""
    if request.method == "POST" and request.POST.get("accept") == "1":
        notices.accept_current(user=request.user, ip=client_ip(request))
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("Teşekkürler, onayınız kaydedildi."))
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = "/me/"
        return redirect(next_url)
    return render(
        request,
        "kvkk/reconsent.html",
        {
            "information": current_notice(PrivacyNotice.Kind.INFORMATION),
            "consent": current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
            "needed": notices.needs_reconsent(request.user),
            "next": request.GET.get("next", ""),
        },
    )

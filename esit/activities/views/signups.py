"""The volunteer's side of shifts: sign up, cancel, see my shifts, confirm I'm coming.

Every action is a plain form post that redirects (POST-redirect-GET) with a
message; the rules and their messages come from the services.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_stubs_ext import StrOrPromise

from esit.activities.models import SignUp
from esit.activities.selectors import signups as selectors
from esit.activities.services import signups as services
from esit.activities.services.errors import ActivityError
from esit.core.confirm import confirmation_page
from esit.core.rate_limits import limit_posts
from esit.volunteers.permissions import volunteer_view


def activity_path(activity_id: int) -> str:
    """The public activity page (owned by the public part): `/activities/<id>/`."""
    return reverse("activities:detail", args=[activity_id])


def _next_url(request, default: str) -> str:
    """Where the form asked to go back to (a path on this site), else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _back(request, default: str):
    return redirect(_next_url(request, default))


# Keyed by the status's value, which is what a sign-up's `status` holds.
SIGNED_UP: dict[str, StrOrPromise] = {
    SignUp.Status.CONFIRMED: gettext_lazy("Kaydınız onaylandı. Size bir onay e-postası gönderdik."),
    SignUp.Status.PENDING: gettext_lazy(
        "Kaydınızı aldık; yeriniz ayrıldı. Koordinatör onayladığında size e-posta göndereceğiz."
    ),
    SignUp.Status.WAITLISTED: gettext_lazy(
        "Bu vardiya dolu; sizi bekleme listesine aldık. Yer açılırsa size e-posta göndereceğiz."
    ),
}


# Said on signing up once the cancellation deadline has passed (keyed by "waitlisted?").
NO_OWN_CANCEL = {
    False: gettext_lazy(
        "İptal süresi geçtiği için bu kaydı kendiniz iptal edemezsiniz; gelemezseniz lütfen "
        "koordinatöre haber verin."
    ),
    True: gettext_lazy(
        "İptal süresi geçtiği için yer açılıp kaydınız onaylanırsa kendiniz iptal edemezsiniz; "
        "bekleme listesinden ise istediğiniz zaman çıkabilirsiniz."
    ),
}


@require_POST
@volunteer_view(active_only=True, details=False)
def sign_up(request, pk: int, *, volunteer):
    shift = selectors.shift_for_sign_up(shift_id=pk)
    if shift is None:
        raise Http404(_("Vardiya bulunamadı."))
    try:
        signup = services.sign_up(volunteer=volunteer, shift=shift)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        text = str(SIGNED_UP[signup.status])
        if services.cancellation_deadline_passed(signup.shift):
            text += " " + str(NO_OWN_CANCEL[signup.status == SignUp.Status.WAITLISTED])
        messages.success(request, text)
    return _back(request, activity_path(shift.activity_id))


@require_POST
@volunteer_view(active_only=False)
def cancel(request, pk: int, *, volunteer):
    signup = selectors.own_signup(volunteer=volunteer, signup_id=pk)
    if signup is None:
        raise Http404(_("Vardiya kaydı bulunamadı."))
    back_url = _next_url(request, activity_path(signup.shift.activity_id))
    if refusal := services.own_cancel_refusal(signup):
        messages.error(request, refusal)  # nothing to confirm: say why at once
        return redirect(back_url)
    asked = _confirm_own_cancel(request, signup, back_url)
    if asked is not None:
        return asked
    try:
        # The volunteer's own page: their deadline applies, even to a volunteer who is also staff.
        services.cancel_sign_up(signup=signup)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Vardiya kaydınız iptal edildi."))
    return redirect(back_url)


def _confirm_own_cancel(request, signup: SignUp, back_url: str):
    when = timezone.localtime(signup.shift.starts_at).strftime("%d.%m.%Y %H:%M")
    details = {"activity": signup.shift.activity.title, "start": when}
    if signup.status == SignUp.Status.WAITLISTED:
        return confirmation_page(
            request,
            title=_("Bekleme listesinden çıkılsın mı?"),
            message=_(
                "%(activity)s, %(start)s: bekleme listesindeki sıranızı kaybedersiniz. "
                "Yeniden yazılırsanız listenin sonuna eklenirsiniz."
            )
            % details,
            confirm_label=_("Evet, bekleme listesinden çık"),
            back_url=back_url,
        )
    return confirmation_page(
        request,
        title=_("Vardiya kaydınız iptal edilsin mi?"),
        message=_(
            "%(activity)s, %(start)s: yeriniz bekleme listesindeki ilk kişiye verilir. "
            "Fikrinizi değiştirirseniz yer kalmamış olabilir."
        )
        % details,
        confirm_label=_("Evet, kaydımı iptal et"),
        back_url=back_url,
    )


@require_GET
@volunteer_view(active_only=False)
def my_shifts(request, *, volunteer):
    shifts = selectors.my_shifts(volunteer=volunteer)
    now = timezone.now()
    for signup in shifts.upcoming:
        signup.cancel_refusal = services.own_cancel_refusal(signup, now=now)
        signup.is_active = signup.status in SignUp.ACTIVE_STATUSES
        signup.has_started = signup.shift.starts_at <= now
        signup.asks_coming = selectors.awaiting_coming_confirmation(signup) and (
            not signup.has_started
        )
        signup.coming_token = services.coming_token(signup) if signup.asks_coming else ""
    return render(
        request,
        "activities/signups/my_shifts.html",
        {
            "volunteer": volunteer,
            "upcoming": shifts.upcoming,
            "past": shifts.past,
            "past_limit": selectors.PAST_SHIFTS_SHOWN,
            "here": reverse("signups:my_shifts"),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("shift_confirmation")
def confirm_coming(request, token: str):
    """The reminder's one-click link: GET shows a button, so a link preview confirms nothing."""
    try:
        signup = services.signup_for_coming_token(token)
    except ActivityError as error:
        response = render(
            request, "activities/signups/confirm_coming.html", {"error": error.message}, status=400
        )
    else:
        if request.method == "POST":
            try:
                services.confirm_coming(signup=signup)
            except ActivityError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Teşekkürler! Geleceğinizi koordinatörlere bildirdik."))
            return redirect("signups:confirm_coming", token=token)
        response = render(
            request,
            "activities/signups/confirm_coming.html",
            {
                "signup": signup,
                "shift": signup.shift,
                "activity": signup.shift.activity,
                "token": token,
            },
        )
    response.headers["X-Robots-Tag"] = "noindex"
    return response

"""The channel's pages: hers (/me/safety/) and the handlers' (/staff/safety/)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.core.confirm import confirmation_page
from esit.core.forms import add_refusal
from esit.core.network import client_ip
from esit.core.rate_limits import limit_posts
from esit.volunteers.permissions import volunteer_view

from . import selectors, services
from .forms import CloseForm, ConcernForm, EntryForm, StatusFilterForm
from .models import Concern


@require_http_methods(["GET", "POST"])
@limit_posts("safety_concern", key="user")
@volunteer_view(active_only=False)  # one who left may still need to raise a concern
def mine(request, volunteer):
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.raise_concern(by=request.user, ip=client_ip(request), **form.cleaned_data)
        except services.SafetyError as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("Bildiriminiz yetkili personele ulaştı. Gelişmeleri bu sayfada görebilirsiniz."),
            )
            return redirect("safety:mine")
    return render(
        request,
        "safety/mine.html",
        {
            "form": form,
            "concerns": selectors.own_concerns(user=request.user),
            "notice_url": reverse("privacy:notice"),
        },
    )


@require_POST
@volunteer_view(active_only=False, details=False)
def withdraw(request, pk: int, volunteer):
    """She takes back her consent to one of her concerns: asked first, then its texts go."""
    # Only whether it is hers and still holds texts: none of them is decrypted to ask.
    concern = (
        Concern.objects.filter(raised_by=request.user, pk=pk, texts_removed_at__isnull=True)
        .only("pk")
        .first()
    )
    if concern is None:
        raise Http404(_("Bildirim bulunamadı."))
    asked = confirmation_page(
        request,
        title=_("Açık rızanızı geri alıyor musunuz?"),
        message=_(
            "Bu bildirimde yazdıklarınız, size verilen yanıtlar ve personelin notları hemen ve "
            "geri dönüşsüz olarak silinir; bildirim açıksa kapatılır. Yalnızca ne zaman "
            "bildirildiği ve nasıl ele alındığı kayıtta kalır."
        ),
        confirm_label=_("Evet, rızamı geri al ve metinleri sil"),
        back_url=reverse("safety:mine"),
    )
    if asked is not None:
        return asked
    try:
        services.withdraw_consent(concern=concern, by=request.user)
    except services.SafetyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Açık rızanızı geri aldınız; bildirimin metinleri silindi."))
    return redirect("safety:mine")


def _private(response):
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@never_cache
@capability_required(services.HANDLE, hidden=True)
def staff_list(request):
    filters = StatusFilterForm(request.GET)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    concerns = list(
        selectors.concern_list(handler=request.user, status=status)[: selectors.LIST_MAX]
    )
    return _private(
        render(
            request,
            "safety/staff/list.html",
            {"filters": filters, "concerns": concerns, "now": timezone.now()},
        )
    )


def _handled(request, pk: int) -> Concern:
    try:
        return selectors.concern_for_handler(pk=pk, handler=request.user)
    except Concern.DoesNotExist:
        raise Http404 from None


@require_GET
@never_cache
@capability_required(services.HANDLE, hidden=True)
def staff_detail(request, pk):
    concern = _handled(request, pk)
    services.record_reading(concern=concern, reader=request.user)
    return _detail(request, concern, entry_form=EntryForm(), close_form=CloseForm())


def _detail(request, concern, *, entry_form, close_form, status=200):
    return _private(
        render(
            request,
            "safety/staff/detail.html",
            {
                "concern": concern,
                "entry_form": entry_form,
                "close_form": close_form,
                "now": timezone.now(),
            },
            status=status,
        )
    )


@capability_required(services.HANDLE, hidden=True)
@require_POST
def staff_act(request, pk, action):
    """Acknowledge, add a note or a reply, or close; a refused action shows the page again
    with the message next to its field (reading it again is audited too)."""
    concern = _handled(request, pk)
    entry_form = EntryForm(request.POST if action == "entry" else None)
    close_form = CloseForm(request.POST if action == "close" else None)
    try:
        if action == "acknowledge":
            services.acknowledge(concern=concern, by=request.user)
            done = _("Bildirim görüldü olarak işaretlendi; bildiren kişiye haber verildi.")
        elif action == "entry" and entry_form.is_valid():
            services.add_entry(concern=concern, by=request.user, **entry_form.cleaned_data)
            done = _("Kayıt eklendi.")
        elif action == "close" and close_form.is_valid():
            services.close(concern=concern, by=request.user, **close_form.cleaned_data)
            done = _("Bildirim kapatıldı.")
        else:
            done = ""
    except services.SafetyError as error:
        form = close_form if action == "close" else entry_form
        if error.field not in form.fields:  # a refusal of the step itself, not of a field
            messages.error(request, error.message)
            return redirect("safety:staff_detail", pk)
        add_refusal(form, error)
        done = ""
    if done:
        messages.success(request, done)
        return redirect("safety:staff_detail", pk)
    services.record_reading(concern=concern, reader=request.user)
    return _detail(request, concern, entry_form=entry_form, close_form=close_form)

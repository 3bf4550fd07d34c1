from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esit.core.forms import add_refusal
from esit.core.panels import panels_for
from esit.reference import availability
from esit.reference.models import sorted_by_name

from .. import services
from ..forms import LeaveProgrammeForm, NotificationsForm, ProfileForm
from ..permissions import volunteer_view


@require_GET
@volunteer_view(active_only=False)
def dashboard(request, volunteer):
    return render(
        request,
        "volunteers/dashboard.html",
        {
            "volunteer": volunteer,
            "areas": sorted_by_name(volunteer.areas.all()),
            "languages": sorted_by_name(volunteer.languages.all(), by="language"),
            "week": availability.grid(volunteer.availability),
            "parts": [label for _part, label in availability.PARTS],
            "panels": panels_for("me", request, volunteer=volunteer),
        },
    )


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True, allow_paused=True)
def edit_profile(request, volunteer):
    form = ProfileForm(request.POST if request.method == "POST" else None, volunteer=volunteer)
    if form.is_valid():
        try:
            services.update_profile(
                volunteer=volunteer,
                phone=form.cleaned_data["phone"],
                district=form.cleaned_data["district"],
                areas=form.cleaned_data["areas"],
                languages=form.chosen_languages(),
                availability=form.availability_mask(),
            )
        except services.VolunteerError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Profiliniz güncellendi."))
            return redirect("volunteers:dashboard")
    return render(request, "volunteers/profile_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True, allow_paused=True)
def edit_notifications(request, volunteer):
    form = NotificationsForm(
        request.POST if request.method == "POST" else None, volunteer=volunteer
    )
    if form.is_valid():
        try:
            services.update_notifications(volunteer=volunteer, enabled=form.cleaned_data)
        except services.VolunteerError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Bildirim tercihleriniz kaydedildi."))
        return redirect("volunteers:dashboard")
    return render(request, "volunteers/notifications_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True, allow_paused=True)
def withdraw(request, volunteer):
    form = LeaveProgrammeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.withdraw_from_programme(volunteer=volunteer)
        except services.VolunteerError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _(
                    "Eşit İzmir gönüllü programından ayrıldınız. Artık size e-posta "
                    "göndermeyeceğiz. Katkılarınız için teşekkür ederiz."
                ),
            )
        return redirect("volunteers:dashboard")
    return render(request, "volunteers/withdraw.html", {"form": form})

"""/staff/team/: staff accounts, their roles, capabilities and scopes, for those who manage
staff (`accounts.manage_staff`). Reads through selectors, changes through services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts import capabilities
from esit.accounts.permissions import capability_required
from esit.core.confirm import confirmation_page
from esit.core.forms import add_refusal

from . import selectors, services
from .forms import CapabilitiesForm, InviteForm, RoleForm, ScopeForm
from .services import MANAGE, TeamError


def _member_or_404(pk: int):
    try:
        return selectors.member(pk)
    except get_user_model().DoesNotExist:
        raise Http404(_("Personel bulunamadı.")) from None


def _held(member) -> tuple[list, set[str]]:
    """The registered capabilities with where the member gets each (role or extra)."""
    from_role = {
        f"{p.content_type.app_label}.{p.codename}"
        for group in member.groups.all()
        for p in group.permissions.all()
    }
    extra = {f"{p.content_type.app_label}.{p.codename}" for p in member.user_permissions.all()}
    rows = [
        {
            "label": capability.label,
            "from_role": capability.permission in from_role,
            "extra": capability.permission in extra,
        }
        for capability in capabilities.all_capabilities()
    ]
    return rows, extra


def _scope_of(member):
    scope = getattr(member, "staff_scope", None)
    if scope is None:
        return [], []
    return list(scope.areas.all()), list(scope.districts.all())


@require_GET
@capability_required(MANAGE)
def team_list(request):
    members = selectors.team()
    for member in members:
        member.role_value = services.role_of(member)
        member.scope_areas, member.scope_districts = _scope_of(member)
    return render(request, "team/list.html", {"members": members})


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def invite(request):
    form = InviteForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.invite_staff(
                by=request.user,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                language=data["language"],
                areas=data["areas"],
                districts=data["districts"],
                request=request,
            )
        except TeamError as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("%(name)s davet edildi; parola belirleme bağlantısı e-postayla gidiyor.")
                % {"name": member.get_full_name()},
            )
            return redirect("team:member", pk=member.pk)
    return render(request, "team/invite.html", {"form": form})


def _render_member(request, member, **forms):
    areas, districts = _scope_of(member)
    rows, extra = _held(member)
    role = services.role_of(member)
    context = {
        "member": member,
        "role": role,
        "scope_areas": areas,
        "scope_districts": districts,
        "capabilities": rows,
        "is_me": member.pk == request.user.pk,
        "role_form": forms.get("role_form") or RoleForm(initial={"role": role}),
        "scope_form": forms.get("scope_form")
        or ScopeForm(initial={"areas": areas, "districts": districts}),
        "capabilities_form": forms.get("capabilities_form")
        or CapabilitiesForm(initial={"granted": sorted(extra)}),
    }
    return render(request, "team/member.html", context)


@require_GET
@capability_required(MANAGE)
def member_detail(request, pk: int):
    return _render_member(request, _member_or_404(pk))


def _change(request, pk: int, form_class, form_name: str, apply, done: str):
    member = _member_or_404(pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            apply(member, form.cleaned_data)
        except TeamError as error:
            add_refusal(form, error)
        else:
            messages.success(request, done)
            return redirect("team:member", pk=pk)
    return _render_member(request, member, **{form_name: form})


@require_POST
@capability_required(MANAGE)
def change_role(request, pk: int):
    return _change(
        request,
        pk,
        RoleForm,
        "role_form",
        lambda member, data: services.change_role(
            by=request.user, member=member, role=data["role"], request=request
        ),
        _("Rol kaydedildi."),
    )


@require_POST
@capability_required(MANAGE)
def set_scope(request, pk: int):
    return _change(
        request,
        pk,
        ScopeForm,
        "scope_form",
        lambda member, data: services.set_scope(
            by=request.user,
            member=member,
            areas=data["areas"],
            districts=data["districts"],
            request=request,
        ),
        _("Kapsam kaydedildi."),
    )


@require_POST
@capability_required(MANAGE)
def set_capabilities(request, pk: int):
    return _change(
        request,
        pk,
        CapabilitiesForm,
        "capabilities_form",
        lambda member, data: services.set_capabilities(
            by=request.user, member=member, granted=data["granted"], request=request
        ),
        _("Yetkiler kaydedildi."),
    )


@require_POST
@capability_required(MANAGE)
def set_access(request, pk: int):
    """Deactivate (after a confirmation step) or reactivate a staff account."""
    member = _member_or_404(pk)
    active = request.POST.get("active") == "yes"
    if not active:
        asked = confirmation_page(
            request,
            title=_("%(name)s için erişim kapatılsın mı?") % {"name": member.get_full_name()},
            message=_(
                "Bu kişi artık giriş yapamaz; açık oturumları bir sonraki istekte sona erer. "
                "Kayıtları ve yaptığı işlemler korunur."
            ),
            confirm_label=_("Evet, erişimi kapat"),
            back_url=reverse("team:member", args=[pk]),
            template="staff/confirm.html",
        )
        if asked is not None:
            return asked
    try:
        services.set_active(by=request.user, member=member, active=active, request=request)
    except TeamError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Erişim geri verildi.") if active else _("Erişim kapatıldı."))
    return redirect("team:member", pk=pk)

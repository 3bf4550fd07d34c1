"""Demo data for the safety channel: the demo administrator is its designated handler, and
the demo volunteer has raised one concern, acknowledged and answered, through the channel's
own services. A second run finds it and changes nothing."""

from django.contrib.auth.models import Permission

from esit.accounts.models import User
from esit.safety import services
from esit.safety.models import Concern


def designate(user: User) -> None:
    """The capability as an extra one of this person (what /staff/team/ does; the demo has a
    single administrator, who may not change her own)."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="safety", codename="handle_concerns")
    )


def seed_safety(*, handler: User, volunteer: User) -> int:
    designate(handler)
    handler = User.objects.get(pk=handler.pk)  # forget the permissions cached before
    if Concern.objects.filter(raised_by=volunteer).exists():
        return 0
    concern = services.raise_concern(
        by=volunteer,
        what_happened=(
            "Çeviri grubunun yazışmasında bir katılımcı, ben istemediğim halde bana özelden "
            "sürekli mesaj atıyor ve buluşmak için ısrar ediyor."
        ),
        about="Çeviri gönüllüleri yazışma grubundaki bir katılımcı",
        happened_when="Geçen hafta",
        contact=Concern.Contact.EMAIL,
        consent=True,
    )
    services.acknowledge(concern=concern, by=handler)
    services.add_entry(
        concern=concern,
        by=handler,
        kind="reply",
        text="Bildiriminiz için teşekkür ederiz. Konuyla ilgileniyoruz; size e-postayla yazacağız.",
    )
    return 1

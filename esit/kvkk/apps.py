from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KvkkConfig(AppConfig):
    name = "esit.kvkk"
    label = "kvkk"
    verbose_name = _("KVKK hakları")

    def ready(self):
        from esit.audit import actions
        from esit.core import menus, panels
        from esit.core import personal_data_registry as registry

        from . import mail, personal_data
        from .models import DestructionRecord

        actions.register("kvkk.data_exported", _("Kişisel veriler dışa aktarıldı"))
        actions.register("kvkk.erased", _("Kişisel veriler silindi (anonim hale getirildi)"))
        actions.register("kvkk.request_logged", _("KVKK başvurusu kaydedildi"))
        actions.register("kvkk.request_answered", _("KVKK başvurusu yanıtlandı"))
        mail.register()
        personal_data.register()
        menus.register(
            menus.MenuItem(
                key="kvkk.requests",
                label=_("KVKK başvuruları"),
                url_name="kvkk:request_list",
                permission="privacy.handle_data_requests",
                order=90,
                current_for=("kvkk:request_list", "kvkk:request_new", "kvkk:request_detail"),
            )
        )
        panels.register(
            "me",
            panels.Panel(
                key="kvkk.my_data",
                template="kvkk/me_panel.html",
                context=lambda request, **page: {},
                order=900,  # last: after the volunteer's work
            ),
        )
        registry.register_no_personal_data(
            DestructionRecord,
            fields={"reason", "rule", "method", "categories", "people", "rows", "at"},
            reason="Counts and categories of destroyed data; it names nobody (the actor is staff).",
        )

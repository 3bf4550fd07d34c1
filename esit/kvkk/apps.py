from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KvkkConfig(AppConfig):
    name = "esit.kvkk"
    label = "kvkk"
    verbose_name = _("KVKK hakları")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from esit.accounts import capabilities
        from esit.audit import actions
        from esit.core import menus, panels
        from esit.core import personal_data_registry as registry

        from . import mail, middleware, personal_data, volunteer_sections
        from .models import DestructionRecord

        actions.register("kvkk.data_exported", _("Kişisel veriler dışa aktarıldı"))
        actions.register("kvkk.erased", _("Kişisel veriler silindi (anonim hale getirildi)"))
        actions.register("kvkk.request_logged", _("KVKK başvurusu kaydedildi"))
        actions.register("kvkk.request_answered", _("KVKK başvurusu yanıtlandı"))
        actions.register("kvkk.retention_applied", _("Saklama kuralı uygulandı"))
        actions.register("kvkk.retention_warned", _("Hareketsiz gönüllüler uyarıldı"))
        actions.register("kvkk.retention_stayed", _("Gönüllü kalmayı seçti"))
        actions.register("kvkk.incident_logged", _("Veri ihlali kaydedildi"))
        actions.register("kvkk.incident_updated", _("Veri ihlali kaydı güncellendi"))
        actions.register("kvkk.notice_drafted", _("KVKK metni taslağı hazırlandı"))
        actions.register("kvkk.notice_published", _("KVKK metni yayımlandı"))
        actions.register("kvkk.consent_recorded", _("Açık rıza kaydedildi"))
        capabilities.register(
            "privacy.publish_notices",
            _("KVKK metinlerini yayımlamak"),
            roles=("administrator",),
        )
        capabilities.register(
            "kvkk.manage_incidents", _("Veri ihlallerini kaydetmek"), roles=("administrator",)
        )
        mail.register()
        volunteer_sections.register()
        user_logged_in.connect(middleware.mark_on_sign_in, dispatch_uid="kvkk.reconsent")
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
        menus.register(
            menus.MenuItem(
                key="kvkk.retention",
                label=_("Saklama süreleri"),
                url_name="kvkk:retention_report",
                permission="privacy.handle_data_requests",
                order=91,
                current_for=("kvkk:retention_report",),
            )
        )
        menus.register(
            menus.MenuItem(
                key="kvkk.notices",
                label=_("KVKK metinleri"),
                url_name="kvkk:notice_list",
                permission="privacy.publish_notices",
                order=92,
                current_for=("kvkk:notice_list", "kvkk:notice_new", "kvkk:notice_detail"),
            )
        )
        menus.register(
            menus.MenuItem(
                key="kvkk.incidents",
                label=_("Veri ihlalleri"),
                url_name="kvkk:incident_list",
                permission="kvkk.manage_incidents",
                order=93,
                current_for=("kvkk:incident_list", "kvkk:incident_new", "kvkk:incident_detail"),
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

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "esit.accounts"
    label = "accounts"
    verbose_name = _("Hesaplar")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from esit.core import menus

        from . import capabilities, mail, personal_data, sign_in, standing
        from .middleware import start_staff_session

        personal_data.register()
        standing.connect()
        mail.register()
        menus.register(
            menus.MenuItem(
                key="accounts.overview",
                label=_("Genel bakış"),
                url_name="staff:dashboard",
                order=10,
            )
        )
        user_logged_in.connect(start_staff_session, dispatch_uid="esit.accounts.staff_session")
        user_logged_in.connect(
            sign_in.remember_address, dispatch_uid="esit.accounts.known_sign_in_address"
        )
        post_migrate.connect(
            capabilities.apply_default_grants, dispatch_uid="esit.accounts.default_grants"
        )
        capabilities.register(
            "accounts.manage_staff",
            _("Personel hesaplarını, rollerini ve kapsamlarını yönetmek"),
            roles=("administrator",),
        )

"""The Django admin as Eşit İzmir's: its name, and Turkish capitals where Django computes them.

Django writes "Ilçeler" for "ilçeler": `django.utils.text.capfirst` upper-cases the first
letter the English way, in Python, for the app list (index, app pages, the sidebar) and
for form labels taken from model fields ("izinler" → "Izinler"). Templates are covered by
our `capfirst` builtin (esit/core/templatetags/turkish_case.py); this site covers the
Python side for every model registered on it, ours and third-party ones alike.
"""

from django.apps import apps
from django.contrib import admin
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst as django_capfirst
from django.utils.translation import gettext_lazy as _

from esit.core.turkish import capfirst, sort_key


class TurkishCapitals:
    """A ModelAdmin mixin: labels taken from a model field's name get Turkish capitals."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        verbose_name = getattr(db_field, "verbose_name", None)
        if (
            formfield is not None
            and verbose_name
            and str(formfield.label) == django_capfirst(str(verbose_name))
        ):
            formfield.label = capfirst(verbose_name)
        return formfield

    def history_view(self, request, object_id, extra_context=None):
        module_name = str(capfirst(self.opts.verbose_name_plural))
        return super().history_view(
            request, object_id, {"module_name": module_name, **(extra_context or {})}
        )

    def get_deleted_objects(self, objs, request):
        """The summary shown before a deletion names each row "<model>: <row>"; Django
        formats those lines with its own capfirst, so their first word is corrected."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        corrections = {}
        for model in apps.get_models():
            name = str(model._meta.verbose_name)
            if django_capfirst(name) != capfirst(name):
                corrections[escape(django_capfirst(name)) + ": "] = escape(capfirst(name)) + ": "

        def corrected(line):
            if isinstance(line, list):
                return [corrected(child) for child in line]
            text = str(line)
            for wrong, right in corrections.items():
                if text.startswith(wrong):
                    text = right + text.removeprefix(wrong)
                    break
            # Django's line was escaped by format_html; the new prefix is escaped above.
            return mark_safe(text) if isinstance(line, SafeString) else text  # noqa: S308

        return corrected(to_delete), model_count, perms_needed, corrected(protected)


# Models third-party apps register on the admin that it must not offer: each is a way around
# the audited pages where rights and sign-in keys change (/staff/team/; people's own
# account pages), or shows secrets.
# - auth.Group: a role's capabilities (adding a capability to a role grants it to everyone
#   holding the role; /staff/team/ changes capabilities, audited).
# - account.EmailAddress: changing or verifying someone's sign-in address, then resetting
#   "her" password, would take her account.
# - mfa.Authenticator: the TOTP secrets themselves, and removing someone's second factor.
NOT_IN_ADMIN = frozenset({"auth.group", "account.emailaddress", "mfa.authenticator"})


class AdminSite(admin.AdminSite):
    site_header = "Eşit İzmir"
    site_title = "Eşit İzmir"
    index_title = _("Yönetim")

    def register(self, model_or_iterable, admin_class=None, **options):
        models = [model_or_iterable] if isinstance(model_or_iterable, type) else model_or_iterable
        models = [model for model in models if model._meta.label_lower not in NOT_IN_ADMIN]
        if not models:
            return
        model_or_iterable = models
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, TurkishCapitals):
            admin_class = type(
                admin_class.__name__,
                (TurkishCapitals, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def get_app_list(self, request, app_label=None):
        """Django's list with Turkish capitals and in Turkish alphabetical order."""
        app_dicts = self._build_app_dict(request, app_label).values()
        for app in app_dicts:
            for model in app["models"]:
                model["name"] = capfirst(model["model"]._meta.verbose_name_plural)
            app["models"].sort(key=lambda model: sort_key(str(model["name"])))
        return sorted(app_dicts, key=lambda app: sort_key(str(app["name"])))

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "preferred_language"]}),
        ("", {"fields": ["first_name", "last_name"]}),
        ("", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_readonly_fields(self, request, obj=None):
        """Rights change only on /staff/team/, where nobody changes their own and every change
        is audited; here they are shown, never edited."""
        readonly = list(super().get_readonly_fields(request, obj))
        # The address and the password are the keys to an account: an administrator who
        # could change them could sign in as anyone. People reset their own password.
        return [*readonly, "email", "password", "is_active", "is_staff", "is_superuser", "groups"]

    def has_add_permission(self, request):
        """Accounts come from an approved application or from /staff/team/ (audited)."""
        return False

    def has_delete_permission(self, request, obj=None):
        """An account ends through erasure (every anonymiser, a destruction record) or, for
        staff, by removing access on /staff/team/: both audited, unlike a deletion here."""
        return False

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied

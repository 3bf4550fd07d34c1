from django.contrib import admin

from .models import District, Language, VolunteerArea


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name_tr", "name_en", "kind", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(VolunteerArea)
class VolunteerAreaAdmin(admin.ModelAdmin):
    list_display = ["name_tr", "name_en", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name_tr", "name_en", "code", "is_active", "position"]
    list_editable = ["is_active", "position"]

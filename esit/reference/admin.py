from django.contrib import admin

from .models import District, Language, PlanArea, PlanGoal, VolunteerArea


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


class PlanGoalInline(admin.TabularInline):
    model = PlanGoal
    extra = 1
    fields = ["code", "name_tr", "name_en", "slug", "is_active", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(PlanArea)
class PlanAreaAdmin(admin.ModelAdmin):
    """The equality plan's areas and goals: reference data staff keep in line with the
    council-approved plan (docs/reports.md, "Equality plan tags")."""

    list_display = ["code", "name_tr", "name_en", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PlanGoalInline]

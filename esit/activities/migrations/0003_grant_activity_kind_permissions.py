"""Coordinators and administrators may extend the list of activity kinds."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("activities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="activities",
        codename__in=["view_activitykind", "add_activitykind", "change_activitykind"],
    )
    for group in Group.objects.filter(name__in=["coordinator", "administrator"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0002_load_activity_kinds"),
        ("accounts", "0002_create_role_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Administrators keep the equality plan's areas and goals up to date (in the staff admin);
coordinators may read them there. Without this, only a superuser could correct the list."""

from django.db import migrations

MODELS = ["planarea", "plangoal"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("reference")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    actions = {"administrator": ["view", "add", "change"], "coordinator": ["view"]}
    for group in Group.objects.filter(name__in=actions):
        codenames = [f"{action}_{model}" for action in actions[group.name] for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="reference", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0004_load_izmir_equality_plan"),
        ("accounts", "0002_create_role_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""The three roles (docs/product.md, "Roles") as groups; administrators may edit reference lists."""

from django.db import migrations

ROLES = ["volunteer", "coordinator", "administrator"]
ADMINISTRATOR_MODELS = [
    ("reference", "district"), ("reference", "volunteerarea"), ("reference", "language"),
    ("privacy", "privacynotice"), ("accounts", "user"),
]
COORDINATOR_MODELS = [("reference", "volunteerarea"), ("reference", "language")]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        Group.objects.get_or_create(name=role)

    def grant(group_name, models, actions):
        group = Group.objects.get(name=group_name)
        for app_label, model in models:
            for action in actions:
                permission = Permission.objects.filter(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ).first()
                if permission:
                    group.permissions.add(permission)

    grant("administrator", ADMINISTRATOR_MODELS, ["view", "add", "change"])
    grant("coordinator", COORDINATOR_MODELS, ["view", "add", "change"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("reference", "0001_initial"),
        ("privacy", "0001_initial"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]

"""Accounts' addresses in their one stored form (esit/core/email_address.py).

Before it, `create_user()` only lower-cased: `İDİL@…` was stored as `i̇di̇l@…` (with combining
dots), which sign-in and approval, now comparing the normalised form, would never find. A row
whose normalised address already belongs to another account is left as it is (an
administrator decides which of the two accounts is the person's); nothing is merged here.
"""

from django.db import IntegrityError, migrations, transaction

from esit.core.email_address import normalise_email


def normalise_column(model) -> None:
    for pk, email in list(model.objects.values_list("pk", "email")):
        stored = normalise_email(email)
        if stored == email:
            continue
        try:
            with transaction.atomic():
                model.objects.filter(pk=pk).update(email=stored)
        except IntegrityError:
            continue  # another row already has this address: left for an administrator


def normalise(apps, schema_editor):
    normalise_column(apps.get_model("accounts", "User"))
    normalise_column(apps.get_model("account", "EmailAddress"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_create_role_groups"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]

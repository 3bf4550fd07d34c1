"""Applications' and consent records' addresses in their one stored form.

The form used to store `str.lower()` of what was typed, so `İDİL@…` became `i̇di̇l@…` and a
second open application for the same person got past the unique constraints. An open
application whose normalised address is already another open application's is left as it
is: staff see both in the queue and decide; nothing is merged or closed here.
"""

from django.db import IntegrityError, migrations, transaction

from esit.core.email_address import normalise_email
from esit.core.turkish import search_key


def normalise(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    rows = Application.objects.values_list("pk", "email", "first_name", "last_name")
    for pk, email, first_name, last_name in list(rows):
        stored = normalise_email(email)
        if stored == email:
            continue
        try:
            with transaction.atomic():
                Application.objects.filter(pk=pk).update(
                    email=stored, search_text=search_key(first_name, last_name, stored)
                )
        except IntegrityError:
            continue  # another open application has this address: left for staff to decide
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    for pk, email in list(ConsentRecord.objects.values_list("pk", "email")):
        if normalise_email(email) != email:
            ConsentRecord.objects.filter(pk=pk).update(email=normalise_email(email))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_status_link_reminder_time"),
        ("privacy", "0002_publish_first_notices"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]

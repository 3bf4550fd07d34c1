import django.db.models.deletion
from django.db import migrations, models


def link_consents(apps, schema_editor):
    """Each concern's consent was recorded at the very instant it was raised, by the same
    account, for the safety channel (services.raise_concern): that record is its own."""
    Concern = apps.get_model("safety", "Concern")
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    for concern in Concern.objects.filter(consent__isnull=True, raised_by__isnull=False):
        concern.consent = (
            ConsentRecord.objects.filter(
                user_id=concern.raised_by_id, purpose="safety", given_at=concern.raised_at
            )
            .order_by("pk")
            .first()
        )
        if concern.consent is not None:
            concern.save(update_fields=["consent"])


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0005_consent_purpose"),
        ("safety", "0001_concerns"),
    ]

    operations = [
        migrations.AddField(
            model_name="concern",
            name="consent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="privacy.consentrecord",
                verbose_name="açık rıza kaydı",
            ),
        ),
        migrations.RunPython(link_consents, migrations.RunPython.noop),
    ]

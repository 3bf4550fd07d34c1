import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def link_consents(apps, schema_editor):
    """Each concern's consent was recorded at the very instant it was raised, by the same
    account, for the safety channel (services.raise_concern): that record is its own. One
    update, which reads none of the concerns' (encrypted) texts."""
    Concern = apps.get_model("safety", "Concern")
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    own = ConsentRecord.objects.filter(
        user_id=OuterRef("raised_by_id"), purpose="safety", given_at=OuterRef("raised_at")
    ).order_by("pk")
    Concern.objects.filter(consent__isnull=True, raised_by__isnull=False).update(
        consent=Subquery(own.values("pk")[:1])
    )


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

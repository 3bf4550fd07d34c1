import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PurgePermit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={"default_permissions": ()},
        ),
        migrations.CreateModel(
            name="AuditEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="zaman")),
                ("action", models.CharField(max_length=64, verbose_name="işlem")),
                ("object_type", models.CharField(blank=True, max_length=64, verbose_name="kayıt türü")),
                ("object_id", models.CharField(blank=True, max_length=40, verbose_name="kayıt no")),
                ("person_type", models.CharField(blank=True, max_length=64, verbose_name="ilgili kişi türü")),
                ("person_id", models.CharField(blank=True, max_length=40, verbose_name="ilgili kişi no")),
                ("summary", models.CharField(max_length=300, verbose_name="özet")),
                ("client_address", models.CharField(blank=True, max_length=64, verbose_name="istemci adresi")),
                ("actor", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="işlemi yapan")),
            ],
            options={
                "verbose_name": "denetim kaydı",
                "verbose_name_plural": "denetim kayıtları",
                "ordering": ["-id"],
                "default_permissions": (),
                "permissions": [("read_audit_log", "Denetim kaydını okuyabilir")],
                "indexes": [
                    models.Index(fields=["person_type", "person_id", "-id"], name="audit_person_idx"),
                    models.Index(fields=["actor", "-id"], name="audit_actor_idx"),
                    models.Index(fields=["action", "-id"], name="audit_action_idx"),
                    models.Index(fields=["at"], name="audit_at_idx"),
                ],
            },
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_normalise_email_addresses")]

    operations = [
        migrations.CreateModel(
            name="DefaultGrant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("permission", models.CharField(max_length=150, unique=True)),
                ("granted_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"default_permissions": ()},
        ),
    ]

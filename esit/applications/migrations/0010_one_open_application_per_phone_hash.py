"""One open application per phone, now on the keyed hash of the encrypted phone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0009_encrypt_existing_applications")]

    operations = [
        migrations.AddConstraint(
            model_name='application',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['submitted', 'waitlisted'])), fields=('phone_hash',), name='application_one_open_per_phone'),
        ),
    ]

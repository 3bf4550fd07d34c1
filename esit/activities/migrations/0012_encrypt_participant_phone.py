"""Encrypt participants' phones at rest, found by a keyed hash (esit/core/encryption.py)."""
import esit.core.encryption
from django.db import migrations

from esit.core.encryption import decrypt_to_clear_columns, encrypt_clear_columns


def encrypt_rows(apps, schema_editor):
    encrypt_clear_columns(
        schema_editor,
        "activities_participant",
        encrypted=['phone'],
        hashes={'phone_hash': 'phone'},
        years={},
    )


def decrypt_rows(apps, schema_editor):
    decrypt_to_clear_columns(schema_editor, "activities_participant", encrypted=['phone'])


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0011_activity_plan_goals'),
    ]

    operations = [
        migrations.AddField(
            model_name='participant',
            name='phone_hash',
            field=esit.core.encryption.LookupHashField(db_index=True, source='phone'),
        ),
        migrations.AlterField(
            model_name='participant',
            name='phone',
            field=esit.core.encryption.EncryptedCharField(blank=True, max_length=16, verbose_name='telefon'),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]

"""The data step of 0008_encrypt_sensitive_fields: encrypt the clear values already stored, fill the keyed
hashes (and birth years). Its own migration, so that on PostgreSQL no schema change shares a
transaction with these row updates (deferred foreign-key triggers would refuse it)."""

from django.db import migrations

from esit.core.encryption import decrypt_to_clear_columns, encrypt_clear_columns


def encrypt_rows(apps, schema_editor):
    encrypt_clear_columns(
        schema_editor,
        "applications_application",
        encrypted=['phone', 'birth_date', 'experience', 'motivation', 'gender_self_description'],
        hashes={'phone_hash': 'phone'},
        years={'birth_year': 'birth_date'},
    )


def decrypt_rows(apps, schema_editor):
    decrypt_to_clear_columns(schema_editor, "applications_application", encrypted=['phone', 'birth_date', 'experience', 'motivation', 'gender_self_description'])


class Migration(migrations.Migration):
    dependencies = [("applications", "0008_encrypt_sensitive_fields")]

    operations = [migrations.RunPython(encrypt_rows, decrypt_rows)]

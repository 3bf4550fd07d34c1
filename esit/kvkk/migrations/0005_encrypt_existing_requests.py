"""The data step of 0004_encrypt_requester_phone: encrypt the clear values already stored, fill the keyed
hashes (and birth years). Its own migration, so that on PostgreSQL no schema change shares a
transaction with these row updates (deferred foreign-key triggers would refuse it)."""

from django.db import migrations

from esit.core.encryption import decrypt_to_clear_columns, encrypt_clear_columns


def encrypt_rows(apps, schema_editor):
    encrypt_clear_columns(
        schema_editor,
        "kvkk_datarequest",
        encrypted=['requester_phone'],
        hashes={'requester_phone_hash': 'requester_phone'},
        years={},
    )


def decrypt_rows(apps, schema_editor):
    decrypt_to_clear_columns(schema_editor, "kvkk_datarequest", encrypted=['requester_phone'])


class Migration(migrations.Migration):
    dependencies = [("kvkk", "0004_encrypt_requester_phone")]

    operations = [migrations.RunPython(encrypt_rows, decrypt_rows)]

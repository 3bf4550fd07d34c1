"""Re-encrypt every encrypted column with the first key of FIELD_ENCRYPTION_KEYS.

Rotation: put the new key first (`FIELD_ENCRYPTION_KEYS=new,old`), restart, run this
command, then remove the old key. With `--rehash`, also recompute every keyed hash column
from the clear values, after LOOKUP_HASH_KEY changed (the old hashes no longer match).
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from esit.core.encryption import encrypted_fields, reencrypt_rows, rehash_rows


class Command(BaseCommand):
    help = "Re-encrypts every encrypted column with the first key of FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rehash",
            action="store_true",
            help="Also recompute the keyed hash columns (after LOOKUP_HASH_KEY changed).",
        )

    def handle(self, *args, rehash=False, **options):
        for model in apps.get_models():
            if not encrypted_fields(model):
                continue
            count = reencrypt_rows(model)
            hashed = rehash_rows(model) if rehash else 0
            self.stdout.write(
                f"{model._meta.label}: {count} rows re-encrypted"
                + (f", {hashed} rows re-hashed" if rehash else "")
            )

"""The inventory the municipality files in VERBİS (the KVK Board's registry of data
controllers), generated from the processing register: one line per group of people,
category of data, purpose and legal basis, with retention and recipients."""

import csv

from django.core.management.base import BaseCommand
from django.utils import translation

from esit.privacy import processing


class Command(BaseCommand):
    help = "Print the VERBİS inventory (CSV) generated from the processing register."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, language, **options):
        categories = processing.categories_of_fields()
        lines: dict[tuple, set[str]] = {}
        for row in processing.rows():
            category = categories[(row.model, row.field)]
            key = (row.group, category, row.purpose, row.legal_basis, row.retention)
            lines.setdefault(key, set()).update(row.recipients)
        with translation.override(language):
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(
                ["group", "category", "purpose", "legal_basis", "retention", "recipients"]
            )
            for (group, category, purpose, basis, retention), recipients in sorted(
                lines.items(), key=lambda item: tuple(str(part) for part in item[0])
            ):
                writer.writerow(
                    [
                        group.label,
                        category.label,
                        purpose.label,
                        basis.label,
                        retention.text,
                        "; ".join(str(processing.Recipient(r).label) for r in sorted(recipients)),
                    ]
                )

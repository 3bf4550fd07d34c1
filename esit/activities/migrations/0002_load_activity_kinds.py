"""The kinds of work the programme runs (issue: activities); staff may add more."""

from django.db import migrations

KINDS = [
    ("workshop", "Atölye", "Workshop"),
    ("campaign", "Kampanya", "Campaign"),
    ("field-research", "Saha araştırması", "Field research"),
    ("training", "Eğitim", "Training"),
    ("translation", "Tercüme işi", "Translation job"),
    ("social-media", "Sosyal medya görevi", "Social-media task"),
    ("design", "Tasarım görevi", "Design task"),
    ("meeting", "Toplantı", "Meeting"),
]


def load(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for position, (slug, tr, en) in enumerate(KINDS):
        ActivityKind.objects.update_or_create(
            slug=slug, defaults={"name_tr": tr, "name_en": en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

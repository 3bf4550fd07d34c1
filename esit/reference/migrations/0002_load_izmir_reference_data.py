"""İzmir's defaults (docs/product.md, "Reference data"). Rows are matched by slug/code, so re-running changes nothing."""

from django.db import migrations

DISTRICTS = [
    ("aliaga", "Aliağa"), ("balcova", "Balçova"), ("bayindir", "Bayındır"),
    ("bayrakli", "Bayraklı"), ("bergama", "Bergama"), ("beydag", "Beydağ"),
    ("bornova", "Bornova"), ("buca", "Buca"), ("cesme", "Çeşme"), ("cigli", "Çiğli"),
    ("dikili", "Dikili"), ("foca", "Foça"), ("gaziemir", "Gaziemir"),
    ("guzelbahce", "Güzelbahçe"), ("karabaglar", "Karabağlar"), ("karaburun", "Karaburun"),
    ("karsiyaka", "Karşıyaka"), ("kemalpasa", "Kemalpaşa"), ("kinik", "Kınık"),
    ("kiraz", "Kiraz"), ("konak", "Konak"), ("menderes", "Menderes"), ("menemen", "Menemen"),
    ("narlidere", "Narlıdere"), ("odemis", "Ödemiş"), ("seferihisar", "Seferihisar"),
    ("selcuk", "Selçuk"), ("tire", "Tire"), ("torbali", "Torbalı"), ("urla", "Urla"),
]

AREAS = [
    ("translation", "Tercüme", "Translation"),
    ("workshops", "Atölye çalışmaları", "Workshops"),
    ("field-research", "Saha araştırmaları", "Field research"),
    ("social-media", "Sosyal medya yönetimi", "Social-media management"),
    ("project-design", "Proje tasarımı ve yönetimi", "Project design and management"),
    ("campaigns", "Kampanya organizasyonu", "Campaign organisation"),
    ("education-support", "Eğitim desteği", "Education support"),
    ("digital-design", "Dijital tasarım", "Digital design"),
    ("guidance", "Rehberlik", "Guidance and mentoring"),
]

LANGUAGES = [
    ("tr", "Türkçe", "Turkish"),
    ("kmr", "Kürtçe (Kurmancî)", "Kurdish (Kurmanji)"),
    ("zza", "Kürtçe (Zazaca)", "Kurdish (Zazaki)"),
    ("ar", "Arapça", "Arabic"),
    ("en", "İngilizce", "English"),
    ("fa", "Farsça", "Persian"),
    ("de", "Almanca", "German"),
    ("fr", "Fransızca", "French"),
    ("ru", "Rusça", "Russian"),
    ("tid", "Türk İşaret Dili", "Turkish Sign Language"),
    ("es", "İspanyolca", "Spanish"),
    ("uk", "Ukraynaca", "Ukrainian"),
]


def load(apps, schema_editor):
    District = apps.get_model("reference", "District")
    VolunteerArea = apps.get_model("reference", "VolunteerArea")
    Language = apps.get_model("reference", "Language")
    for slug, name in DISTRICTS:
        District.objects.update_or_create(
            slug=slug, defaults={"name_tr": name, "name_en": name, "kind": "district", "position": 0}
        )
    District.objects.update_or_create(
        slug="outside-izmir",
        defaults={"name_tr": "İzmir dışı", "name_en": "Outside İzmir", "kind": "outside", "position": 1},
    )
    District.objects.update_or_create(
        slug="online",
        defaults={"name_tr": "Yalnızca çevrim içi", "name_en": "Online only", "kind": "online",
                  "position": 2},
    )
    for position, (slug, tr, en) in enumerate(AREAS):
        VolunteerArea.objects.update_or_create(
            slug=slug, defaults={"name_tr": tr, "name_en": en, "position": position}
        )
    for position, (code, tr, en) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code, defaults={"name_tr": tr, "name_en": en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

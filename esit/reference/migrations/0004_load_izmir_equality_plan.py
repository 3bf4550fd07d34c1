"""İzmir's equality plan areas and goals (docs/reports.md, "Equality plan tags").

Source: İzmir Büyükşehir Belediyesi, Kadın ve Aile Hizmetleri Dairesi Başkanlığı, Yerel Eşitlik
Eylem Planı (YEEP) 2025–2027, "Toplumsal Cinsiyet Eşitliği Temelinde Herkes İçin Adil Bir Kent".
The areas follow the plan's thematic frame (the one local equality action plans in Türkiye
share with the European Charter for Equality of Women and Men in Local Life); the goals are
short working titles for tagging, not the plan's full wording: staff keep them in line with
the council-approved text in the admin. Rows are matched by slug, so re-running changes
nothing and a staff edit is never overwritten.
"""

from django.db import migrations

PLAN = [
    (
        "governance",
        "1",
        "Katılımcı ve eşitlikçi yerel yönetişim",
        "Participatory and equal local governance",
        [
            (
                "decision-making",
                "1.1",
                "Kadınların yerel karar alma süreçlerine eşit katılımı",
                "Women's equal participation in local decision-making",
            ),
            (
                "gender-budgeting",
                "1.2",
                "Toplumsal cinsiyete duyarlı planlama ve bütçeleme",
                "Gender-responsive planning and budgeting",
            ),
        ],
    ),
    (
        "violence",
        "2",
        "Kadına yönelik şiddetle mücadele",
        "Combating violence against women",
        [
            ("prevention", "2.1", "Şiddeti önleme ve farkındalık", "Prevention and awareness"),
            (
                "support-services",
                "2.2",
                "Destek hizmetlerine erişim",
                "Access to support services",
            ),
        ],
    ),
    (
        "economy",
        "3",
        "Ekonomik hayata eşit katılım",
        "Equal participation in economic life",
        [
            (
                "employment",
                "3.1",
                "Kadın istihdamı ve girişimciliği",
                "Women's employment and entrepreneurship",
            ),
            ("care-work", "3.2", "Bakım emeğinin paylaşılması", "Sharing care work"),
        ],
    ),
    (
        "education",
        "4",
        "Eğitim",
        "Education",
        [
            (
                "equality-education",
                "4.1",
                "Toplumsal cinsiyet eşitliği eğitimi",
                "Gender equality education",
            ),
            (
                "girls-education",
                "4.2",
                "Kız çocuklarının eğitime erişimi",
                "Girls' access to education",
            ),
        ],
    ),
    (
        "health",
        "5",
        "Sağlık",
        "Health",
        [
            (
                "womens-health",
                "5.1",
                "Kadın sağlığı hizmetlerine erişim",
                "Access to women's health services",
            ),
        ],
    ),
    (
        "safe-city",
        "6",
        "Güvenli ve erişilebilir kent",
        "A safe and accessible city",
        [
            (
                "public-spaces",
                "6.1",
                "Güvenli ve erişilebilir kamusal alanlar",
                "Safe and accessible public spaces",
            ),
            ("transport", "6.2", "Eşitlikçi ulaşım", "Equal access to transport"),
        ],
    ),
    (
        "culture",
        "7",
        "Kültür, sanat, spor ve medya",
        "Culture, arts, sport and media",
        [
            (
                "participation-culture",
                "7.1",
                "Kadınların kültür, sanat ve spora katılımı",
                "Women's participation in culture, arts and sport",
            ),
            (
                "non-sexist-communication",
                "7.2",
                "Cinsiyetçi olmayan dil ve iletişim",
                "Non-sexist language and communication",
            ),
        ],
    ),
]


def load(apps, schema_editor):
    PlanArea = apps.get_model("reference", "PlanArea")
    PlanGoal = apps.get_model("reference", "PlanGoal")
    for position, (slug, code, name_tr, name_en, goals) in enumerate(PLAN):
        area, _created = PlanArea.objects.get_or_create(
            slug=slug,
            defaults={"code": code, "name_tr": name_tr, "name_en": name_en, "position": position},
        )
        for goal_position, (goal_slug, goal_code, goal_tr, goal_en) in enumerate(goals):
            PlanGoal.objects.get_or_create(
                slug=f"{slug}-{goal_slug}",
                defaults={
                    "area": area,
                    "code": goal_code,
                    "name_tr": goal_tr,
                    "name_en": goal_en,
                    "position": goal_position,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_plan_areas_and_goals")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

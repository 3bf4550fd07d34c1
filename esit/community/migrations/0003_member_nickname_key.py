"""Each member's nickname gets its folded key, unique among those who chose one: two people
choosing one name at the same time are now kept apart by the database, and the check reads
one row by an index instead of every member's nickname."""

from django.db import migrations, models

from esit.community.nicknames import key


def fill_keys(apps, schema_editor):
    """The key of every nickname chosen so far. Should two members already share one (the
    race this closes), the first keeps the key and the later ones keep their nickname with
    no key: nothing is lost, and the rule holds from their next change."""
    Member = apps.get_model("community", "Member")
    taken = set()
    for member in Member.objects.exclude(nickname="").order_by("pk").iterator():
        folded = key(member.nickname)
        if folded in taken:
            continue
        taken.add(folded)
        member.nickname_key = folded
        member.save(update_fields=["nickname_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_idea_search_trigram_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="member",
            name="nickname_key",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="member",
            constraint=models.UniqueConstraint(
                condition=models.Q(("nickname_key", ""), _negated=True),
                fields=("nickname_key",),
                name="member_nickname_unique",
            ),
        ),
    ]

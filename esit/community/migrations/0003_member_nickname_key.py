"""Each member's nickname gets its folded key, unique among those who chose one: two people
choosing one name at the same time are now kept apart by the database, and the check reads
one row by an index instead of every member's nickname."""

import unicodedata

from django.db import migrations, models

_LOWER = str.maketrans({"İ": "i", "I": "ı"})  # esit/core/turkish.py `lower`, Turkish first
_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")


def fold(value: str) -> str:
    """esit/community/nicknames.py `fold` as it was when the keys were first filled: a later
    change of that rule comes with its own migration."""
    lowered = unicodedata.normalize("NFC", value).translate(_LOWER).lower()
    text = unicodedata.normalize("NFKD", lowered.translate(_ASCII))
    text = "".join(char for char in text if not unicodedata.combining(char))
    for mark in ".-_":
        text = text.replace(mark, " ")
    return " ".join(text.split())


def fill_keys(apps, schema_editor):
    """The key of every nickname chosen so far. Should two members already share one (the
    race this closes), the first keeps the key and the later ones keep their nickname with
    no key: nothing is lost, and the rule holds from their next change."""
    Member = apps.get_model("community", "Member")
    taken = set()
    keyed = []
    for member in Member.objects.exclude(nickname="").order_by("pk").iterator():
        folded = fold(member.nickname)
        # A name of marks alone ("...") folds to nothing: it keeps no key, as no nickname.
        if not folded or folded in taken:
            continue
        taken.add(folded)
        member.nickname_key = folded
        keyed.append(member)
    Member.objects.bulk_update(keyed, ["nickname_key"], batch_size=1000)


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

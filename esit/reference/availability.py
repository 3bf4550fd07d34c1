"""Weekly availability: seven days by three parts of the day, kept as a bitmask.

A single integer per person keeps 100k profiles cheap to store and lets
matching filter in the database (`availability & mask`) on SQLite and
PostgreSQL alike.
"""

from django.utils.translation import gettext_lazy as _

DAYS = [
    ("mon", _("Pazartesi")),
    ("tue", _("Salı")),
    ("wed", _("Çarşamba")),
    ("thu", _("Perşembe")),
    ("fri", _("Cuma")),
    ("sat", _("Cumartesi")),
    ("sun", _("Pazar")),
]
PARTS = [
    ("morning", _("Sabah")),
    ("afternoon", _("Öğleden sonra")),
    ("evening", _("Akşam")),
]

# "mon_morning" -> bit 0, "mon_afternoon" -> bit 1, ... "sun_evening" -> bit 20.
SLOTS = [f"{day}_{part}" for day, _day_label in DAYS for part, _part_label in PARTS]
_BIT = {slot: 1 << index for index, slot in enumerate(SLOTS)}
ALL = (1 << len(SLOTS)) - 1  # every slot of the week


def slot_choices():
    return [
        (f"{day}_{part}", f"{day_label} {part_label}")
        for day, day_label in DAYS
        for part, part_label in PARTS
    ]


def to_mask(slots) -> int:
    mask = 0
    for slot in slots:
        mask |= _BIT[slot]
    return mask


def from_mask(mask: int) -> list[str]:
    return [slot for slot in SLOTS if mask & _BIT[slot]]


def grid(mask: int):
    """Rows of (day label, [(part label, available)]) for showing a week."""
    return [
        (
            day_label,
            [(part_label, bool(mask & _BIT[f"{day}_{part}"])) for part, part_label in PARTS],
        )
        for day, day_label in DAYS
    ]

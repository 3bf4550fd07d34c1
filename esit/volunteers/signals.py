"""What the volunteers app tells higher apps, which react without volunteers importing them.

`volunteer_left`: a volunteer has left the programme (`services.withdraw_from_programme`).

- Sent after the change has committed, never for one that rolled back, with one keyword
  argument, `volunteer_id` (an id, not a row: each receiver loads what it needs, fresh).
  `sender` is `Volunteer`.
- Sent once per leaving, through `send_robust`: every receiver runs even when another one
  fails, and a failure is logged, never raised to the person who left.
- Receivers run one after the other in the same process, each outside any transaction of
  the sender: a receiver that writes opens its own (activities frees the places the
  volunteer still held in shifts and tasks, locking her row first, docs/activities.md).
- Connected in the receiving app's `AppConfig.ready()`, with a `dispatch_uid`.
"""

from django.db import transaction
from django.dispatch import Signal

from .models import Volunteer

volunteer_left = Signal()


def send_after_commit(signal: Signal, **arguments) -> None:
    """Send `signal` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: signal.send_robust(sender=Volunteer, **arguments), robust=True)

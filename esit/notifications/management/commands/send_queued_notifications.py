from django.core.management.base import BaseCommand

from esit.notifications import services


class Command(BaseCommand):
    help = (
        "Enqueue again notifications whose task was lost (a crashed worker, a failed try) "
        "and mark as failed those a dead worker claimed. Run it every few minutes."
    )

    def handle(self, *args, **options):
        result = services.requeue_stale()
        self.stdout.write(
            f"{result.requeued} notification(s) enqueued again, {result.failed} marked failed."
        )

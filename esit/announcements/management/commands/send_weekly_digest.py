from django.core.management.base import BaseCommand

from esit.announcements import digest


class Command(BaseCommand):
    help = (
        "Queue the weekly digest for every active volunteer with something new (activities "
        "in her areas and district, announcements for her). Run it once a week; a second run "
        "in the same week queues nothing new."
    )

    def handle(self, *args, **options):
        queued = digest.queue_digests()
        self.stdout.write(f"{queued} digest(s) queued.")

from django.core.management.base import BaseCommand

from esit.kvkk.incidents import remind_due


class Command(BaseCommand):
    help = (
        "Remind administrators of personal-data breaches not yet notified to the KVK Board "
        "whose 72-hour deadline is a day away or past. Run it hourly; safe to run twice."
    )

    def handle(self, *args, **options):
        count = remind_due()
        self.stdout.write(f"{count} incident(s) reminded.")

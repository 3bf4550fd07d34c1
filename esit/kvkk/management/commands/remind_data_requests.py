from django.core.management.base import BaseCommand

from esit.kvkk.requests import remind_due


class Command(BaseCommand):
    help = "Remind the staff who handle KVKK requests of those whose deadline is a week away."

    def handle(self, *args, **options):
        count = remind_due()
        self.stdout.write(f"{count} request(s) reminded.")

from django.core.management.base import BaseCommand

from esit.activities.services.signups import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder, once, to every confirmed volunteer whose shift starts within "
        "24 hours, with a one-click link to confirm they are coming. Meant for cron every "
        "few minutes (for example */5 * * * *): running it again, or twice at once, never "
        "sends a reminder twice."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")

from django.core.management.base import BaseCommand

from esit.activities.services import records


class Command(BaseCommand):
    help = (
        "Rebuild every volunteer's record (attended and decided shifts, recent approved "
        "hours) from the sign-ups and hours, which matching reads for speed. Meant for a "
        "daily timer, as the window of recent hours moves with the days; a record that is "
        "out of date is never used, so a missed run only makes matching slower."
    )

    def handle(self, *args, **options):
        count = records.refresh_all()
        self.stdout.write(f"{count} record(s) rebuilt.")

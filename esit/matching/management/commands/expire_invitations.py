from django.core.management.base import BaseCommand

from esit.matching.services import expire_invitations


class Command(BaseCommand):
    help = (
        "Mark every unanswered invitation past its expiry as expired, so the stored status "
        "is true for reports and exports (pages and links treat them as expired already). "
        "Meant for a daily timer; running it again changes nothing."
    )

    def handle(self, *args, **options):
        expired = expire_invitations()
        self.stdout.write(f"{expired} invitation(s) expired.")

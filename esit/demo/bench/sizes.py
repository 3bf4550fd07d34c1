"""How much of the city the bench builds at a factor: 1.0 is İzmir at full size
(docs/performance.md, "The data")."""

from dataclasses import dataclass

# The markers by which seed_bench knows its own rows and `bench` finds what it measures.
BENCH_DOMAIN = "bench.esit.invalid"
STAFF_EMAIL = f"yonetici@{BENCH_DOMAIN}"
BUSY_VOLUNTEER_EMAIL = f"yogun.gonullu@{BENCH_DOMAIN}"
BIG_ACTIVITY_TITLE = "Kent dayanışma buluşması"

FULL = {
    "volunteers": 100_000,
    "applications": 20_000,
    "activities": 5_000,
    "shifts": 50_000,
    "signups": 1_000_000,
    "big_roster": 20_000,
    "ideas": 20_000,
    "announcements": 1_000,
}
SHIFTS_PER_ACTIVITY = 10
BUSY_SIGNUPS = 500  # the volunteer whose /me/ is measured
# Of the activities, the share already over (its attended sign-ups have hours).
PAST_SHARE = 0.55
ATTENDED_SHARE = 0.9


@dataclass(frozen=True)
class Sizes:
    factor: float
    volunteers: int
    applications: int
    activities: int
    signups: int
    big_roster: int
    ideas: int
    announcements: int

    @classmethod
    def at(cls, factor: float) -> "Sizes":
        def scaled(name: str, least: int = 1) -> int:
            return max(least, round(FULL[name] * factor))

        activities = scaled("activities", least=2)
        volunteers = scaled("volunteers", least=SHIFTS_PER_ACTIVITY)
        return cls(
            factor=factor,
            volunteers=volunteers,
            applications=scaled("applications"),
            activities=activities,
            signups=scaled("signups"),
            # One shift never holds the same volunteer twice.
            big_roster=min(scaled("big_roster"), volunteers * SHIFTS_PER_ACTIVITY),
            ideas=scaled("ideas"),
            announcements=scaled("announcements"),
        )

    @property
    def shifts(self) -> int:
        return self.activities * SHIFTS_PER_ACTIVITY

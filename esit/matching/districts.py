"""District centres and the distances between them (data/district_centres.csv).

Matching ranks a volunteer who lives nearer the activity higher. The distance between
two districts is the great-circle distance between their centres, computed here once per
process for every pair (30 districts: 900 numbers) and handed to the database as a
CASE expression, so the ranking itself needs no geometry in SQL and reads the same on
SQLite and PostgreSQL.
"""

import csv
import math
from functools import cache
from pathlib import Path

CENTRES_FILE = Path(__file__).parent / "data" / "district_centres.csv"
EARTH_RADIUS_KM = 6371.0


@cache
def centres() -> dict[str, tuple[float, float]]:
    """slug -> (latitude, longitude) of every district the file names."""
    with CENTRES_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["slug"]: (float(row["latitude"]), float(row["longitude"])) for row in rows}


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def km(from_slug: str, to_slug: str) -> int | None:
    """Whole kilometres between two districts' centres; None when one has no centre."""
    known = centres()
    if from_slug not in known or to_slug not in known:
        return None
    return round(km_between(known[from_slug], known[to_slug]))

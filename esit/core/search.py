"""Turkish-aware search: the one module every list's search goes through.

Rows keep a folded copy of what may be searched (`search_text`, built with
`esit.core.turkish.search_key`), so "IŞIL" finds "ışıl" and "İzmir" finds
"izmir" on SQLite and PostgreSQL alike, and a query is folded the same way
before it is compared. Every word must appear; LIKE wildcards in a query are
plain text (Django escapes them).
"""

from django.db.models import QuerySet

from .turkish import fold

# Nobody types more, and each word is one more condition.
MAX_WORDS = 6


def search_words(text: str) -> list[str]:
    """The folded words of a query, at most MAX_WORDS."""
    return fold(text or "").split()[:MAX_WORDS]


def matching(queryset: QuerySet, text: str, *, column: str = "search_text") -> QuerySet:
    """Rows whose folded `column` (or a path to one: "volunteer__search_text") holds every word."""
    for word in search_words(text):
        queryset = queryset.filter(**{f"{column}__contains": word})
    return queryset

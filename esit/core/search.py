"""Turkish-aware search: the one module every list's search goes through.

Rows keep a folded copy of what may be searched (`search_text`, built with
`esit.core.turkish.search_key`: lower-cased the Turkish way, so "IŞIL" is stored
"ışıl" and "İzmir" "izmir"), and a query is folded the same way. A row matches
when every word of the query is found in it (docs/search.md):

- **as a piece of text**, where a plain letter of the query also finds its Turkish
  twin with a mark (i/ı, s/ş, g/ğ, c/ç, o/ö, u/ü), a marked letter only itself, but
  for ı, which also finds i (a capital I typed the English way is folded to ı):
  "kadin" finds "kadın", "isik" and "ışık" find "IŞIK", "istanbul" and "ISTANBUL"
  find "İstanbul" (folded "istanbul"), "şahin" does not find "Sahin" (but as a typo
  on PostgreSQL, below). On PostgreSQL
  the trigram GIN index on each `search_text` serves it (pg_trgm reads regular
  expressions), on SQLite it is a scan of the small table;
- **by its root**: a plural ending and what follows it is cut ("kadınlar" finds
  "kadın", "gönüllülerimiz" finds "gönüllü"), on both databases;
- **with a typo** (PostgreSQL, words of five letters or more, letters only: not an
  address or a number): pg_trgm's word similarity ("bornva" finds "Bornova"), served by
  the same index.

On PostgreSQL a row also matches when the Turkish full-text configuration finds
the query in it (`to_tsvector('turkish', search_text) @@ plainto_tsquery(...)`,
served by an expression GIN index): the snowball stemmer knows case endings
("dayanışmaya" finds "dayanışma"). Folding first loses nothing there: the folded
text keeps ı, ğ, ş, ç, ö and ü, which the stemmer expects. The stemmer alone is not
enough, which is why the roots above exist: it stems "kadın" to "kadı" and
"kadınlar" to "kadın", so the two would not find each other.

A query is bounded: at most MAX_WORDS words of at most MAX_WORD_LENGTH letters.
LIKE and regular-expression characters in a query are plain text.
"""

from django.db import connections
from django.db.models import BooleanField, Expression, F, Q, QuerySet, Value
from django.db.models.expressions import Func

from .turkish import fold

# Nobody types more, and each word is one more condition.
MAX_WORDS = 6
MAX_WORD_LENGTH = 40
# Shorter words are too often "similar" to something unrelated.
TYPO_MIN_LENGTH = 5

# A plain letter of a query also finds its Turkish marked twin (a keyboard without Turkish
# letters, a quick phone); a marked letter finds only itself (she typed what she meant).
# The dotless ı also finds i: a query's "ı" is often a capital I typed the English way
# ("ISTANBUL", folded the Turkish way to "ıstanbul").
_ALIKE = {
    plain: f"[{plain}{marked}]"
    for plain, marked in [("i", "ı"), ("s", "ş"), ("g", "ğ"), ("c", "ç"), ("o", "ö"), ("u", "ü")]
} | {"ı": "[ıi]"}
_PLURALS = ("lar", "ler")
ROOT_MIN_LENGTH = 3


def search_words(text: str) -> list[str]:
    """The folded words of a query, at most MAX_WORDS of at most MAX_WORD_LENGTH letters."""
    return [word[:MAX_WORD_LENGTH] for word in fold(text or "").split()[:MAX_WORDS]]


def word_root(word: str) -> str:
    """The word without its plural ending and what follows ("kadınların" → "kadın"), or the
    word itself when it has none after at least ROOT_MIN_LENGTH letters.

    Turkish adds case and possessive endings after the plural, so cutting at the last
    "lar"/"ler" leaves the noun a row is likely to hold.
    """
    cut = max(word.rfind(plural) for plural in _PLURALS)
    return word[:cut] if cut >= ROOT_MIN_LENGTH else word


def pattern(word: str) -> str:
    """A regular expression finding `word` as plain text, its plain letters also as their
    Turkish twins with a mark ("kadin" → "kad[iı]n"). Every character that is not a letter
    or a digit is escaped, which both PostgreSQL's and Python's regular expressions read as
    that character."""
    return "".join(_ALIKE.get(ch, ch if ch.isalnum() else "\\" + ch) for ch in word)


class _WordSimilar(Func):
    """`word <% column`: pg_trgm's word similarity above its threshold (0.6 by default)."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _TurkishFullText(Func):
    """The column's Turkish tsvector matches the query; the expression is the one the GIN
    indexes are built on (esit/core/postgres.py, `full_text_index`)."""

    template = (
        "(to_tsvector('turkish'::regconfig, %(column)s) "
        "@@ plainto_tsquery('turkish'::regconfig, %(query)s))"
    )
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, query = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        query_sql, query_params = compiler.compile(query)
        sql = self.template % {"column": column_sql, "query": query_sql}
        return sql, [*column_params, *query_params]


def _word_condition(word: str, column: str, *, postgres: bool) -> Q:
    condition = Q(**{f"{column}__regex": pattern(word)})
    root = word_root(word)
    if root != word:
        condition |= Q(**{f"{column}__regex": pattern(root)})
    # Only words of letters: an address or a number shares most of its trigrams with every
    # other one ("kisi12@example.org", "kisi13@example.org"), so similar would find them all.
    if postgres and len(word) >= TYPO_MIN_LENGTH and word.isalpha():
        similar: Expression = _WordSimilar(Value(word), F(column))
        condition |= Q(similar)
    return condition


def condition(text: str, *, column: str = "search_text", postgres: bool) -> Q | None:
    """The condition `matching` filters with, or None for a query without words."""
    words = search_words(text)
    if not words:
        return None
    every_word = Q()
    for word in words:
        every_word &= _word_condition(word, column, postgres=postgres)
    if postgres:
        return every_word | Q(_TurkishFullText(F(column), Value(" ".join(words))))
    return every_word


def matching(queryset: QuerySet, text: str, *, column: str = "search_text") -> QuerySet:
    """Rows whose folded `column` (or a path to one: "volunteer__search_text") matches every
    word of `text`, the way the module docstring says; the queryset unchanged for no words."""
    postgres = connections[queryset.db].vendor == "postgresql"
    found = condition(text, column=column, postgres=postgres)
    return queryset if found is None else queryset.filter(found)

"""Open data: the public API of aggregates and /open-data/ (docs/opendata.md)."""

"""Input parsing for each part of activities (docs/activities.md); rules live in services."""

"""The solidarity network: ideas, support, discussion (docs/community.md)."""

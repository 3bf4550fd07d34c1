"""The confidential safety channel (docs/safety.md)."""

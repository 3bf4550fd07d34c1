"""The resource library: guides, documents and links (docs/resources.md)."""

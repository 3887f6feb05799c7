"""report stage (being built)."""

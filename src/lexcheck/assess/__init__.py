"""assess stage (being built)."""

"""matching stage (being built)."""

"""recommend stage (being built)."""

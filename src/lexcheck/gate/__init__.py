"""gate stage (being built)."""

"""Git access for non-technical editors (Qt-free)."""

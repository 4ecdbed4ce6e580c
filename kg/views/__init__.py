"""views stage."""

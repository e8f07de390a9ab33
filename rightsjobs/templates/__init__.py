"""Jinja2 templates of the package (coverage report)."""

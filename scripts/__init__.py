"""Maintenance scripts, run from the project root with the project's Python."""

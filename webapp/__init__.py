"""Loupe."""

"""Span repair: find mis-decoded spans in a line and repair them by exact round trips."""

"""Rasd: who said what, about where, and when, in Arabic news about the Syria conflict."""

"""Tests for doseconv. Hypothesis runs without a per-example deadline: CI machines are shared and timing varies."""

from hypothesis import settings

settings.register_profile("doseconv", deadline=None)
settings.load_profile("doseconv")

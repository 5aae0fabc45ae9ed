"""The places a story is about, for "the state", "the county", "the city" and for names several states share."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StoryPlaces"]


@dataclass(frozen=True)
class StoryPlaces:
    """The story's own places: its state (a postal code), the other states it names, its county and its city.

    ``county`` and ``city`` are place names as a reader would write them ("Butler County, Ohio", "Columbus,
    Ohio"); ``basis`` says where each came from (given, dateline, named in the story), for the output.
    """

    state: str | None = None
    states: tuple[str, ...] = ()
    county: str | None = None
    city: str | None = None
    basis: tuple[tuple[str, str], ...] = ()

    def said(self, what: str) -> str:
        """Where the story's ``what`` ("state", "county", "city") was read: 'the dateline' …"""
        return dict(self.basis).get(what, "")

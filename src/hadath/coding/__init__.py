"""Event coding learned from annotated real news: trigger detection, factuality and argument linking as trained
components beside the rules of :mod:`hadath.stages.events` (see ``annotations``, ``features``, ``learned``)."""

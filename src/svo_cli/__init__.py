"""svo: agreement-lifecycle checker for the health- and social-care cooperation in Östergötland."""

__version__ = "0.3.0"

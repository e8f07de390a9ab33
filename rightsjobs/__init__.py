"""rightsjobs: human-rights job vacancies, collected, understood, matched and mailed."""

__version__ = "0.1.0"

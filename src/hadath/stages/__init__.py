"""Pipeline stages. Each is a callable ``Document -> Document`` that adds annotations and never reaches back."""

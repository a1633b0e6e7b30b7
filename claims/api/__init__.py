"""The REST API under /api/ (Django REST framework; see docs/api.md): a door for machines, thin
as the admin is: each view parses its input and calls the workflow or intake."""

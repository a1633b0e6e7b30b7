"""Evidence kept honest: its links checked politely, and broken ones shown as such."""

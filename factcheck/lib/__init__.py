"""Tools shared by more than one app: fetching URLs, bulk inserts, the page cache, the rules for
text and web addresses, the database's refusals in words, request security, backups and the
read-only admin mixin. Nothing here imports an app's models."""

"""Search, pure: text → the terms a claim is found by, and a reader's query → what to look for.

No Django here (like `claims/deadlines/`): both databases are handed the same terms, written by
the same Python, so SQLite's FTS5 and PostgreSQL's full-text search give the same claims.

- `text.py` folds text one way (Unicode NFKC, case, Arabic diacritics and letter forms, Latin
  accents) and cuts it into words;
- `stemmers.py` gives each language's stemmer (Snowball for English, French, Spanish and German,
  a light stemmer for Arabic);
- `terms.py` makes a claim's document (its words and their stems) and a query's words, and
  writes a query in FTS5's and in PostgreSQL's syntax, every word quoted.
"""

"""`make bench`: measure the workbench, each figure against a baseline taken in the same run.

BENCH_SCALE=small (about 10,000 claims, the default) or full (about 500,000). The database is
BENCH_DATABASE_URL; by default a PostgreSQL database `factcheck_bench_<scale>` when PostgreSQL
answers on 127.0.0.1:5432, else a SQLite file under var/; the page cache is Redis database 13
when Redis answers on 127.0.0.1:6379 (REDIS_URL overrides). Generated data is kept between runs.
Writes bench/results.json ({"metrics": [{"name", "value", "unit", "detail"}]}) and prints a table.
Benchmarks measure and report; they do not pass or fail.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCALE = os.environ.get("BENCH_SCALE", "small")


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    if _answers(5432):
        return f"postgres://postgres@127.0.0.1:5432/factcheck_bench_{SCALE}"
    return f"sqlite:///{ROOT / 'var' / f'bench-{SCALE}.sqlite3'}"


def _create_postgres_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    os.environ["DATABASE_URL"] = database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    # The bench's Celery workers and the tasks it sends use queues of their own.
    os.environ.setdefault("CELERY_QUEUE", "bench")
    if "REDIS_URL" not in os.environ and _answers(6379):
        os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/13"  # the page cache, as in production
    _create_postgres_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from bench import measure

    metrics = measure.run_all(SCALE)
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps({"metrics": metrics}, indent=2) + "\n")
    print(measure.table(metrics))
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

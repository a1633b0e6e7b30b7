"""The measurements of `make bench`; each ratio's baseline is measured in the same run."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from bench.generate import SCALES, generate
from bench.outbox import celery_worker, outbox_rates
from bench.processes import running

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = int(os.environ.get("BENCH_SAMPLES", 150))
SWEEP_N = 10_000


def metric(name: str, value: float, unit: str, detail: str) -> dict:
    return {"name": name, "value": round(value, 3), "unit": unit, "detail": detail}


def run_all(scale: str) -> list[dict]:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    ensure_data(scale)
    verdict_url, search_url = sample_urls()
    metrics = [*deadline_extraction(), *query_counts(verdict_url, search_url)]
    with web_server() as (port, pids):
        metrics += page_latencies(port, verdict_url, search_url)
        metrics += throughput(port, verdict_url)
        metrics.append(metric("web_process_rss", rss_mb(pids), "MB", "one gunicorn worker"))
    with web_server(PUBLIC_PAGE_CACHE_SECONDS="0") as (port, _):
        metrics += page_latencies(port, verdict_url, search_url, suffix="_uncached")
    metrics.append(metric("worker_process_rss", worker_rss(), "MB", "a Celery worker (solo)"))
    metrics += outbox_rates(scale)
    metrics += sweep_vs_bulk_update()
    for m in metrics:
        m["detail"] = f"{m['detail']} [{scale}, {connection.vendor}]"
    return metrics


# --- Data -------------------------------------------------------------------------------------


def ensure_data(scale: str) -> None:
    from claims.models import Claim

    wanted = SCALES[scale]
    have = Claim.objects.filter(slug__startswith="claim-").count()
    if have == wanted:
        return
    print(f"generating {wanted:,} claims (kept for the next run)…", flush=True)
    reset_database()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(scale)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"generated in {time.perf_counter() - started:.0f}s", flush=True)


def reset_database() -> None:
    """An empty database of the same name, so that the data migrations run again."""
    settings = connection.settings_dict
    connection.close()
    if connection.vendor == "sqlite":
        Path(settings["NAME"]).unlink(missing_ok=True)
        return
    import psycopg

    admin_db = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/postgres"
    with psycopg.connect(admin_db, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{settings["NAME"]}"')


def sample_urls() -> tuple[str, str]:
    from claims.models import Claim, Source

    claim = (
        Claim.objects.public()
        .filter(tracking=Claim.Tracking.RESOLVED, slug__startswith="claim-")
        .order_by("pk")
        .first()
    )
    source = Source.objects.order_by("pk").first()
    return (
        claim.get_absolute_url(),
        f"/claims/?q=bridge+reopen&tracking=watching&source={source.pk}",
    )


# --- Deadline extraction ------------------------------------------------------------------------


def _sentences() -> list[tuple[str, str, dt.date]]:
    dev = ROOT.parent / "shared" / "data" / "deadlines-dev.jsonl"
    lines = [json.loads(line) for line in dev.read_text().splitlines()] if dev.exists() else []
    sentences = [
        (x["text"], _language(x["text"]), dt.date.fromisoformat(x["published"])) for x in lines
    ]
    from bench.generate import FACTS, PROMISES, SUBJECTS

    for i, template in enumerate(PROMISES * 6 + FACTS * 6):
        text = f"{SUBJECTS[i % len(SUBJECTS)]} {template.format(n=i + 3, y=2026)}, officials said."
        sentences.append((text, "en", dt.date(2025, 6, 30)))
    return sentences


def _language(text: str) -> str:
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return "ar"
    lowered = f" {text.lower()} "
    for lang, marker in (("es", " el "), ("fr", " le "), ("de", " der ")):
        if marker in lowered:
            return lang
    return "en"


def _per_second(fn, sentences, minimum_seconds: float = 2.0) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < minimum_seconds:
        for item in sentences:
            fn(*item)
        done += len(sentences)
    return done / (time.perf_counter() - started)


def deadline_extraction() -> list[dict]:
    from dateparser.search import search_dates

    from claims.deadlines import find_deadlines

    sentences = _sentences()
    ours = _per_second(lambda t, lang, p: find_deadlines(t, p, lang), sentences)
    theirs = _per_second(
        lambda t, lang, p: search_dates(
            t, languages=[lang], settings={"RELATIVE_BASE": dt.datetime.combine(p, dt.time())}
        ),
        sentences,
    )
    return [
        metric(
            "deadline_extraction_vs_dateparser",
            ours / theirs,
            "x",
            f"{ours:,.0f} vs {theirs:,.0f} sentences/s over {len(sentences)} sentences "
            "(dateparser told the language); target >= 5.0",
        )
    ]


# --- Queries ------------------------------------------------------------------------------------


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=0)  # count what rendering the page costs
def query_counts(verdict_url: str, search_url: str) -> list[dict]:
    client = Client()
    results = []
    for name, url in (("verdict_page_queries", verdict_url), ("search_page_queries", search_url)):
        client.get(url, follow=True)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url, follow=True).status_code
        results.append(metric(name, len(queries), "queries", f"GET {url} → {status}; target <= 10"))
    return results


# --- HTTP ---------------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def web_server(**env: str):
    """gunicorn with the production settings (DEBUG off) on a free loopback port."""
    port = _free_port()
    log = ROOT / "var" / "bench-gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "factcheck.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--access-logfile",
        "-",
    ]
    with running(command, log, env) as server:
        _wait_for(port)
        time.sleep(0.5)
        children = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        yield port, [int(pid) for pid in children]


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            _get(port, "/healthz/")
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start; see var/bench-gunicorn.log")


def _get(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> float:
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.status >= 300:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return elapsed


def page_latencies(port: int, verdict_url: str, search_url: str, suffix: str = "") -> list[dict]:
    """Median and p95 of each page against the trivial view; `suffix` names a variant run."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = {"trivial": "/healthz/", "verdict": verdict_url, "search": search_url}
    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(10):  # warm up every worker's caches and connections
        for path in paths.values():
            _get(port, path, conn)
    for _ in range(SAMPLES):  # interleaved, so drift hits each alike
        for name, path in paths.items():
            times[name].append(_get(port, path, conn))
    median = {name: statistics.median(t) for name, t in times.items()}
    p95 = {name: statistics.quantiles(t, n=20)[-1] for name, t in times.items()}
    ms = {
        name: f"median {median[name] * 1000:.2f} ms, p95 {p95[name] * 1000:.2f} ms"
        for name in paths
    }
    cache = "page cache off" if suffix else "page cache on (Redis)"
    targets = ("", "") if suffix else ("; target <= 2.0", "; target <= 3.0")
    results = [
        metric(
            f"verdict_page{suffix}_vs_trivial_view",
            median["verdict"] / median["trivial"],
            "x",
            f"{ms['verdict']} vs {ms['trivial']}, {cache}{targets[0]}",
        ),
        metric(
            f"search_page{suffix}_vs_trivial_view",
            median["search"] / median["trivial"],
            "x",
            f"{ms['search']} vs {ms['trivial']}, {cache}{targets[1]}",
        ),
        metric(f"verdict_page{suffix}_p95", p95["verdict"] * 1000, "ms", verdict_url),
        metric(f"search_page{suffix}_p95", p95["search"] * 1000, "ms", search_url),
    ]
    if not suffix:
        results.append(metric("trivial_view_p95", p95["trivial"] * 1000, "ms", "/healthz/"))
    return results


def throughput(port: int, verdict_url: str, seconds: float = 8.0) -> list[dict]:
    """Requests per second on the verdict page with 8 concurrent clients (wrk if installed)."""
    url = f"http://127.0.0.1:{port}{verdict_url}"
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{int(seconds)}s", url], capture_output=True, text=True
        ).stdout
        rps = float(
            next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec"))
        )
        tool = "wrk -t2 -c8"
    else:
        rps, tool = _python_load(port, verdict_url, seconds), "8 Python threads"
    return [
        metric(
            "verdict_page_requests_per_second",
            rps,
            "req/s",
            f"{tool}, {seconds:.0f}s on loopback, 2 gunicorn workers",
        )
    ]


def _python_load(port: int, path: str, seconds: float) -> float:
    stop = time.monotonic() + seconds
    counts = []

    def client() -> None:
        conn, n = http.client.HTTPConnection("127.0.0.1", port, timeout=30), 0
        while time.monotonic() < stop:
            _get(port, path, conn)
            n += 1
        counts.append(n)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def rss_mb(pids: list[int]) -> float:
    sizes = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return max(sizes) if sizes else 0.0


def worker_rss() -> float:
    with celery_worker("idle", CELERY_QUEUE="bench-idle") as pid:
        return rss_mb([pid])


# --- The sweep ----------------------------------------------------------------------------------


def sweep_vs_bulk_update(n: int = SWEEP_N) -> list[dict]:
    from claims import workflow
    from claims.models import Article, Claim, ClaimEvent, Notification, Source

    today = timezone.localdate()
    workflow.sweep(as_of=today)  # whatever fell due since the data was made, out of the way
    source, _ = Source.objects.get_or_create(name="Bench sweep")
    article, _ = Article.objects.get_or_create(
        url="https://bench.invalid/sweep",
        defaults={"source": source, "headline": "Sweep", "published_on": today - dt.timedelta(60)},
    )
    reviewer = Claim.objects.exclude(reviewer=None).values_list("reviewer", flat=True).first()

    def drop_scratch_claims() -> None:
        # The bench's own claims, "published" only to be swept: deleted in SQL, past the guard
        # that keeps every real public claim from being deleted.
        claims = Claim._meta.db_table
        with connection.cursor() as cursor:
            for model in (ClaimEvent, Notification):
                cursor.execute(
                    f"DELETE FROM {model._meta.db_table} WHERE claim_id IN "
                    f"(SELECT id FROM {claims} WHERE article_id = %s)",
                    [article.pk],
                )
            cursor.execute(f"DELETE FROM {claims} WHERE article_id = %s", [article.pk])

    def fresh_claims() -> list[int]:
        drop_scratch_claims()
        claims = Claim.objects.bulk_create(
            Claim(
                statement=f"Sweep {i}.",
                slug=f"sweep-{i}",
                article=article,
                stated_on=article.published_on,
                deadline=today - dt.timedelta(days=1),
                status="published",
                tracking="watching",
                reviewer_id=reviewer,
            )
            for i in range(n)
        )
        return [c.pk for c in claims]

    def timed_sweep() -> tuple[float, int]:
        fresh_claims()
        _settle()
        started = time.perf_counter()
        marked = workflow.sweep(as_of=today).marked_due
        elapsed = time.perf_counter() - started
        ClaimEvent.objects.filter(claim__article=article).delete()
        Notification.objects.filter(claim__article=article).delete()
        return elapsed, marked

    def timed_update() -> tuple[float, int]:
        ids = fresh_claims()
        _settle()
        with transaction.atomic(), connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(
                f"UPDATE {Claim._meta.db_table} SET tracking = 'due', due_since = %s "
                "WHERE tracking = 'watching' AND deadline < %s AND id BETWEEN %s AND %s",
                [timezone.now(), today, min(ids), max(ids)],
            )
            updated = cursor.rowcount
        return time.perf_counter() - started, updated

    # Five of each, interleaved, and the medians: one run is at the mercy of the machine.
    runs = [(timed_sweep(), timed_update()) for _ in range(5)]
    drop_scratch_claims()
    sweep_seconds = statistics.median(sweep for (sweep, _), _ in runs)
    update_seconds = statistics.median(update for _, (update, _) in runs)
    (_, marked), (_, updated) = runs[0]
    return [
        metric(
            "sweep_vs_bulk_update",
            sweep_seconds / update_seconds,
            "x",
            f"sweep of {marked:,} claims (flag, timeline, e-mail queued) "
            f"{sweep_seconds * 1000:.0f} ms vs one UPDATE of {updated:,} rows "
            f"{update_seconds * 1000:.0f} ms, medians of 5; target <= 3.0",
        )
    ]


def _settle() -> None:
    """Tables vacuumed and analysed before a timing, so neither side pays for the other's dead
    rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE claims_claim, claims_claimevent, claims_notification")


def table(metrics: list[dict]) -> str:
    width = max(len(m["name"]) for m in metrics)
    rows = [f"{'metric':<{width}}  {'value':>10}  unit     detail", "-" * (width + 60)]
    rows += [
        f"{m['name']:<{width}}  {m['value']:>10}  {m['unit']:<7}  {m['detail']}" for m in metrics
    ]
    return "\n".join(rows)

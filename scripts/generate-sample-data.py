#!/usr/bin/env python3
"""Generate BudgetGuard's sample traffic: 30 days of requests from four tenants, one JSON object per line.

Deterministic (fixed seed, no clock, no environment): the same command always writes the same bytes. Python 3.11+
standard library only. The output is traffic as the collector would see it, NOT priced: pricing is the pipeline's job.
See sample-data/README.md for the format and the planted cases.

    python3 scripts/generate-sample-data.py            # writes sample-data/traffic.ndjson
    python3 scripts/generate-sample-data.py --out x.ndjson
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20261101
START = datetime(2026, 11, 1, tzinfo=timezone.utc)
END = datetime(2026, 12, 1, tzinfo=timezone.utc)  # exclusive
ROUTE = "/v1/chat/completions"
UNPRICED_MODEL = "gpt-4.5-preview"

# Share of forwarded requests that fail upstream, and how (status, error_code, latency range in ms).
UPSTREAM_ERROR_RATE = 0.008
UPSTREAM_ERRORS = [
    (0.50, 429, "rate_limit_exceeded", (60, 400)),
    (0.20, 500, "server_error", (300, 3000)),
    (0.15, 502, "upstream_unavailable", (5, 80)),
    (0.15, 504, "upstream_timeout", (60000, 60000)),
]
CLIENT_ABORT_RATE = 0.004


@dataclass(frozen=True)
class ModelUse:
    model: str
    share: float
    input_range: tuple[int, int]  # all input tokens, cached included
    output_range: tuple[int, int]  # reasoning included
    cache_rate: float  # share of requests whose prompt prefix is served from cache
    cache_fraction: tuple[float, float]  # share of the input that the cached prefix covers
    reasoning_fraction: tuple[float, float]  # share of the output that is reasoning; (0, 0) for none
    ms_per_output_token: float


@dataclass(frozen=True)
class Tenant:
    name: str
    zone: str
    weekday_requests: int  # expected requests on a local weekday
    weekend_requests: int
    hourly_weights: tuple[float, ...]  # 24 weights by local hour
    stream_rate: float
    unpriced_rate: float  # share of requests sent to the unpriced preview model
    models: tuple[ModelUse, ...]


def _hours(*spans: tuple[int, int, float]) -> tuple[float, ...]:
    weights = [0.0] * 24
    for first, last, weight in spans:
        for hour in range(first, last + 1):
            weights[hour] = weight
    return tuple(weights)


TENANTS = (
    Tenant(
        name="acme-legal",
        zone="Europe/Berlin",
        weekday_requests=130,
        weekend_requests=20,
        hourly_weights=_hours((0, 6, 0.04), (7, 7, 0.3), (8, 8, 0.8), (9, 11, 1.0), (12, 12, 0.6), (13, 16, 1.0),
                              (17, 17, 0.7), (18, 18, 0.4), (19, 21, 0.2), (22, 23, 0.08)),
        stream_rate=0.03,
        unpriced_rate=0.006,
        models=(
            ModelUse("gpt-4.1", 0.4, (6000, 32000), (300, 2500), 0.75, (0.55, 0.9), (0, 0), 14.0),
            ModelUse("gpt-4.1-mini", 0.6, (3000, 18000), (150, 1200), 0.7, (0.5, 0.9), (0, 0), 6.0),
        ),
    ),
    Tenant(
        name="borealis-health",
        zone="America/Toronto",
        weekday_requests=85,
        weekend_requests=55,
        hourly_weights=_hours((0, 6, 0.3), (7, 19, 1.0), (20, 23, 0.6)),
        stream_rate=0.03,
        unpriced_rate=0.0,
        models=(
            # One integration pins a dated snapshot; the price book maps it to gpt-4o.
            ModelUse("gpt-4o-2024-08-06", 0.55, (800, 6000), (200, 1500), 0.2, (0.3, 0.7), (0, 0), 12.0),
            ModelUse("o4-mini", 0.45, (500, 4000), (800, 6000), 0.1, (0.3, 0.6), (0.55, 0.85), 8.0),
        ),
    ),
    Tenant(
        name="cinder-retail",
        zone="Asia/Shanghai",
        weekday_requests=160,
        weekend_requests=200,
        hourly_weights=_hours((0, 1, 0.5), (2, 7, 0.1), (8, 11, 0.5), (12, 13, 0.8), (14, 17, 0.6), (18, 18, 0.9),
                              (19, 22, 1.0), (23, 23, 0.8)),
        stream_rate=0.10,
        unpriced_rate=0.0,
        models=(ModelUse("gpt-4o-mini", 1.0, (250, 1600), (40, 350), 0.05, (0.6, 0.8), (0, 0), 5.0),),
    ),
    Tenant(
        name="delta-labs",
        zone="America/Los_Angeles",  # US/Pacific
        weekday_requests=95,
        weekend_requests=10,
        hourly_weights=_hours((0, 7, 0.05), (8, 8, 0.4), (9, 12, 1.0), (13, 13, 0.7), (14, 17, 1.0), (18, 20, 0.5),
                              (21, 23, 0.2)),
        stream_rate=0.05,
        unpriced_rate=0.002,
        models=(
            ModelUse("gpt-5", 0.3, (2000, 20000), (500, 8000), 0.4, (0.4, 0.8), (0.3, 0.7), 15.0),
            ModelUse("gpt-5-mini", 0.7, (800, 9000), (200, 3000), 0.35, (0.4, 0.8), (0.3, 0.6), 6.0),
        ),
    ),
)
UNPRICED_USE = ModelUse(UNPRICED_MODEL, 0, (2000, 12000), (200, 1500), 0.0, (0, 0), (0, 0), 25.0)


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; the means here are small (a few per hour)."""
    if mean <= 0:
        return 0
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def request(tenant: str, at: datetime, model: str | None, stream: bool, outcome: str, http_status: int,
            error_code: str | None = None, input_tokens: int = 0, cached: int = 0, output_tokens: int = 0,
            reasoning: int = 0, latency_ms: int = 0) -> dict:
    return {
        "ts": iso(at), "tenant": tenant, "route": ROUTE, "model": model, "stream": stream, "outcome": outcome,
        "http_status": http_status, "error_code": error_code, "input_tokens": input_tokens,
        "cached_input_tokens": cached, "output_tokens": output_tokens, "reasoning_tokens": reasoning,
        "latency_ms": latency_ms,
    }


def pick_model(rng: random.Random, tenant: Tenant) -> ModelUse:
    if rng.random() < tenant.unpriced_rate:
        return UNPRICED_USE
    roll, total = rng.random(), 0.0
    for use in tenant.models:
        total += use.share
        if roll < total:
            return use
    return tenant.models[-1]


def forwarded(rng: random.Random, tenant: Tenant, at: datetime) -> dict:
    """One request that passed the collector and went upstream, with its outcome."""
    use = pick_model(rng, tenant)
    stream = rng.random() < tenant.stream_rate
    input_tokens = rng.randint(*use.input_range)
    cached = 0
    if rng.random() < use.cache_rate and input_tokens >= 1024:
        # OpenAI caches prompt prefixes of 1024 tokens and more, in 128-token steps.
        cached = max(1024, int(input_tokens * rng.uniform(*use.cache_fraction)) // 128 * 128)
        cached = min(cached, input_tokens // 128 * 128)
    output_tokens = rng.randint(*use.output_range)
    reasoning = int(output_tokens * rng.uniform(*use.reasoning_fraction)) if use.reasoning_fraction[1] else 0
    latency = int(250 + output_tokens * use.ms_per_output_token * rng.uniform(0.7, 1.4) + input_tokens * 0.02)

    roll = rng.random()
    if roll < UPSTREAM_ERROR_RATE:
        pick, total = rng.random(), 0.0
        for share, status, code, (low, high) in UPSTREAM_ERRORS:
            total += share
            if pick < total:
                break
        return request(tenant.name, at, use.model, stream, "upstream_error", status, code,
                       latency_ms=rng.randint(low, high))
    if roll < UPSTREAM_ERROR_RATE + CLIENT_ABORT_RATE:
        if stream:
            # The stream was cut after some chunks: the prompt was processed, part of the answer generated.
            part = rng.uniform(0.1, 0.7)
            return request(tenant.name, at, use.model, True, "client_aborted", 200, "client_disconnected",
                           input_tokens, cached, int(output_tokens * part), int(reasoning * part), int(latency * part))
        return request(tenant.name, at, use.model, False, "client_aborted", 499, "client_disconnected",
                       latency_ms=int(latency * rng.uniform(0.1, 0.8)))
    return request(tenant.name, at, use.model, stream, "ok", 200, None, input_tokens, cached, output_tokens, reasoning,
                   latency)


def regular_traffic(rng: random.Random, tenant: Tenant) -> list[dict]:
    zone, weight_sum = ZoneInfo(tenant.zone), sum(tenant.hourly_weights)
    rows, hour = [], START
    while hour < END:
        local = hour.astimezone(zone)
        daily = tenant.weekend_requests if local.weekday() >= 5 else tenant.weekday_requests
        for _ in range(poisson(rng, daily * tenant.hourly_weights[local.hour] / weight_sum)):
            at = hour + timedelta(microseconds=rng.randrange(3_600_000_000))
            rows.append(forwarded(rng, tenant, at))
        hour += timedelta(hours=1)
    return rows


def planted() -> list[dict]:
    """Cases the demo and the tests look for, at fixed instants (listed in sample-data/README.md)."""
    t = datetime.fromisoformat
    rows = [
        # Refusals: a wrong key for a real tenant, a typo'd tenant that does not exist, bodies that are not JSON.
        # Refused before the body was read or parsed, so no model.
        request("acme-legal", t("2026-11-03T08:14:05.120031+00:00"), None, False, "rejected", 401, "invalid_api_key"),
        request("acme-legal", t("2026-11-03T08:14:09.877410+00:00"), None, False, "rejected", 401, "invalid_api_key"),
        request("acme-legal", t("2026-11-03T08:14:15.002264+00:00"), None, False, "rejected", 401, "invalid_api_key"),
        request("acme-legall", t("2026-11-12T13:40:00.500000+00:00"), None, False, "rejected", 401, "invalid_api_key"),
        request("acme-legall", t("2026-11-12T13:41:02.250000+00:00"), None, False, "rejected", 401, "invalid_api_key"),
        request("cinder-retail", t("2026-11-21T12:05:33.333333+00:00"), None, True, "rejected", 400, "invalid_json"),
        request("cinder-retail", t("2026-11-21T12:05:41.004512+00:00"), None, True, "rejected", 400, "invalid_json"),
        request("delta-labs", t("2026-11-25T17:30:12.718281+00:00"), None, False, "rejected", 400, "invalid_json"),
        # The collector crashed at 2026-11-18T03:12:45Z: two requests were admitted and never completed.
        request("cinder-retail", t("2026-11-18T03:12:44.101010+00:00"), "gpt-4o-mini", True, "incomplete", 0),
        request("borealis-health", t("2026-11-18T03:12:44.909090+00:00"), "o4-mini", False, "incomplete", 0),
    ]
    return rows


def final_hour_traffic(rng: random.Random, rows: list[dict]) -> list[dict]:
    """Every tenant has at least one ok request in the period's last hour, so "the last hour" queries find each."""
    last_hour = iso(END - timedelta(hours=1))
    seen = {r["tenant"] for r in rows if r["ts"] >= last_hour and r["outcome"] == "ok"}
    extra = []
    for minute, tenant in enumerate(TENANTS):
        if tenant.name not in seen:
            at = END - timedelta(minutes=50 - 10 * minute, microseconds=-rng.randrange(1_000_000))
            row = forwarded(rng, tenant, at)
            while row["outcome"] != "ok":
                row = forwarded(rng, tenant, at)
            extra.append(row)
    return extra


def generate() -> list[dict]:
    rng = random.Random(SEED)
    rows = []
    for tenant in TENANTS:
        rows.extend(regular_traffic(rng, tenant))
    rows.extend(planted())
    rows.extend(final_hour_traffic(rng, rows))
    rows.sort(key=lambda r: (r["ts"], r["tenant"]))
    return rows


def main() -> None:
    default_out = Path(__file__).resolve().parent.parent / "sample-data" / "traffic.ndjson"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out, help=f"output file (default {default_out})")
    out = parser.parse_args().out

    rows = generate()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, separators=(",", ":")) + "\n")

    print(f"wrote {len(rows)} requests, {out.stat().st_size} bytes to {out}")
    print("by tenant:   " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(r["tenant"] for r in rows).items())))
    print("by outcome:  " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(r["outcome"] for r in rows).items())))
    print("by model:    " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(str(r["model"]) for r in rows).items())))
    errors = Counter(f'{r["http_status"]}:{r["error_code"]}' for r in rows if r["outcome"] != "ok")
    print("not ok:      " + ", ".join(f"{k}={v}" for k, v in sorted(errors.items())))
    print(f"streamed:    {sum(r['stream'] for r in rows)}")


if __name__ == "__main__":
    main()

"""Retention: delete saved assessments (and their overrides) older than the configured period.

The only code that deletes entries. It inserts a deletion permit in its own transaction, which
is what lets the append-only triggers pass, and removes it before committing. The audit log is
kept (it holds no answers); the run is audited with counts, the report names case references.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select

from store import audit
from store.clock import aware
from store.config import StoreConfig
from store.models import assessments, deletion_permits, entry_marks, override_reviews, overrides


@dataclass(frozen=True)
class RetentionReport:
    cutoff: datetime
    retention_days: int
    assessments_removed: int
    overrides_removed: int
    case_refs: tuple[str, ...]  # references that had entries removed
    case_refs_emptied: tuple[str, ...]  # of those, references with no entries left
    dry_run: bool = False


def run_retention(
    engine: Engine, *, config: StoreConfig | None = None, now: datetime | None = None, actor_id: int | None = None, dry_run: bool = False
) -> RetentionReport:
    """Delete entries saved before now - retention_days; report and audit what went."""
    config = config or StoreConfig.from_env()
    now = aware(now)
    cutoff = now - timedelta(days=config.retention_days)
    old = assessments.c.created_at < cutoff
    with engine.begin() as conn:
        rows = conn.execute(select(assessments.c.id, assessments.c.case_ref).where(old)).all()
        ids = [r.id for r in rows]
        refs = sorted({r.case_ref for r in rows})
        n_over = conn.execute(select(func.count()).select_from(overrides).where(overrides.c.assessment_id.in_(ids))).scalar_one() if ids else 0
        if ids and not dry_run:
            permit = conn.execute(insert(deletion_permits).values(purpose="retention").returning(deletion_permits.c.id)).scalar_one()
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                conn.execute(
                    delete(override_reviews).where(override_reviews.c.override_id.in_(select(overrides.c.id).where(overrides.c.assessment_id.in_(part))))
                )
                conn.execute(delete(overrides).where(overrides.c.assessment_id.in_(part)))
                conn.execute(delete(entry_marks).where(entry_marks.c.assessment_id.in_(part)))  # an entry's marks go with it
                conn.execute(delete(assessments).where(assessments.c.id.in_(part)))
            conn.execute(delete(deletion_permits).where(deletion_permits.c.id == permit))
        emptied: tuple[str, ...] = ()
        if refs and not dry_run:
            left = {r[0] for r in conn.execute(select(assessments.c.case_ref).where(assessments.c.case_ref.in_(refs)).distinct())}
            emptied = tuple(r for r in refs if r not in left)
        audit.record(
            conn,
            "retention.dry_run" if dry_run else "retention.run",
            user_id=actor_id,
            detail=f"days={config.retention_days} assessments={len(ids)} overrides={n_over} case_refs={len(refs)}",
            now=now,
        )
    return RetentionReport(
        cutoff=cutoff,
        retention_days=config.retention_days,
        assessments_removed=len(ids),
        overrides_removed=n_over,
        case_refs=tuple(refs),
        case_refs_emptied=emptied,
        dry_run=dry_run,
    )

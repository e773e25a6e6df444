"""Big batches: load and run scenario files file by file, in worker processes when it pays.

durable-rules is process-global and serialised by a lock, so threads cannot help: a large batch
(trainers' exports, CI's 10,000-scenario benchmark) is split by file across spawned processes,
each with its own rules engine. Small batches, like the shipped library, run in-process,
because starting a worker costs more than they take.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Optional, cast

from pathway.catalogue import load_catalogue
from pathway.scenarios.loader import Loaded, ScenarioError, ScenarioErrors, check_file, expand
from training.runner import Result, run

PARALLEL_FROM_BYTES = 512 * 1024  # about 500 scenarios: below this one process is quicker
MAX_AUTO_JOBS = 8


def auto_jobs(files: list[Path]) -> int:
    """How many processes a batch of these files is worth."""
    size = sum(_size(f) for f in files)
    if len(files) < 2 or size < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS, len(files)))


def load_paths(paths: Iterable[str | Path]) -> list[Loaded]:
    """The validated scenarios of files and folders, in-process; ids must be unique across all."""
    return cast(list[Loaded], run_batch(paths, jobs=1, execute=False))


def run_batch(
    paths: Iterable[str | Path], jobs: Optional[int] = None, execute: bool = True, progress: Optional[Callable[[int, int], None]] = None
) -> list[Result] | list[Loaded]:
    """Results for every scenario in `paths` (or, with execute=False, the validated scenarios).

    Raises ScenarioErrors, listing every problem in file order, if any file or scenario is refused
    (including an id used twice); `progress(bytes_done, bytes_total)` is called after each file.
    """
    errors: list[ScenarioError] = []
    files = expand(paths, errors)
    sizes = {str(f): _size(f) for f in files}
    jobs = auto_jobs(files) if jobs is None else max(1, jobs)
    total, done = sum(sizes.values()) or 1, 0
    out: list = []
    seen: dict[str, str] = {}
    with _mapper(jobs, len(files)) as mapper:
        for file, ids, items, problems in mapper(_one_file, [(str(f), execute) for f in files]):
            errors += [ScenarioError(*p) for p in problems]
            for scenario_id, item in zip(ids, items):
                if scenario_id in seen:
                    errors.append(ScenarioError(file, scenario_id, "id", f"duplicate id, first used in {seen[scenario_id]}"))
                    continue
                seen[scenario_id] = file
                out.append(item)
            done += sizes[file]
            if progress:
                progress(done, total)
    if errors:
        raise ScenarioErrors(errors)
    return out


def _one_file(job: tuple[str, bool]):
    """Load one file and (when asked and it is valid) run it; only picklable values cross processes."""
    file, execute = job
    scenarios, problems = check_file(Path(file), load_catalogue())
    if problems:  # the batch will be refused: running the rest of this file would be wasted
        return file, [], [], [(e.file, e.scenario, e.field, e.message) for e in problems]
    loaded = [Loaded(file, s) for s in scenarios]
    return file, [s.id for s in scenarios], run(loaded) if execute else loaded, []


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:  # unreadable: check_file reports it
        return 0


class _mapper:
    """`map` in-process for one job; an ordered process pool (spawned: a clean rules engine each) otherwise."""

    def __init__(self, jobs: int, tasks: int):
        self.jobs, self.tasks = jobs, tasks
        self.pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self):
        if self.jobs <= 1 or self.tasks <= 1:
            return map
        pool = self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        return lambda fn, items: pool.map(fn, items)

    def __exit__(self, *exc):
        if self.pool:
            self.pool.shutdown(cancel_futures=True)
        return False

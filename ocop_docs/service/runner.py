"""Running one batch job in a worker: the library's :func:`~ocop_docs.production.batch.run_batch`
on the round's folder, its progress stored as it goes (issue 13).

* **Progress** comes from ``run_batch``'s own callback; every ``job_poll`` seconds (and at
  each change of phase) the runner writes it to the job's row with a heartbeat, stores the
  documents finished since (so they survive the worker), and reads whether the job was
  asked to stop.
* **Cancelling** raises :class:`Cancelled` from that callback: ``run_batch`` then stops its
  render processes and LibreOffice workers, writes the manifest of what was finished and
  sweeps its temporary files (what it does on Ctrl-C), so no half file is left.
* **Resuming**: each attempt starts in a fresh folder with the round's files and whatever
  the job had stored (documents and the last manifest), and runs with ``resume``: the
  library skips every document whose fingerprint and file hash still match, so a job
  taken over from a killed worker, on any machine, redoes only what was not finished.
"""

from __future__ import annotations

import json
import logging
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import OcopError
from ocop_docs.production.batch import BatchOptions, BatchResult, Progress, run_batch
from ocop_docs.production.manifest import MANIFEST_NAME
from ocop_docs.production.pool import Interrupted
from ocop_docs.service.checking import scrub
from ocop_docs.service.errors import error_json, library_error_json
from ocop_docs.service.jobs import JobFile, Jobs, JobView, worker_name
from ocop_docs.service.rounds import Rounds
from ocop_docs.service.scoresheets import apply_cards
from ocop_docs.service.settings import Settings
from ocop_docs.service.storage import BlobStore

log = logging.getLogger("ocop_docs.service.worker")


class Cancelled(Exception):
    """Raised from the progress callback when the job was asked to stop."""


class _Tracker:
    """``run_batch``'s progress callback: counts, stored files, heartbeat, cancelling."""

    def __init__(self, runner: JobRunner, job: JobView, outdir: Path) -> None:
        self.runner = runner
        self.job = job
        self.outdir = outdir
        self.pdf = bool(job.options.get("pdf") or job.options.get("bundle"))
        self.bundle = bool(job.options.get("bundle"))
        self.phase = ""
        self.render_total = self.render_done = 0
        self.pdf_total: int | None = None
        self.pdf_done = self.bundle_done = self.failed = 0
        self.pending: list[str] = []
        self.stored: dict[str, str] = {f.path: f.sha256 for f in job.files}
        self.manifest_digest: str | None = None
        self._last = 0.0

    @property
    def total(self) -> int:
        return self.render_total * (2 if self.pdf else 1) + (1 if self.bundle else 0)

    @property
    def done(self) -> int:
        reused = self.render_total - self.pdf_total if self.pdf_total is not None else 0
        return self.render_done + self.pdf_done + reused + self.bundle_done

    def __call__(self, event: Progress) -> None:
        changed = event.stage != self.phase
        self.phase = event.stage
        if event.stage == "render":
            self.render_total, self.render_done = event.total, event.done
            if event.item and event.status in ("ok", "skipped"):
                self.pending.append(f"{event.item}.docx")
        elif event.stage == "pdf":
            self.pdf_total, self.pdf_done = event.total, event.done
            if event.item and event.status == "ok":
                self.pending.append(f"{event.item}.pdf")
        else:
            self.bundle_done = event.done
        if event.status == "failed":
            self.failed += 1
        if changed or time.monotonic() - self._last >= self.runner.settings.job_poll:
            self.flush()

    def store_files(self, paths: list[str]) -> list[JobFile]:
        out: list[JobFile] = []
        for rel in dict.fromkeys(paths):
            path = self.outdir.joinpath(*rel.split("/"))
            if not path.is_file():
                continue
            digest, size = self.runner.store.put_file(path)
            if self.stored.get(rel) != digest:
                self.stored[rel] = digest
                out.append(JobFile(rel, digest, size))
        return out

    def store_manifest(self) -> str | None:
        path = self.outdir / MANIFEST_NAME
        if not path.is_file():
            return None
        digest, _size = self.runner.store.put_file(path)
        if digest == self.manifest_digest:
            return None
        self.manifest_digest = digest
        return digest

    def flush(self) -> None:
        files = self.store_files(self.pending)
        self.pending = []
        stop = self.runner.jobs.progress(
            self.job.id,
            phase=self.phase,
            done=self.done,
            total=self.total,
            failed=self.failed,
            files=files,
            manifest=self.store_manifest(),
        )
        self._last = time.monotonic()
        if stop:
            raise Cancelled(self.job.id)


def summary_json(result: BatchResult, lang: str) -> dict[str, Any]:
    manifest = result.manifest.to_json()
    return {
        "exit_code": result.exit_code,
        "produced": result.produced,
        "skipped": result.skipped,
        "failed": result.failed,
        "pdfs": result.pdfs,
        "seconds": result.seconds,
        "bundle_pages": result.bundle_pages,
        "notes": result.notes,
        "lang": lang,
        "failures": [
            {
                "id": i.id,
                "title": i.title,
                "row": i.row,
                "line": i.line,
                "error": i.error,
            }
            for i in result.failures
        ],
        "warnings": manifest["warnings"],
    }


class JobRunner:
    def __init__(
        self,
        settings: Settings,
        jobs: Jobs,
        rounds: Rounds,
        store: BlobStore,
        requeue: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.jobs = jobs
        self.rounds = rounds
        self.store = store
        self.requeue = requeue

    def _prepare(self, job: JobView, folder: Path) -> tuple[Path, Path, bool]:
        """The round's folder and the job's stored outputs, laid out anew."""
        shutil.rmtree(folder, ignore_errors=True)
        inp, out = folder / "in", folder / "out"
        inp.mkdir(parents=True)
        out.mkdir()
        rnd = self.rounds.get(job.round_id)
        assert rnd is not None  # checked by run()
        source = self.rounds.restore(rnd, inp)
        source = apply_cards(rnd, source, self.rounds.cards(rnd.id), inp)
        for f in job.files:
            self.store.copy_to(f.sha256, out.joinpath(*f.path.split("/")))
        resume = job.manifest is not None and self.store.exists(job.manifest)
        if resume:
            assert job.manifest is not None
            self.store.copy_to(job.manifest, out / MANIFEST_NAME)
        return source, out, resume

    def run(self, job_id: str) -> None:
        """Claim and run the job (a message for a job that is not queued does nothing)."""
        if not self.jobs.claim(job_id, worker_name()):
            return
        job = self.jobs.get(job_id)
        if job is None:
            return
        folder = self.settings.jobs_dir / f"{job_id}-{secrets.token_hex(4)}"
        lang: Lang = "en" if job.options.get("lang") == "en" else "vi"
        tracker: _Tracker | None = None
        try:
            if self.rounds.get(job.round_id) is None:
                self.jobs.finish(job_id, "failed", error=error_json("job-round-gone", lang))
                return
            source, out, resume = self._prepare(job, folder)
            tracker = _Tracker(self, job, out)
            kinds = job.options.get("kinds")
            options = BatchOptions(
                kinds=tuple(kinds) if kinds else None,
                pdf=tracker.pdf,
                bundle=tracker.bundle,
                jobs=self.settings.batch_jobs,
                resume=resume,
                overwrite=resume,
                draft=bool(job.options.get("draft")),
                soffice=self.settings.soffice,
                lang=lang,
                allow=(folder / "in",),  # the round's stored tree, as laid out on upload
            )
            result = run_batch(source, out, options, progress=tracker)
        except Cancelled:
            assert tracker is not None
            self._finish_partial(tracker, "cancelled")
        except (KeyboardInterrupt, Interrupted):
            if tracker is not None:
                self._store_partial(tracker)
            self.jobs.release(job_id)  # another worker (or this one, restarted) goes on
            if self.requeue is not None:
                self.requeue(job_id)
            raise
        except OcopError as exc:
            body = scrub(library_error_json(exc, lang), folder / "in", "")
            self.jobs.finish(job_id, "failed", error=body)
        except Exception:
            incident = secrets.token_hex(6)
            log.exception("incident %s in job %s", incident, job_id)
            error = error_json("service-internal-error", lang, incident=incident)
            self.jobs.finish(job_id, "failed", error=error)
        else:
            assert tracker is not None
            paths = [o.path for i in result.manifest.items for o in i.outputs]
            bundle = (result.manifest.bundle or {}).get("path")
            if bundle:
                paths.append(bundle)
            files = tracker.store_files(paths)
            summary = scrub(summary_json(result, lang), folder / "in", "")
            if job.options.get("so_theo_doi") and result.round is not None and not options.draft:
                summary["registry"] = self._record(job.province, result.round, lang)
            self.jobs.finish(
                job_id,
                "done",
                summary=summary,
                files=files,
                manifest=tracker.store_manifest() or tracker.manifest_digest or job.manifest,
                bundle=bundle,
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _record(self, province: int, rnd: Any, lang: Lang) -> dict[str, Any]:
        """issue 14: the round's recognised products into the province's registry."""
        from ocop_docs.registry.reporters import added_json
        from ocop_docs.registry.rounds import record_round
        from ocop_docs.registry.store import Registry

        added = record_round(Registry(self.jobs.db, province=province), rnd)
        data: dict[str, Any] = json.loads(added_json(added, lang))
        return data

    def _store_partial(self, tracker: _Tracker) -> None:
        files = tracker.store_files(tracker.pending)
        tracker.pending = []
        self.jobs.progress(
            tracker.job.id,
            phase=tracker.phase,
            done=tracker.done,
            total=tracker.total,
            failed=tracker.failed,
            files=files,
            manifest=tracker.store_manifest(),
        )

    def _finish_partial(self, tracker: _Tracker, state: str) -> None:
        files = tracker.store_files(tracker.pending)
        self.jobs.finish(tracker.job.id, state, files=files, manifest=tracker.store_manifest())

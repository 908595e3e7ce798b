"""Adding articles to the store from files and folders, with a per-file report."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lib.article_text import ArticleError
from lib.ingest import analyse_file
from lib.records import Article
from lib.store import Store

BATCH = 200


@dataclass
class ImportReport:
    """What an import did: articles added, duplicates skipped, and files that failed with the reason."""

    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """A human summary, one line per failure."""
        lines = [f"added {self.added}, duplicates skipped {self.duplicates}, failed {len(self.failed)}"]
        lines += [f"  failed: {name}: {why}" for name, why in self.failed]
        lines += [f"  warning: {name}: {why}" for name, why in self.warnings]
        return "\n".join(lines)


def article_files(paths: list[Path]) -> list[Path]:
    """The article files named, folders expanded (a .json beside a .txt is its sidecar, not an article)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.txt") if f.is_file())
        else:
            out.append(p)
    return out


def import_paths(paths: list[Path], store_dir: Path | None = None) -> ImportReport:
    """Analyse every article under the paths and add it to the store, batch by batch."""
    store = Store(store_dir)
    report = ImportReport()
    batch: list[Article] = []
    for path in article_files(paths):
        try:
            batch.append(analyse_file(path))
        except ArticleError as exc:
            report.failed.append((str(path), str(exc)))
        if len(batch) >= BATCH:
            _flush(store, batch, report)
    _flush(store, batch, report)
    return report


def _flush(store: Store, batch: list[Article], report: ImportReport) -> None:
    if batch:
        result = store.add(batch)
        report.added += len(result.added)
        report.duplicates += len(result.duplicates)
        batch.clear()

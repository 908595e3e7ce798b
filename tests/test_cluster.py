"""The ingest's analysis on Dask (lib/corpus/cluster.py): a local cluster and an existing one give the store that
one process gives, in input order; small inputs skip the cluster; a lost chunk fails its articles only; a
cluster that cannot run Rasd, or cannot be reached, is refused with the reason."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from lib.corpus import cluster, importer
from lib.corpus.cluster import ClusterError
from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.ingest import EXIT_CLUSTER, main
from lib.records import Issue, RawArticle

FIX = Path(__file__).parent / "fixtures" / "import"
GOOD, BAD = FIX / "good", FIX / "bad"
AR = "قال وزير الخارجية إن «الحل في سوريا سياسي» وأضاف أن المحادثات ستستأنف في جنيف."


def _store_rows(root: Path) -> tuple[list, list]:
    """The articles (id, title, published, body) and statement ids of a store, sorted."""
    data = Store(root).load(("articles", "statements"))
    arts = data["articles"][["article_id", "title", "published", "body"]].sort_values("article_id")
    return arts.values.tolist(), sorted(data["statements"]["statement_id"])


def _same_import(a, b) -> bool:
    return (a.added, a.duplicates, sorted(a.failed), sorted(a.warnings)) == \
        (b.added, b.duplicates, sorted(b.failed), sorted(b.warnings))


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    """The fixtures imported in this process: what every engine must reproduce."""
    root = tmp_path_factory.mktemp("one")
    return import_paths([GOOD, BAD], store_dir=root, workers=1), root


@pytest.fixture(scope="module")
def scheduler():
    """An existing Dask cluster (two worker processes) that the import connects to by address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0") as lc:
        yield lc.scheduler_address


def test_local_dask_cluster_gives_the_one_process_store(one_process, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "SMALL", 0)  # the fixtures are few: use the cluster all the same
    monkeypatch.setattr(cluster, "CHUNK", 3)  # several tasks, so that their order matters
    psutil = pytest.importorskip("psutil")
    before = {p.pid for p in psutil.Process().children(recursive=True)}  # the module's cluster, if started
    report, root = one_process
    two = import_paths([GOOD, BAD], store_dir=tmp_path, workers=2)
    assert _same_import(report, two) and two.added == 11
    assert _store_rows(root) == _store_rows(tmp_path)
    assert two.stages.get("analyse", 0) > 0  # the workers' CPU is counted as before
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before
            and "resource_tracker" not in " ".join(p.cmdline())]  # (multiprocessing's, kept for the process)
    assert not psutil.wait_procs(left, timeout=20)[1]  # the local cluster's processes are gone


def test_existing_cluster_by_address(one_process, scheduler, tmp_path, capsys):
    report, root = one_process
    assert main(["--add", str(GOOD), str(BAD), "--store", str(tmp_path), "--scheduler", scheduler,
                 "--progress-every", "0"]) == 1  # the bad fixtures fail, as without a cluster
    out = capsys.readouterr().out
    assert out.split("\n")[1].startswith(f"added {report.added}, duplicates skipped {report.duplicates}, "
                                       f"failed {len(report.failed)}, warnings {len(report.warnings)}")
    assert _store_rows(root) == _store_rows(tmp_path)
    again = import_paths([GOOD], store_dir=tmp_path, scheduler=scheduler)  # the store still deduplicates
    assert (again.added, again.duplicates) == (0, 11)


def test_results_come_back_in_input_order_with_issues_in_place(scheduler):
    raws = [RawArticle(AR.replace("جنيف", city), {"published": "2020-01-01"}, f"{n}.txt")
            for n, city in enumerate(["جنيف", "فيينا", "أستانا", "سوتشي", "الرياض"])]
    issue = Issue("broken.txt", "file is empty")
    groups = [[raws[0], raws[1]], [issue, raws[2]], [raws[3], raws[4]]]
    out = list(cluster.analysed(groups, importer._analyse_rows, importer._warm_up, scheduler=scheduler))
    assert [item for item, _ in out] == [raws[0], raws[1], issue, raws[2], raws[3], raws[4]]
    assert out[2][1] is issue
    assert [art.table("articles")["source_file"].to_pylist() for _, art in out if not isinstance(art, Issue)] == \
        [[r.name] for r in raws]  # each article's own rows (source_file column), not a neighbour's


def test_stopping_early_drops_the_queued_work(scheduler):
    """An interrupted import closes the results: its queued tasks leave the cluster."""
    from distributed import Client

    raws = [RawArticle(AR, {}, f"{n}.txt") for n in range(40)]
    results = cluster.analysed([raws[n:n + 2] for n in range(0, 40, 2)], importer._analyse_rows,
                               importer._warm_up, scheduler=scheduler, ahead=10)
    next(results)
    results.close()
    with Client(scheduler, set_as_default=False) as look:
        # a task already running on a worker finishes first; on a loaded machine that takes seconds
        deadline = time.monotonic() + 60
        while look.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        assert look.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0


def _explode(raws):
    raise MemoryError("worker out of memory")


def test_a_lost_chunk_fails_its_articles_not_the_import(scheduler):
    raws = [RawArticle(AR, {}, "a.txt"), RawArticle(AR, {}, "b.txt")]
    out = list(cluster.analysed([raws], _explode, importer._warm_up, scheduler=scheduler))
    assert [(i.name, r.level) for i, r in out] == [("a.txt", "error"), ("b.txt", "error")]
    assert "analysis failed on the cluster (MemoryError: worker out of memory)" in out[0][1].message


def test_small_inputs_are_analysed_here_without_a_cluster(monkeypatch):
    def no_cluster(*_args):
        raise AssertionError("a cluster was started for two articles")

    monkeypatch.setattr(cluster, "_start", no_cluster)
    raws = [RawArticle(AR, {}, "a.txt"), RawArticle(AR.replace("جنيف", "فيينا"), {}, "b.txt")]
    out = list(cluster.analysed([raws], importer._analyse_rows, importer._warm_up, workers=2))
    assert [i.name for i, _ in out] == ["a.txt", "b.txt"] and not any(isinstance(r, Issue) for _, r in out)


def test_unreachable_scheduler_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    status = main(["--add", str(GOOD / "article.txt"), "--store", str(tmp_path), "--scheduler",
                   "tcp://127.0.0.1:9"])
    assert status == EXIT_CLUSTER
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert Store(tmp_path).is_empty()


class _FakeClient:
    """A client whose scheduler and workers answer `run` with the given fingerprints (or fail)."""

    def __init__(self, workers: dict[str, str], fail: Exception | None = None):
        self.workers, self.fail = workers, fail

    def run_on_scheduler(self, fn):
        if self.fail:
            raise self.fail
        return fn()

    def run(self, fn):
        return self.workers


def test_workers_with_other_code_or_none_are_refused():
    ours = cluster.code_fingerprint()
    cluster._check_cluster(_FakeClient({"tcp://w1": ours, "tcp://w2": ours}), "tcp://s")  # same code: fine
    with pytest.raises(ClusterError, match=r"1 worker\(s\) of tcp://s run other Rasd code or lexicons"):
        cluster._check_cluster(_FakeClient({"tcp://w1": ours, "tcp://w2": "0123456789abcdef"}), "tcp://s")
    with pytest.raises(ClusterError, match="cannot run Rasd's analysis .ModuleNotFoundError: No module named 'lib'"):
        cluster._check_cluster(_FakeClient({}, ModuleNotFoundError("No module named 'lib'")), "tcp://s")


def test_fingerprint_follows_the_lexicons(tmp_path):
    for folder in ("lib", "data/lexicons", "data/gazetteer"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "lib" / "a.py").write_text("x = 1\n")
    (tmp_path / "data/lexicons" / "actors.tsv").write_text("id\tname\n")
    before = cluster.code_fingerprint(tmp_path)
    (tmp_path / "data/lexicons" / "actors.tsv").write_text("id\tname\nisis\tداعش\n")
    assert cluster.code_fingerprint(tmp_path) != before


def test_cli_refuses_workers_with_a_scheduler(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--add", str(GOOD), "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"])
    assert exc.value.code == 2 and "--workers starts a local cluster" in capsys.readouterr().err


def test_pool_engine_still_gives_the_same_store(one_process, tmp_path):
    report, root = one_process
    pool = import_paths([GOOD, BAD], store_dir=tmp_path, workers=2, engine="pool")
    assert _same_import(report, pool)
    assert _store_rows(root) == _store_rows(tmp_path)

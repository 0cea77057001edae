"""The Dask mapping gives exactly what the local run gives."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from idlib_corpus import dask as idask  # noqa: E402
from idlib_corpus.io import iter_parse  # noqa: E402
from idlib_corpus.options import Options  # noqa: E402
from idlib_corpus.pipeline import Pipeline  # noqa: E402
from idlib_corpus.serialize import dumps  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OPTIONS = Options(load_entrypoints=False)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def local_lines() -> list[str]:
    pipe = Pipeline(options=OPTIONS)
    return [dumps(r) for r in iter_parse([SEEDS], pipeline=pipe)]


@pytest.mark.filterwarnings("ignore")
def test_cluster_output_equals_local_run(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bag = idask.parse_paths([SEEDS], npartitions=3, options=OPTIONS)
    written = idask.write_jsonl(bag, tmp_path / "out")
    assert len(written) == 3
    lines = [
        line
        for path in sorted(written)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
    ]
    assert lines == local_lines()


@pytest.mark.filterwarnings("ignore")
def test_texts_on_the_cluster(client) -> None:  # type: ignore[no-untyped-def]
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    results = idask.parse_texts(texts, npartitions=2, options=OPTIONS).compute()
    pipe = Pipeline(options=OPTIONS)
    assert [dumps(r) for r in results] == [dumps(pipe.parse(t, id=i)) for i, t in texts]


@pytest.mark.filterwarnings("ignore")
def test_parquet_per_partition(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    bag = idask.parse_paths([SEEDS], npartitions=2, options=OPTIONS)
    written = idask.write_parquet(bag, tmp_path / "pq")
    assert written and all(Path(p).is_file() for p in written)
    assert {Path(p).parent.name for p in written} == {"part-00000", "part-00001"}
    tables = [pq.read_table(p) for p in written]
    assert all(t.num_columns > 0 for t in tables)

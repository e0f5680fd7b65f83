"""`make bench` runs every benchmark script: benchmarks/run_all.py's STEPS name each one, and only real files."""
import importlib.util
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _steps():
    spec = importlib.util.spec_from_file_location("run_all", BENCHMARKS / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [script for script, _ in module.STEPS]


def test_make_bench_runs_every_benchmark_script_once():
    scripts = {p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py"}
    steps = _steps()
    assert sorted(s for s in steps if s.endswith(".py")) == sorted(scripts)
    assert len(steps) == len(set(steps))
    assert all((BENCHMARKS / s).is_file() for s in steps)

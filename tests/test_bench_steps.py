"""`make bench` runs every benchmark script: benchmarks/run_all.py's STEPS name each one, and only real files."""
import importlib.util
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _steps():
    spec = importlib.util.spec_from_file_location("run_all", BENCHMARKS / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STEPS


def test_make_bench_runs_every_benchmark_script_and_no_step_twice():
    scripts = {p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py"}
    steps = _steps()
    assert {script for script, _ in steps if script.endswith(".py")} == scripts
    assert len(steps) == len({(script, tuple(arguments)) for script, arguments in steps})
    assert all((BENCHMARKS / script).is_file() for script, _ in steps)

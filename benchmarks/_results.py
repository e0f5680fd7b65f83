"""Shared by the benchmark scripts: print a markdown report and keep it under benchmarks/results/."""
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def publish(report: str, name: str) -> int:
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(report, encoding="utf-8")
    return 0

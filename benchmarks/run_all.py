"""`make bench`: every benchmark here in turn, in the order below; each prints and writes its own table.

The million-article archive the HTTP figures are measured on is built first when it is missing
(`generate.py`, ~10 minutes here); the whole run takes about an hour and a half on this 2-core machine.
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
MILLION = "benchmarks/data/bench-1000000.db"
# (script, arguments): the one list of what `make bench` runs. generate.py is a tool, run only to build the
# missing archive; scale.py's --million adds the load of a generated million beside sqlite-utils.
STEPS = [
    ("fetch_reuters.sh", []),
    ("generate.py", ["1000000", "--db", MILLION]),
    ("scale.py", ["--million", "--archive", MILLION]),
    ("nlp_load.py", []),
    ("nlp_load.py", ["--memory", "500,4000"]),
    ("reuters_load.py", []),
    ("reload_check.py", []),
    ("real_news.py", []),
    ("stories.py", []),
    ("extraction.py", []),
    ("fields_cv.py", []),
    ("geo.py", []),
    ("ner.py", []),
    ("quotes.py", []),
]


def main() -> int:
    failed = []
    for script, arguments in STEPS:
        if script == "generate.py" and (HERE.parent / MILLION).exists():
            continue
        print(f"\n## {script} {' '.join(arguments)}\n", flush=True)
        runner = ["bash"] if script.endswith(".sh") else [sys.executable]
        if subprocess.run([*runner, str(HERE / script), *arguments], cwd=HERE.parent).returncode:
            failed.append(script)
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

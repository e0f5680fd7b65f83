"""`make bench`: run every benchmark script here in turn; each prints and writes its own table."""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("*.py")):
        if script.name in (Path(__file__).name, "generate.py") or script.name.startswith("_"):  # generate: a tool
            continue
        print(f"\n## {script.stem}\n", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode:
            failed.append(script.name)
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

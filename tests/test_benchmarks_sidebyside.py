"""benchmarks/sidebyside.py runs end to end on a tiny repository, so it cannot rot.

The checker and the hand-written polars queries must find the same subjects (the script
exits 1 otherwise); the figures it prints are only sanity-checked here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_side_by_side_on_a_tiny_repository(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "sidebyside.py"),
            "--sizes",
            "2000",
            "--repeat",
            "1",
            "--skip",
            "fixed,full",
            "--data-root",
            str(tmp_path),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    three = figures["sizes"]["2000"]["three_rules"]
    assert set(three["subjects"]) == {"SEK008", "SEK025", "SEK019"}
    assert sum(three["subjects"].values()) > 0  # the generated data has such findings
    assert three["checker"]["rss_mb"] > 0 and three["hand"]["wall"] > 0
    assert figures["json_vs_csv"]["ratio"] > 0
    assert "three rules, wall ratio to hand polars" in done.stdout
    # a skipped figure is not measured, so it is neither printed nor said to be met
    assert "full_catalog" not in figures["sizes"]["2000"]
    assert "full catalog" not in done.stdout

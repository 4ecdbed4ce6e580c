"""A news corpus for the benchmarks, from the texts the repository ships.

The bundled example articles, the dev gold paragraphs and the PLOVER gold-standard sentences are
cycled (each copy with its own id) until the corpus reaches the requested number of words.
Throughput is compared within one run on the same corpus, so repetition favours neither side.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def base_texts() -> list[str]:
    from kg.readers import read_articles

    texts = [a.text for a in read_articles([ROOT / "examples" / "articles"], on_error=lambda e: None)]
    for name in ("dev.jsonl", "plover_gsr.jsonl"):
        path = ROOT / "data" / "gold" / name
        if path.exists():
            lines = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            # group short gold records into article-sized texts of about ten paragraphs
            texts.extend("\n\n".join(lines[i:i + 10]) for i in range(0, len(lines), 10))
    return texts


def corpus(words: int) -> list[tuple[str, str]]:
    """(id, text) pairs adding up to at least ``words`` words."""
    texts = base_texts()
    out, n, i = [], 0, 0
    while n < words:
        t = texts[i % len(texts)]
        out.append((f"bench-{i}", t))
        n += len(t.split())
        i += 1
    return out

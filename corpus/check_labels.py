#!/usr/bin/env python3
"""Check every gold label file in a folder against its page dump.

Usage: python3 corpus/check_labels.py [DIR]   (DIR defaults to this script's folder)

For every NAME.txt there must be a NAME.labels (and vice versa) such that:
- there is exactly one label line per dump line (split on "\\n"; a final
  newline does not start another line);
- a blank (whitespace-only) dump line has an empty label line and only it;
- each label is `ARTICLE ROLE [RANK]`: ARTICLE is `aN` or `-`, ROLE one of
  the 11 role names, RANK a non-negative integer;
- `-` is used only with `noise`/`dup`; `noise`/`dup` lines carry no rank;
  every other line carries a rank;
- per article, the ranks are a permutation of 0..n-1;
- the text of a `dup` line occurs in the rest of the dump (it is a copy).

Prints one message per problem and exits with status 1 if there was any.
"""

import re
import sys
from pathlib import Path

ROLES = {
    "kicker", "headline", "subtitle", "author", "byline", "subhead",
    "body", "caption", "credit", "noise", "dup",
}
UNRANKED_ROLES = {"noise", "dup"}
ARTICLE_ID = re.compile(r"^(a[1-9][0-9]*|-)$")
RANK = re.compile(r"^(0|[1-9][0-9]*)$")


def split_lines(text):
    """Split on newlines; a final newline does not start another line."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def check_label(label):
    """Return (article, role, rank, error) for one non-empty label line."""
    fields = label.split()
    if len(fields) not in (2, 3):
        return None, None, None, f"expected 'ARTICLE ROLE [RANK]', got {label!r}"
    article, role = fields[0], fields[1]
    rank = fields[2] if len(fields) == 3 else None
    if not ARTICLE_ID.match(article):
        return None, None, None, f"bad article id {article!r}"
    if role not in ROLES:
        return None, None, None, f"unknown role {role!r}"
    if role in UNRANKED_ROLES:
        if rank is not None:
            return None, None, None, f"role {role!r} must not carry a rank"
        return article, role, None, None
    if article == "-":
        return None, None, None, f"role {role!r} needs an article id, not '-'"
    if rank is None:
        return None, None, None, f"role {role!r} needs a rank"
    if not RANK.match(rank):
        return None, None, None, f"bad rank {rank!r}"
    return article, role, int(rank), None


def check_rank_permutations(labels_path, ranks):
    """Each article's ranks must be exactly 0..n-1."""
    errors = []
    for article, numbered in sorted(ranks.items()):
        seen = {}
        for line_no, rank in numbered:
            if rank in seen:
                errors.append(
                    f"{labels_path}:{line_no}: {article} rank {rank} "
                    f"already used on line {seen[rank]}"
                )
            seen.setdefault(rank, line_no)
        missing = sorted(set(range(len(numbered))) - set(seen))
        if missing:
            errors.append(f"{labels_path}: {article} ranks missing: {missing}")
    return errors


def check_dups(labels_path, text_lines, dup_lines):
    """A dup line must be a copy of text found elsewhere in the dump."""
    errors = []
    dup_set = set(dup_lines)
    original = "".join(
        line.strip() for i, line in enumerate(text_lines, 1) if i not in dup_set
    )
    for line_no in dup_lines:
        if text_lines[line_no - 1].strip() not in original:
            errors.append(f"{labels_path}:{line_no}: dup text occurs nowhere else")
    return errors


def check_pair(text_path, labels_path):
    """Return the list of problems of one dump/labels pair."""
    text_lines = split_lines(text_path.read_text(encoding="utf-8"))
    label_lines = split_lines(labels_path.read_text(encoding="utf-8"))
    if len(text_lines) != len(label_lines):
        return [
            f"{labels_path}: {len(label_lines)} label lines for "
            f"{len(text_lines)} dump lines"
        ]
    errors, ranks, dup_lines = [], {}, []
    for line_no, (text, label) in enumerate(zip(text_lines, label_lines), 1):
        where = f"{labels_path}:{line_no}"
        if not text.strip():
            if label.strip():
                errors.append(f"{where}: blank dump line has label {label!r}")
            continue
        if not label.strip():
            errors.append(f"{where}: non-blank dump line has no label")
            continue
        article, role, rank, error = check_label(label)
        if error:
            errors.append(f"{where}: {error}")
        elif role == "dup":
            dup_lines.append(line_no)
        elif rank is not None:
            ranks.setdefault(article, []).append((line_no, rank))
    errors += check_rank_permutations(labels_path, ranks)
    errors += check_dups(labels_path, text_lines, dup_lines)
    return errors


def check_folder(folder):
    """Check all pairs in a folder; return (number of pairs, problems)."""
    texts = {p.stem: p for p in folder.glob("*.txt")}
    labels = {p.stem: p for p in folder.glob("*.labels")}
    errors = [f"{texts[s]}: no matching .labels" for s in sorted(texts.keys() - labels.keys())]
    errors += [f"{labels[s]}: no matching .txt" for s in sorted(labels.keys() - texts.keys())]
    for stem in sorted(texts.keys() & labels.keys()):
        errors += check_pair(texts[stem], labels[stem])
    return len(texts.keys() & labels.keys()), errors


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    pairs, errors = check_folder(folder)
    for error in errors:
        print(error)
    print(f"checked {pairs} pairs in {folder}: {len(errors)} problem(s)")
    return 1 if errors or pairs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

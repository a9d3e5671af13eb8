#!/usr/bin/env python3
"""Writes label-preserving variants of a gold set, as other sources print the same text.

usage: scripts/perturb.py SRC_DIR DST_ROOT

For every NAME.txt + NAME.labels in SRC_DIR, writes DST_ROOT/VARIANT/NAME.{txt,labels} for
each variant below. The labels stay the same (lines are only dropped where a variant drops
blank lines, with their empty labels), so `newsseg eval --gold DST_ROOT/VARIANT` scores
newsseg on text it was not tuned on; compare with `--gold SRC_DIR`. See docs/METRICS.md,
"Robustness".
"""
import os
import sys


def translate(table):
    return lambda text: text.translate(str.maketrans(table))


VARIANTS = {
    # Web pages and many extractions print quotes straight.
    "straight-quotes": translate({"“": '"', "”": '"', "‘": "'", "’": "'"}),
    # Some GBK decoders give the horizontal bar U+2015 for the em dash.
    "bar-dashes": lambda text: text.replace("——", "――"),
    "full-width-dashes": lambda text: text.replace("——", "－－"),
    "ascii-dashes": lambda text: text.replace("——", "--"),
    # Half-width punctuation in every line, heads included.
    "half-width-everywhere": translate(
        {"，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"}
    ),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    # Every non-blank line indented by two ideographic spaces.
    "indented": lambda text: "\n".join("\u3000\u3000" + l if l.strip() else l for l in text.split("\n")),
}


def without_blank_lines(text, labels):
    """The dump and its labels with every blank line left out."""
    lines, tags = text.split("\n"), labels.split("\n")
    keep = [i for i, line in enumerate(lines) if line.strip()]
    return (
        "\n".join(lines[i] for i in keep) + "\n",
        "\n".join(tags[i] if i < len(tags) else "" for i in keep) + "\n",
    )


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1:]
    names = sorted(n[:-4] for n in os.listdir(src) if n.endswith(".txt"))
    if not names:
        sys.exit(f"{src}: no NAME.txt files")
    for variant in [*VARIANTS, "no-blank-lines"]:
        os.makedirs(os.path.join(dst, variant), exist_ok=True)
    for name in names:
        with open(os.path.join(src, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(src, name + ".labels"), encoding="utf-8") as f:
            labels = f.read()
        outputs = {v: (change(text), labels) for v, change in VARIANTS.items()}
        outputs["no-blank-lines"] = without_blank_lines(text, labels)
        for variant, (out_text, out_labels) in outputs.items():
            base = os.path.join(dst, variant, name)
            with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
                f.write(out_text)
            with open(base + ".labels", "w", encoding="utf-8") as f:
                f.write(out_labels)
    print(f"{len(names)} dumps x {len(VARIANTS) + 1} variants under {dst}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes label-preserving variants of a gold set, as other sources print the same text.

usage: scripts/perturb.py SRC_DIR DST_ROOT

For every NAME.txt + NAME.labels in SRC_DIR, writes DST_ROOT/VARIANT/NAME.{txt,labels} for
each variant below. The labels stay the same (only blank lines, with their empty labels,
are left out or put in), so `newsseg eval --gold DST_ROOT/VARIANT` scores
newsseg on text it was not tuned on; compare with `--gold SRC_DIR`. See docs/METRICS.md,
"Robustness".
"""
import os
import random
import sys


def translate(table):
    return lambda text: text.translate(str.maketrans(table))


# The radicals newsseg reads as the characters they stand for (and the compatibility
# ideographs, which this variant leaves out): one pair per line after `#` comment lines.
COMPATIBILITY_TABLE = os.path.join(os.path.dirname(__file__), "..", "crates", "newsseg", "src", "compat.txt")


def radical_forms():
    """Each character that a CJK radical (U+2E80-U+2FDF) stands for, by newsseg's table,
    mapped to the radical: some PDF fonts map these glyphs to the radicals' code points, and
    text extraction gives `⽇` for `日`, `⻓` for `长`."""
    table = {}
    with open(COMPATIBILITY_TABLE, encoding="utf-8") as f:
        for line in f:
            pair = line.split()
            if len(pair) == 2 and not line.startswith("#") and 0x2E80 <= ord(pair[0]) <= 0x2FDF:
                table.setdefault(pair[1], pair[0])
    return table


VARIANTS = {
    # Web pages and many extractions print quotes straight.
    "straight-quotes": translate({"“": '"', "”": '"', "‘": "'", "’": "'"}),
    # Some GBK decoders give the horizontal bar U+2015 for the em dash.
    "bar-dashes": lambda text: text.replace("——", "――"),
    "full-width-dashes": lambda text: text.replace("——", "－－"),
    "ascii-dashes": lambda text: text.replace("——", "--"),
    # OCR reads the em dash as two of the numeral one.
    "ocr-dashes": lambda text: text.replace("——", "一一"),
    # Some fonts and encodings give the midline ellipsis U+22EF for the ellipsis (`⋯⋯`).
    "midline-ellipsis": lambda text: text.replace("…", "\u22ef"),
    # Half-width punctuation in every line, heads included.
    "half-width-everywhere": translate(
        {"，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"}
    ),
    # Figures and Latin letters in full-width forms (`２０１９年`, `ＧＤＰ`).
    "full-width-digits": translate(
        {c: chr(ord(c) + 0xFEE0) for c in "0123456789%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
    ),
    # A PDF font's radicals for the characters they stand for (`1⽉31⽇`).
    "pdf-radicals": translate(radical_forms()),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    # Every non-blank line indented by two ideographic spaces.
    "indented": lambda text: "\n".join("\u3000\u3000" + l if l.strip() else l for l in text.split("\n")),
}


def blank_after_some_paragraphs(text, labels):
    """A blank line after one in seven lines that end a sentence inside a story's body (the
    next line goes on with that body), as an extraction that sets a column's blocks apart
    prints them; drawn with a fixed seed per dump."""
    lines, tags = text.split("\n"), labels.split("\n")
    tags += [""] * (len(lines) - len(tags))
    draw = random.Random(text[:200])
    out_lines, out_tags = [], []
    for i, (line, tag) in enumerate(zip(lines, tags)):
        out_lines.append(line)
        out_tags.append(tag)
        here, below = tag.split(), tags[i + 1].split() if i + 1 < len(lines) else []
        inside_body = (
            here and below and here[0] == below[0] and here[1] == below[1] == "body"
        )
        if inside_body and line.rstrip().endswith(("。", "！", "？", "”")) and draw.random() < 1 / 7:
            out_lines.append("")
            out_tags.append("")
    return "\n".join(out_lines), "\n".join(out_tags)


def blank_at_column_breaks(text, labels):
    """A blank line every 15 to 30 lines inside a story's body, wherever the line ends (in
    mid-sentence too), as `pdftotext` sets apart the blocks of a story's columns."""
    lines, tags = text.split("\n"), labels.split("\n")
    tags += [""] * (len(lines) - len(tags))
    draw = random.Random(text[:200])
    height, run = draw.randint(15, 30), 0
    out_lines, out_tags = [], []
    for i, (line, tag) in enumerate(zip(lines, tags)):
        out_lines.append(line)
        out_tags.append(tag)
        run = run + 1 if line.strip() else 0
        here, below = tag.split(), tags[i + 1].split() if i + 1 < len(lines) else []
        inside_body = (
            here and below and here[0] == below[0] and here[1] == below[1] == "body"
        )
        if run >= height and inside_body:
            out_lines.append("")
            out_tags.append("")
            run = 0
    return "\n".join(out_lines), "\n".join(out_tags)


def as_markdown(text, labels):
    """The page as an HTML-to-Markdown converter prints it, by the gold roles: `# ` before a
    headline, `## ` before a subhead, author lines in `**`, captions and credits in `*`."""
    lines, tags = text.split("\n"), labels.split("\n")
    tags += [""] * (len(lines) - len(tags))
    marks = {"headline": ("# ", ""), "subhead": ("## ", ""), "author": ("**", "**"),
             "caption": ("*", "*"), "credit": ("*", "*")}
    out = []
    for line, tag in zip(lines, tags):
        fields = tag.split()
        before, after = marks.get(fields[1] if len(fields) > 1 else "", ("", ""))
        out.append(before + line.strip() + after if line.strip() and before else line)
    return "\n".join(out), labels


def as_html(text, labels):
    """The page with its HTML left in, as a crawl that keeps the tags gives it, by the gold
    roles: `<h1>` around a headline, `<h2>` around a subhead, every other line in `<p>`, an
    author line's text in `<strong>`, a caption's and a credit's in `<em>`."""
    lines, tags = text.split("\n"), labels.split("\n")
    tags += [""] * (len(lines) - len(tags))
    marks = {"headline": ("<h1>", "</h1>"), "subhead": ("<h2>", "</h2>"),
             "author": ("<p><strong>", "</strong></p>"), "caption": ("<p><em>", "</em></p>"),
             "credit": ("<p><em>", "</em></p>")}
    out = []
    for line, tag in zip(lines, tags):
        fields = tag.split()
        before, after = marks.get(fields[1] if len(fields) > 1 else "", ("<p>", "</p>"))
        out.append(before + line.strip() + after if line.strip() else line)
    return "\n".join(out), labels


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
    extra = ["no-blank-lines", "blank-paragraph-ends", "column-breaks", "markdown", "html"]
    for variant in [*VARIANTS, *extra]:
        os.makedirs(os.path.join(dst, variant), exist_ok=True)
    for name in names:
        with open(os.path.join(src, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(src, name + ".labels"), encoding="utf-8") as f:
            labels = f.read()
        outputs = {v: (change(text), labels) for v, change in VARIANTS.items()}
        outputs["no-blank-lines"] = without_blank_lines(text, labels)
        outputs["blank-paragraph-ends"] = blank_after_some_paragraphs(text, labels)
        outputs["column-breaks"] = blank_at_column_breaks(text, labels)
        outputs["markdown"] = as_markdown(text, labels)
        outputs["html"] = as_html(text, labels)
        for variant, (out_text, out_labels) in outputs.items():
            base = os.path.join(dst, variant, name)
            with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
                f.write(out_text)
            with open(base + ".labels", "w", encoding="utf-8") as f:
                f.write(out_labels)
    print(f"{len(names)} dumps x {len(VARIANTS) + len(extra)} variants under {dst}")


if __name__ == "__main__":
    main()

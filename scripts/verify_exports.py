#!/usr/bin/env python3
"""Check Sayso's exports of projects (`--fixture`, repeated) with the real readers.

Runs `EXPORT_CMD PROJECT --format F --out PATH [--include-suggestions]` for every format, with and
without suggestions, then checks:

- spaCy JSONL and doccano (both shapes): `Doc.char_span(start, end)` on `spacy.blank("en")` gives
  every span, its text the text at the offsets (a span inside one of spaCy's tokens, such as
  "Germany" in "/Germany/", must be given with `alignment_mode="expand"`; such spans are counted);
  the spans also go into a DocBin; a `statement` property only on quotations;
- brat: a strict standoff parser reads every .ann (T, R, A, N, # lines; ids unique; types and
  attributes declared in annotation.conf; references defined), and every T line's text equals the
  slice of the .txt at its fragments;
- Label Studio: the rules of formats.md — from_name/to_name match label_config.xml, every label,
  per-region choice (attribution type, statement) and relation is in the config, value.text == text[start:end], relation ids exist in the same result,
  suggestions only under predictions;
- CSV: Python's csv module reads it (UTF-8 with BOM) with the expected columns, and each quote's
  text equals the document text at start:end;
- CoNLL: spaCy's CoNLL-NER converter reads it, tokens concatenate to the text without whitespace,
  IOB tags are well formed and every entity is one of the exported mentions.

Offsets are Python string indices (code points) throughout. Exits non-zero on the first file that
breaks a rule, printing what and where.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import spacy
from spacy.tokens import DocBin

FORMATS = ["spacy", "doccano", "brat", "csv", "conll", "labelstudio"]
CSV_COLUMNS = ["document", "quote text", "kind", "type", "speaker", "speaker mention", "cue", "start", "end",
               "status", "tags", "note", "statement"]
TYPES = ("statement", "belief", "evidence", "question")
NLP = spacy.blank("en")


class Failure(Exception):
    pass


def check(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise Failure(f"{where}: {message}")


def run_exports(cmd: list[str], project: Path, out: Path, suggestions: bool) -> dict[str, Path]:
    paths = {}
    for fmt in FORMATS:
        target = out / ("brat" if fmt == "brat" else f"export.{fmt}")
        args = [*cmd, str(project), "--format", fmt, "--out", str(target)]
        if suggestions:
            args.append("--include-suggestions")
        result = subprocess.run(args, capture_output=True, text=True)
        check(result.returncode == 0, " ".join(args), f"exit {result.returncode}\n{result.stderr}")
        paths[fmt] = target
    return paths


def jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes()
    check(not raw.startswith(b"\xef\xbb\xbf"), str(path), "starts with a BOM")
    out = []
    for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise Failure(f"{path}:{n}: {e}") from e
    return out


# Spans inside one of spaCy's tokens ("Germany" in the dateline "/Germany/"), by file: valid offsets,
# which spaCy reads with alignment_mode="expand"; counted and shown, not failed.
INSIDE_TOKENS: dict[str, int] = {}


def char_span(doc, start: int, end: int, label: str, where: str):
    span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        check(span is not None and span.start_char <= start and end <= span.end_char, where,
              f"Doc.char_span({start}, {end}) is None for {doc.text[start:end]!r}, even expanded")
        file = where.split(":")[0]
        INSIDE_TOKENS[file] = INSIDE_TOKENS.get(file, 0) + 1
        return span
    check(span.text == doc.text[start:end], where, f"span text {span.text!r} != {doc.text[start:end]!r}")
    return span


def check_spacy(path: Path, suggestions: bool, bin_path: Path) -> list[dict]:
    """Returns the documents: text, title and spans, for the other checks."""
    docs = []
    doc_bin = DocBin(store_user_data=True)
    for n, line in enumerate(jsonl(path), 1):
        where = f"{path}:{n}"
        text = line["text"]
        doc = NLP.make_doc(text)
        spans, ids = [], set()
        for s in line["spans"]:
            check(s["text"] == text[s["start"]:s["end"]], where, f"span {s['id']} text differs from its slice")
            check(s["status"] in ("accepted", "suggested"), where, f"status {s['status']!r}")
            check(suggestions or s["status"] == "accepted", where, "a suggestion in a default export")
            check((s.get("attribution") in TYPES) == (s["layer"] == "quote"), where,
                  f"span {s['id']}: attribution {s.get('attribution')!r} on layer {s['layer']!r}")
            check("statement" not in s or (s["layer"] == "quote" and re.fullmatch(r"s\d+", s["statement"])), where,
                  f"span {s['id']}: statement {s.get('statement')!r} on layer {s['layer']!r}")
            spans.append(char_span(doc, s["start"], s["end"], s["label"], f"{where} span {s['id']}"))
            ids.add(s["id"])
        for r in line.get("relations", []):
            check(r["head_id"] in ids and r["child_id"] in ids, where, f"relation {r} points at a missing span")
            check(r["label"] in ("SPOKEN_BY", "CUED_BY", "PART_OF", "SAME_STATEMENT"), where, f"relation label {r['label']!r}")
        doc.spans["sc"] = spans
        doc_bin.add(doc)
        docs.append({"text": text, "title": line["meta"]["title"], "spans": line["spans"]})
    doc_bin.to_disk(bin_path)
    check(len(list(DocBin().from_disk(bin_path).get_docs(NLP.vocab))) == len(docs), str(bin_path), "DocBin round trip")
    return docs


def check_doccano(path: Path, docs: list[dict]) -> None:
    relations_path = path.with_name(path.stem + ".relations.jsonl")
    plain, related = jsonl(path), jsonl(relations_path)
    check(len(plain) == len(related) == len(docs), str(path), "one line per document in both files")
    seen_ids = set()
    for n, (a, b, ref) in enumerate(zip(plain, related, docs), 1):
        where = f"{path}:{n}"
        check(a["text"] == b["text"] == ref["text"], where, "text differs from the spaCy export")
        doc = NLP.make_doc(a["text"])
        check(len(a["label"]) == len(ref["spans"]), where, "not every span exported")
        for start, end, label in a["label"]:
            char_span(doc, start, end, label, where)
        ids = set()
        for e in b["entities"]:
            check(e["id"] not in seen_ids, f"{relations_path}:{n}", f"entity id {e['id']} reused")
            seen_ids.add(e["id"])
            ids.add(e["id"])
            char_span(doc, e["start_offset"], e["end_offset"], e["label"], f"{relations_path}:{n}")
        for r in b["relations"]:
            check(r["from_id"] in ids and r["to_id"] in ids, f"{relations_path}:{n}", f"relation {r} dangles")


# --- brat ----------------------------------------------------------------------------------------

def read_conf(path: Path) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = sections.setdefault(m.group(1), {})
            continue
        check(current is not None, str(path), f"line outside a section: {line!r}")
        name, _, rest = line.partition("\t")
        current[name] = rest
    return sections


T_LINE = re.compile(r"T\d+\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
R_LINE = re.compile(r"R\d+\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")
A_LINE = re.compile(r"A\d+\t(\S+) (T\d+)(?: (\S+))?")
N_LINE = re.compile(r"N\d+\t(\S+) (T\d+) (\S+):(\S+)\t(.*)")
NOTE_LINE = re.compile(r"#\d+\t(\S+) (T\d+)\t(.*)")


def parse_ann(ann: Path, text: str, conf: dict[str, dict[str, str]]) -> list[tuple[str, int, int, str]]:
    """A strict reader of brat standoff; returns the T annotations as (label, start, end, text)."""
    entities, relations = set(conf.get("entities", {})), set(conf.get("relations", {}))
    attributes = {}
    for name, spec in conf.get("attributes", {}).items():
        m = re.search(r"Value:([^,\s]+)", spec)
        attributes[name] = set(m.group(1).split("|")) if m else None
    ids, t_lines, refs = set(), [], []
    for n, line in enumerate(ann.read_text("utf-8").split("\n"), 1):
        where = f"{ann}:{n}"
        if line == "":
            continue
        ident = line.split("\t", 1)[0]
        check(ident not in ids, where, f"id {ident} defined twice")
        ids.add(ident)
        if m := T_LINE.fullmatch(line):
            label, offsets, quoted = m.groups()
            check(label in entities, where, f"entity type {label} not in annotation.conf")
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            for s, e in frags:
                check(0 <= s < e <= len(text), where, f"fragment {s} {e} outside the text")
                check("\n" not in text[s:e], where, f"fragment {s} {e} crosses a line break")
            check(quoted == " ".join(text[s:e] for s, e in frags), where,
                  f"T text {quoted!r} != slice {' '.join(text[s:e] for s, e in frags)!r}")
            t_lines.append((label, frags[0][0], frags[-1][1], quoted))
        elif m := R_LINE.fullmatch(line):
            check(m.group(1) in relations, where, f"relation type {m.group(1)} not in annotation.conf")
            refs += [(where, m.group(2)), (where, m.group(3))]
        elif m := A_LINE.fullmatch(line):
            name, target, value = m.groups()
            check(name in attributes, where, f"attribute {name} not in annotation.conf")
            allowed = attributes[name]
            check(allowed is None or value in allowed, where, f"attribute value {value!r} not in {allowed}")
            refs.append((where, target))
        elif m := N_LINE.fullmatch(line):
            refs.append((where, m.group(2)))
        elif m := NOTE_LINE.fullmatch(line):
            refs.append((where, m.group(2)))
        else:
            raise Failure(f"{where}: not a brat standoff line: {line!r}")
    for where, target in refs:
        check(target in ids, where, f"refers to undefined {target}")
    return t_lines


def check_brat(folder: Path, docs: list[dict]) -> None:
    conf = read_conf(folder / "annotation.conf")
    anns = sorted(folder.glob("*.ann"), key=lambda p: int(re.match(r"d(\d+)", p.name).group(1)))
    check(len(anns) == len(docs), str(folder), f"{len(anns)} .ann files for {len(docs)} documents")
    for ann, ref in zip(anns, docs):
        text = ann.with_suffix(".txt").read_text("utf-8")
        check(text == ref["text"], str(ann.with_suffix(".txt")), "text differs from the spaCy export")
        spans = parse_ann(ann, text, conf)
        check(len(spans) == len(ref["spans"]), str(ann), "not every span exported")


# --- Label Studio --------------------------------------------------------------------------------

def check_labelstudio(path: Path, docs: list[dict], suggestions: bool) -> None:
    config_path = path.with_name("label_config.xml")
    view = ET.parse(config_path).getroot()
    labels_tag, text_tag, relations_tag = view.find("Labels"), view.find("Text"), view.find("Relations")
    check(labels_tag is not None and text_tag is not None, str(config_path), "needs <Labels> and <Text>")
    check(labels_tag.get("toName") == text_tag.get("name"), str(config_path), "Labels toName != Text name")
    check(text_tag.get("value") == "$text", str(config_path), "Text value must be $text")
    labels = {l.get("value") for l in labels_tag.findall("Label")}
    # Per-region choices by name: a quotation's attribution type, the statement it reports.
    choices = {}
    for tag in view.findall("Choices"):
        check(tag.get("perRegion") == "true", str(config_path), "Choices must be perRegion")
        check(tag.get("toName") == text_tag.get("name"), str(config_path), "Choices toName != Text name")
        choices[tag.get("name")] = {c.get("value") for c in tag.findall("Choice")}
    relation_labels = {r.get("value") for r in relations_tag.findall("Relation")} if relations_tag is not None else set()
    tasks = json.loads(path.read_text("utf-8"))
    check(isinstance(tasks, list) and len(tasks) == len(docs), str(path), "one task per document")
    for n, (task, ref) in enumerate(zip(tasks, docs), 1):
        where = f"{path}: task {n}"
        text = task["data"]["text"]
        check(text == ref["text"], where, "text differs from the spaCy export")
        doc = NLP.make_doc(text)
        expected = {("accepted" if s["status"] == "accepted" else "suggested") for s in ref["spans"]}
        sides = [(a["result"], False) for a in task["annotations"]]
        sides += [(p["result"], True) for p in task.get("predictions", [])]
        check(suggestions or not task.get("predictions"), where, "predictions in a default export")
        count = 0
        for result, predicted in sides:
            ids = [i["id"] for i in result if i["type"] == "labels"]
            check(len(ids) == len(set(ids)), where, "region ids repeat")
            for item in result:
                if item["type"] == "labels":
                    check(item["from_name"] == labels_tag.get("name"), where, f"from_name {item['from_name']!r}")
                    check(item["to_name"] == text_tag.get("name"), where, f"to_name {item['to_name']!r}")
                    v = item["value"]
                    check(v["text"] == text[v["start"]:v["end"]], where,
                          f"value.text {v['text']!r} != text[{v['start']}:{v['end']}] {text[v['start']:v['end']]!r}")
                    check(set(v["labels"]) <= labels, where, f"labels {v['labels']} not in the config")
                    char_span(doc, v["start"], v["end"], v["labels"][0], where)
                    count += 1
                elif item["type"] == "choices":
                    # A per-region choice, on a region of the same result.
                    check(item["from_name"] in choices, where, f"choices from_name {item['from_name']!r} not in the config")
                    check(item["id"] in ids, where, f"choice {item} is on no region")
                    check(set(item["value"]["choices"]) <= choices[item["from_name"]], where,
                          f"choices {item['value']['choices']}")
                else:
                    check(item["type"] == "relation", where, f"unknown result type {item['type']!r}")
                    check(item["from_id"] in ids and item["to_id"] in ids, where, f"relation {item} dangles")
                    check(set(item["labels"]) <= relation_labels, where, f"relation {item['labels']} not in config")
            check(not predicted or "suggested" in expected, where, "predictions without suggestions")
        check(count == len(ref["spans"]), where, f"{count} regions for {len(ref['spans'])} spans")


# --- CSV -----------------------------------------------------------------------------------------

def check_csv(path: Path, docs: list[dict]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
        f.seek(0)
        header = next(csv.reader(f))
    check(header == CSV_COLUMNS, str(path), f"columns {header}")
    by_title = {d["title"]: d for d in docs}
    quotes = sum(1 for d in docs for s in d["spans"] if s["layer"] == "quote")
    check(len(rows) == quotes, str(path), f"{len(rows)} rows for {quotes} quotes")
    for n, row in enumerate(rows, 2):
        where = f"{path}: row {n}"
        doc = by_title.get(row["document"])
        check(doc is not None, where, f"unknown document {row['document']!r}")
        start, end = int(row["start"]), int(row["end"])
        check(row["quote text"] == doc["text"][start:end], where, "quote text differs from the slice")
        check(row["status"] in ("accepted", "suggested"), where, f"status {row['status']!r}")
        check(row["kind"] in ("DIRECT", "MIXED", "INDIRECT"), where, f"kind {row['kind']!r}")
        check(row["type"] in TYPES, where, f"type {row['type']!r}")


# --- CoNLL ---------------------------------------------------------------------------------------

def check_conll(path: Path, docs: list[dict]) -> None:
    from spacy.training.converters import conll_ner_to_docs

    raw = path.read_text("utf-8")
    blocks = raw.split("-DOCSTART- -X- -X- O\n")[1:]
    check(len(blocks) == len(docs), str(path), f"{len(blocks)} documents for {len(docs)}")
    b_tags = 0
    for n, (block, ref) in enumerate(zip(blocks, docs), 1):
        where = f"{path}: document {n}"
        rows = [line.split(" ") for line in block.split("\n") if line]
        check(all(len(r) == 4 for r in rows), where, "every token line has 4 columns")
        tokens = "".join(r[0] for r in rows)
        check(tokens == re.sub(r"\s", "", ref["text"]), where, "tokens do not line up with the text")
        mentions = {(s["label"], re.sub(r"\s", "", s["text"])) for s in ref["spans"] if s["layer"] == "mention"}
        current, words = None, []
        for word, _, _, tag in rows + [["", "", "", "O"]]:
            if tag.startswith("I-"):
                check(current == tag[2:], where, f"{tag} after {current}")
                words.append(word)
                continue
            if current is not None:
                check((current, "".join(words)) in mentions, where, f"entity {current} {''.join(words)!r} not exported")
            current, words = (tag[2:], [word]) if tag.startswith("B-") else (None, [])
            b_tags += tag.startswith("B-")
    converted = conll_ner_to_docs(raw, n_sents=10, no_print=True)
    ents = sum(len(d.ents) for d in converted)
    check(ents == b_tags, str(path), f"spaCy's converter found {ents} entities, the file has {b_tags}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixture", type=Path, required=True, action="append",
                        help="a project to export and check (repeat for more)")
    parser.add_argument("--export-cmd", required=True, help='e.g. "target/release/sayso export"')
    args = parser.parse_args()
    cmd = shlex.split(args.export_cmd)
    with tempfile.TemporaryDirectory(prefix="sayso-verify-") as tmp:
        runs = [(n, fixture, suggestions) for n, fixture in enumerate(args.fixture) for suggestions in (False, True)]
        for n, fixture, suggestions in runs:
            label = f"{fixture.name}, " + ("with suggestions" if suggestions else "reviewed only")
            out = Path(tmp) / f"{n}-{'all' if suggestions else 'reviewed'}"
            out.mkdir()
            paths = run_exports(cmd, fixture, out, suggestions)
            try:
                docs = check_spacy(paths["spacy"], suggestions, out / "export.spacy")
                check_doccano(paths["doccano"], docs)
                check_brat(paths["brat"], docs)
                check_labelstudio(paths["labelstudio"], docs, suggestions)
                check_csv(paths["csv"], docs)
                check_conll(paths["conll"], docs)
            except Failure as e:
                print(f"FAIL ({label}): {e}", file=sys.stderr)
                return 1
            spans = sum(len(d["spans"]) for d in docs)
            inside = sum(INSIDE_TOKENS.values())
            note = f" ({inside} inside one of spaCy's tokens, read expanded)" if inside else ""
            INSIDE_TOKENS.clear()
            print(f"ok ({label}): {len(docs)} documents, {spans} spans in 6 formats{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

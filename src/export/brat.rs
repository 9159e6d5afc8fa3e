//! brat standoff: a folder with one `dN-title.txt` + `dN-title.ann` pair per document, plus
//! `annotation.conf` and `visual.conf` so brat shows the labels in the project's colours.
//!
//! ```text
//! (fields are separated by tabs, shown here as →)
//! T1  →  DIRECT 57 96  →  “We will rebuild the bridge by spring.”
//! T2  →  SPEAKER 34 50  →  Mayor Zoë Adams
//! R1  →  SPOKEN_BY Arg1:T1 Arg2:T2
//! A1  →  Status T1 accepted
//! A2  →  Type T1 statement
//! A3  →  Statement T1 s3
//! N1  →  Reference T2 sayso:e3  →  Zoë Adams
//! #1  →  AnnotatorNotes T1  →  the analyst's note
//! #2  →  Tag T1  →  front-page
//! ```
//!
//! **Offsets:** Unicode code points into the `.txt`, end exclusive, as brat's file format defines
//! them (brat's own web tools are off by one per astral character, nlplab/brat#1115; the files are
//! not). A span that crosses a line break is written as fragments (`0 5;6 10`) around the breaks,
//! with the fragment texts joined by a space, as brat does.
//!
//! **Cannot hold:** layers (the label decides the layer on import), entity types and aliases (an
//! `N` line carries the entity's id and canonical name only), line breaks inside notes and tags
//! (written as spaces) and line breaks at a span's very start or end (brat fragments cannot hold
//! them, so such a span is trimmed to its text). Labels with spaces are written with `_`. Each
//! counts in the report. Tags are one `#` line each.
//!
//! **Writing a folder safely:** every file is first written into a hidden staging folder inside
//! the target, then each is renamed into place and the folder is synced. A failure while writing
//! leaves the target untouched (the staging folder is removed); once renaming starts, each file is
//! either its old or its new complete self — a reader never sees half a file. Staged files are not
//! synced one by one as [`crate::store::atomic::write_atomic`] does: that costs a few milliseconds
//! a file (over a second for 100 articles), and an export can always be written again, unlike a
//! project. Files of earlier exports with other names are left alone.

use super::{DocSel, Error, LeftOut, Relation, Selection, attribution_name, statement_name, status_name};
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file stem for a document: `d{id}-{slug}`, the slug made of lower-case ASCII letters,
/// digits and single hyphens (so it survives import → export unchanged).
fn stem(id: u32, title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { format!("d{id}") } else { format!("d{id}-{slug}") }
}

/// A brat type name: no whitespace.
fn type_name(label: &str) -> Cow<'_, str> {
    if label.contains(char::is_whitespace) { Cow::Owned(label.replace(char::is_whitespace, "_")) } else { label.into() }
}

fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r']) { Cow::Owned(s.replace(['\n', '\r'], " ")) } else { s.into() }
}

/// The fragments of `start..end` between line breaks, as code-point ranges.
fn fragments(text: &str, start: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let mut at = start;
    for c in text.chars() {
        if c == '\n' {
            if at > from {
                out.push((from, at));
            }
            from = at + 1;
        }
        at += 1;
    }
    if at > from {
        out.push((from, at));
    }
    out
}

fn write_ann(selection: &Selection, d: &DocSel, w: &mut dyn Write) -> io::Result<()> {
    for &a in &d.anns {
        let text = d.text_of(a);
        let frags = fragments(text, a.span.start());
        write!(w, "T{}\t{} ", selection.local(a), type_name(&a.label))?;
        for (i, (s, e)) in frags.iter().enumerate() {
            write!(w, "{}{s} {e}", if i == 0 { "" } else { ";" })?;
        }
        w.write_all(b"\t")?;
        for (i, (s, e)) in frags.iter().enumerate() {
            if i > 0 {
                w.write_all(b" ")?;
            }
            w.write_all(d.index.slice(&d.doc.text, *s, *e).as_bytes())?;
        }
        w.write_all(b"\n")?;
    }
    let mut n = 0;
    for &a in &d.anns {
        for (relation, to, _) in selection.relations(a) {
            n += 1;
            writeln!(w, "R{n}\t{} Arg1:T{} Arg2:T{to}", relation.name(), selection.local(a))?;
        }
    }
    for (n, &a) in d.anns.iter().enumerate() {
        writeln!(w, "A{}\tStatus T{} {}", n + 1, selection.local(a), status_name(a))?;
    }
    let mut n = d.anns.len();
    for &a in &d.anns {
        if let Some(t) = attribution_name(a) {
            n += 1;
            writeln!(w, "A{n}\tType T{} {t}", selection.local(a))?;
        }
    }
    for &a in &d.anns {
        if let Some(s) = statement_name(a) {
            n += 1;
            writeln!(w, "A{n}\tStatement T{} {s}", selection.local(a))?;
        }
    }
    let mut n = 0;
    for &a in &d.anns {
        if let Some(e) = a.links.entity.and_then(|id| selection.project.entity(id)) {
            n += 1;
            writeln!(w, "N{n}\tReference T{} sayso:{}\t{}", selection.local(a), e.id, one_line(&e.name))?;
        }
    }
    let mut n = 0;
    for &a in &d.anns {
        if !a.note.is_empty() {
            n += 1;
            writeln!(w, "#{n}\tAnnotatorNotes T{}\t{}", selection.local(a), one_line(&a.note))?;
        }
        for tag in &a.tags {
            n += 1;
            writeln!(w, "#{n}\tTag T{}\t{}", selection.local(a), one_line(tag))?;
        }
    }
    Ok(())
}

fn write_conf(selection: &Selection, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"# Written by Sayso.\n[entities]\n")?;
    for label in selection.labels() {
        writeln!(w, "{}", type_name(label))?;
    }
    w.write_all(b"\n[relations]\n")?;
    for relation in Relation::ALL {
        writeln!(w, "{}\tArg1:<ENTITY>, Arg2:<ENTITY>", relation.name())?;
    }
    w.write_all(b"<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n")?;
    w.write_all(b"Status\tArg:<ENTITY>, Value:accepted|suggested\n")?;
    let types: Vec<&str> = crate::model::AttributionType::ALL.iter().map(|t| t.name()).collect();
    writeln!(w, "Type\tArg:<ENTITY>, Value:{}", types.join("|"))?;
    let statements = selection.statement_names();
    if !statements.is_empty() {
        writeln!(w, "Statement\tArg:<ENTITY>, Value:{}", statements.join("|"))?;
    }
    Ok(())
}

fn write_visual(selection: &Selection, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"# Written by Sayso.\n[labels]\n\n[drawing]\n")?;
    for label in selection.labels() {
        writeln!(w, "{}\tbgColor:{}", type_name(label), String::from(selection.project.schema.color_of(label)))?;
    }
    Ok(())
}

/// Writes one file into the staging folder (see the module's note on syncing).
fn stage_file<F>(path: &Path, write: F) -> Result<(), Error>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let result = std::fs::File::create(path).and_then(|file| {
        let mut out = io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.flush()
    });
    result.map_err(|source| Error::Write { path: path.to_path_buf(), source })
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let all = || selection.docs.iter().flat_map(|d| d.anns.iter());
    left_out.add(
        all()
            .filter(|a| {
                a.links.entity.is_some_and(|id| selection.project.entity(id).is_some_and(|e| !e.aliases.is_empty()))
            })
            .count(),
        "entity link whose aliases brat cannot hold",
        "entity links whose aliases brat cannot hold",
    );
    left_out.add(
        all().filter(|a| a.note.contains('\n') || a.tags.iter().any(|t| t.contains('\n'))).count(),
        "note or tag with line breaks written on one line",
        "notes or tags with line breaks written on one line",
    );
    let trimmed = selection
        .docs
        .iter()
        .flat_map(|d| d.anns.iter().map(move |a| d.text_of(a)))
        .filter(|t| t.starts_with('\n') || t.ends_with('\n'))
        .count();
    left_out.add(
        trimmed,
        "span starting or ending with a line break, trimmed (brat cannot hold it)",
        "spans starting or ending with a line break, trimmed (brat cannot hold them)",
    );
    left_out.add(
        all().filter(|a| a.label.contains(char::is_whitespace)).count(),
        "label with spaces written with \"_\"",
        "labels with spaces written with \"_\"",
    );
    left_out.dangling(selection);
    let err = |source| Error::Write { path: out.to_path_buf(), source };
    std::fs::create_dir_all(out).map_err(err)?;
    let stage = tempfile::Builder::new().prefix(".sayso-export-").tempdir_in(out).map_err(err)?;
    let mut names = vec!["annotation.conf".to_string(), "visual.conf".to_string()];
    stage_file(&stage.path().join(&names[0]), |w| write_conf(selection, w))?;
    stage_file(&stage.path().join(&names[1]), |w| write_visual(selection, w))?;
    for d in &selection.docs {
        let stem = stem(d.doc.id.0, &d.doc.title);
        let txt = format!("{stem}.txt");
        let ann = format!("{stem}.ann");
        stage_file(&stage.path().join(&txt), |w| w.write_all(d.doc.text.as_bytes()))?;
        stage_file(&stage.path().join(&ann), |w| write_ann(selection, d, w))?;
        names.push(txt);
        names.push(ann);
    }
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let target = out.join(&name);
        std::fs::rename(stage.path().join(&name), &target)
            .map_err(|source| Error::Write { path: target.clone(), source })?;
        files.push(target);
    }
    if let Ok(dir) = std::fs::File::open(out) {
        // Not every platform can sync a folder; the renames have happened either way.
        let _ = dir.sync_all();
    }
    Ok(files)
}

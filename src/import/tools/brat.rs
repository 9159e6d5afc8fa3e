//! brat standoff, read back: a folder (every `.ann` with its `.txt`, in name order) or one
//! `.ann`/`.txt` pair, as `crate::export` writes them (`dN-title` stems keep the document ids).
//! `T`, `R`, `N`, `#` and `Type` attribute lines are read; `Status` lines are skipped (imports are
//! accepted), as are equivalences. Every `T` line's text must equal the text at its offsets.
//!
//! **Attribution corpora.** PolNeAR-style folders are read too: each annotator's file is
//! `TEXT_XXXX.ann` (beside `TEXT.txt`, or in `attributions/` with the texts in `text/`), so one
//! folder holds several annotators' work — [`read_by_annotator`] gives one project each. Their
//! labels `Content`, `Source` and `Cue` are quotations, speakers and cues; an `Attribution` event
//! (`E1 Attribution:T4 Content:T3 Cue:T2 Source:T1`) links the content to its source and cue, and
//! a second content span (`Content2`) is a later part of the same quotation. The event triggers
//! and the annotators' own markers (`Attribution`, `Attribution-no-source`, `Discuss`, `Discard`)
//! are not annotations of the text and are left out.

use super::{ForeignText, Importer, read_text};
use crate::export::{Error, Format, Relation, set_attribution};
use crate::model::{AnnId, Entity, EntityId, Layer, Project};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// An `.ann` file, the text it annotates and who annotated it.
struct Pair {
    ann: PathBuf,
    txt: PathBuf,
    annotator: Option<String>,
}

/// The layer of an attribution corpus's label (`Some(None)`: the schema decides), or `None` for
/// a label that marks no span of the text as such.
fn attribution_layer(label: &str) -> Option<Option<Layer>> {
    match label {
        "Content" | "Content2" => Some(Some(Layer::Quote)),
        "Source" => Some(Some(Layer::Speaker)),
        "Cue" => Some(Some(Layer::Cue)),
        "Attribution" | "Attribution-no-source" | "Discuss" | "Discard" => None,
        _ => Some(None),
    }
}

/// Splits `d12-some-title` into (Some(12), "some-title").
fn parse_stem(stem: &str) -> (Option<u32>, String) {
    let Some(rest) = stem.strip_prefix('d') else { return (None, stem.to_string()) };
    let (digits, title) = rest.split_once('-').unwrap_or((rest, ""));
    match digits.parse() {
        Ok(id) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => (Some(id), title.to_string()),
        _ => (None, stem.to_string()),
    }
}

/// The `.ann` files at `path` (a folder, its `attributions/`, or one file) with their texts.
fn pairs(path: &Path) -> Result<Vec<Pair>, Error> {
    let read_err = |source| Error::Read { path: path.to_path_buf(), source };
    let mut anns = Vec::new();
    if path.is_dir() {
        for dir in [path.to_path_buf(), path.join("attributions")].into_iter().filter(|d| d.is_dir()) {
            for entry in std::fs::read_dir(&dir).map_err(read_err)? {
                let p = entry.map_err(read_err)?.path();
                if p.extension().is_some_and(|e| e == "ann") {
                    anns.push(p);
                }
            }
        }
        anns.sort();
        if anns.is_empty() {
            return Err(Error::Invalid { path: path.to_path_buf(), message: "the folder holds no .ann files".into() });
        }
    } else {
        anns.push(path.with_extension("ann"));
    }
    Ok(anns
        .into_iter()
        .map(|ann| {
            let own = ann.with_extension("txt");
            let stem = ann.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            // `TEXT_XXXX.ann` is annotator XXXX's file for `TEXT.txt`, here or in `../text/`.
            let shared = stem.rsplit_once('_').and_then(|(text, who)| {
                let dir = ann.parent()?;
                let candidates = [dir.join(format!("{text}.txt")), dir.join("../text").join(format!("{text}.txt"))];
                let txt = candidates.into_iter().find(|t| t.is_file())?;
                Some((txt, who.to_string()))
            });
            match shared {
                Some((txt, who)) if !own.is_file() => Pair { ann, txt, annotator: Some(who) },
                _ => Pair { ann, txt: own, annotator: None },
            }
        })
        .collect())
}

pub(crate) fn read(path: &Path) -> Result<Project, Error> {
    let mut projects = read_by_annotator(path)?;
    match projects.len() {
        1 => Ok(projects.remove(0).1),
        n => Err(Error::Invalid {
            path: path.to_path_buf(),
            message: format!(
                "it holds the work of {n} annotators ({}): `sayso import --format brat` makes one project of each",
                projects.iter().filter_map(|(who, _)| who.clone()).collect::<Vec<_>>().join(", ")
            ),
        }),
    }
}

/// One project per annotator of the `.ann` files at `path` (one, unnamed, when the files do not
/// say who made them).
pub fn read_by_annotator(path: &Path) -> Result<Vec<(Option<String>, Project)>, Error> {
    let mut by_annotator: BTreeMap<Option<String>, Vec<Pair>> = BTreeMap::new();
    for pair in pairs(path)? {
        by_annotator.entry(pair.annotator.clone()).or_default().push(pair);
    }
    by_annotator
        .into_iter()
        .map(|(who, pairs)| {
            let mut importer = Importer::new(Format::Brat);
            let mut foreign_entities = HashMap::new();
            for pair in pairs {
                read_pair(&mut importer, &mut foreign_entities, &pair)?;
            }
            Ok((who, importer.finish()))
        })
        .collect()
}

fn read_pair(importer: &mut Importer, foreign: &mut HashMap<String, EntityId>, pair: &Pair) -> Result<(), Error> {
    let (ann, txt) = (pair.ann.as_path(), &pair.txt);
    let text = ForeignText::new(read_text(txt)?);
    let source = read_text(ann)?;
    let stem = txt.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (id, title) = parse_stem(&stem);
    let doc = importer.document(id, title, String::new(), txt, text.text.clone());
    let mut ids: HashMap<&str, AnnId> = HashMap::new();
    let mut left_out: HashSet<&str> = HashSet::new();
    let mut later = Vec::new();
    // The rest of a span's text that a line break inside it carried onto the next lines (some
    // corpora write the text as it is, breaks included): those lines are that text, not records.
    let mut carried = String::new();
    for (i, line) in source.lines().enumerate() {
        let n = i + 1;
        let bad = |message: String| Error::Parse { path: ann.to_path_buf(), line: n, message };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !carried.is_empty() && !line.contains('\t') {
            carried = carried.trim_start_matches('\n').strip_prefix(line).unwrap_or_default().to_string();
            continue;
        }
        carried.clear();
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(tid), Some(mid)) = (fields.next(), fields.next()) else {
            return Err(bad(format!("expected tab-separated fields, found {line:?}")));
        };
        let rest = fields.next();
        if !tid.starts_with('T') {
            later.push((n, tid, mid, rest));
            continue;
        }
        let Some((label, offsets)) = mid.split_once(' ') else {
            return Err(bad(format!("expected \"TYPE START END\", found {mid:?}")));
        };
        let mut frags = Vec::new();
        for frag in offsets.split(';') {
            let parsed =
                frag.split_once(' ').and_then(|(s, e)| Some((s.parse::<usize>().ok()?, e.parse::<usize>().ok()?)));
            let Some((s, e)) = parsed else { return Err(bad(format!("bad offsets {frag:?}"))) };
            if s > e || e > text.raw_len() {
                return Err(bad(format!("offsets {s} {e} do not fit the text ({} characters)", text.raw_len())));
            }
            frags.push((s, e));
        }
        // Fragments may come in any order (a quotation cut around its attribution, its second
        // part first): the span runs from the first character to the last.
        let (Some(start), Some(end)) = (frags.iter().map(|f| f.0).min(), frags.iter().map(|f| f.1).max()) else {
            return Err(bad("no offsets".into()));
        };
        let expected: Vec<&str> = frags.iter().map(|&(s, e)| text.raw_slice(s, e)).collect();
        let expected = expected.join(" ");
        let given = rest.unwrap_or("");
        match expected.strip_prefix(given) {
            Some("") => {}
            Some(more) if more.starts_with('\n') => carried = more.to_string(),
            _ => return Err(bad(format!("{tid} says {given:?} but the text at its offsets is {expected:?}"))),
        }
        let Some(layer) = attribution_layer(label) else {
            left_out.insert(tid);
            continue;
        };
        let span = text.span(start, end).map_err(bad)?;
        let made = importer.annotation(doc, span, label, layer);
        if ids.insert(tid, made).is_some() {
            return Err(bad(format!("{tid} is defined twice")));
        }
    }
    for (n, id, mid, rest) in later {
        let bad = |message: String| Error::Parse { path: ann.to_path_buf(), line: n, message };
        // A note, attribute or relation on something left out goes with it (an event keeps its
        // other arguments).
        let on_left_out = mid.split([' ', ':']).any(|w| left_out.contains(w));
        if on_left_out && !id.starts_with('E') {
            continue;
        }
        let mut words = mid.split(' ');
        let kind = words.next().unwrap_or("");
        let target =
            |t: &str| ids.get(t).copied().ok_or_else(|| bad(format!("{id} refers to {t}, which is not defined")));
        match id.chars().next() {
            Some('R') => {
                let (Some(a1), Some(a2)) = (words.next(), words.next()) else {
                    return Err(bad(format!("expected \"TYPE Arg1:T1 Arg2:T2\", found {mid:?}")));
                };
                let arg = |a: &str| a.split_once(':').map(|x| x.1).unwrap_or(a).to_string();
                let (from, to) = (target(&arg(a1))?, target(&arg(a2))?);
                if let Some(relation) = Relation::from_name(kind) {
                    importer.relate(relation, from, to);
                }
            }
            Some('N') => {
                let (Some(t), Some(reference)) = (words.next(), words.next()) else {
                    return Err(bad(format!("expected \"Reference T1 DB:ID\", found {mid:?}")));
                };
                let t = target(t)?;
                let name = rest.unwrap_or("").to_string();
                let own = reference.strip_prefix("sayso:e").and_then(|n| n.parse().ok()).map(EntityId);
                let entity = match own {
                    Some(e) => e,
                    None => *foreign.entry(reference.to_string()).or_insert_with(|| importer.next_entity_id()),
                };
                let Some(a) = importer.annotation_mut(t) else { continue };
                a.links.entity = Some(entity);
                let label = if a.layer == Layer::Mention { a.label.clone() } else { "PERSON".to_string() };
                importer.entity(Entity { id: entity, label, name, aliases: Vec::new() });
            }
            // An attribution: the content spoken by its source, introduced by its cue.
            Some('E') => {
                let mut roles: HashMap<&str, AnnId> = HashMap::new();
                for arg in mid.split(' ') {
                    let Some((role, t)) = arg.split_once(':') else { continue };
                    if left_out.contains(t) {
                        continue;
                    }
                    roles.insert(role, target(t)?);
                }
                let Some(&content) = roles.get("Content") else { continue };
                if let Some(a) = importer.annotation_mut(content) {
                    a.links.speaker = roles.get("Source").copied();
                    a.links.cue = roles.get("Cue").copied();
                }
                if let Some(later) = roles.get("Content2").and_then(|t| importer.annotation_mut(*t)) {
                    later.links.part_of = Some(content);
                }
            }
            Some('#') => {
                let t = target(words.next().unwrap_or(""))?;
                let value = rest.unwrap_or("");
                if let Some(a) = importer.annotation_mut(t) {
                    match kind {
                        "AnnotatorNotes" => a.note = value.to_string(),
                        "Tag" => a.tags.push(value.to_string()),
                        _ => {}
                    }
                }
            }
            // A quotation's attribution type.
            Some('A') if kind == "Type" => {
                let t = target(words.next().unwrap_or(""))?;
                if let Some(a) = importer.annotation_mut(t) {
                    set_attribution(a, words.next());
                }
            }
            // The statement a quotation reports, shared with its versions in other documents.
            Some('A') if kind == "Statement" => {
                let t = target(words.next().unwrap_or(""))?;
                importer.statement(t, words.next());
            }
            // Other attributes (status), events, equivalences: not carried into the project.
            _ => {}
        }
    }
    Ok(())
}

//! brat standoff, read back: a folder (every `.ann` with its `.txt`, in name order) or one
//! `.ann`/`.txt` pair, as `crate::export` writes them (`dN-title` stems keep the document ids).
//! `T`, `R`, `N`, `#` and `Type` attribute lines are read; `Status` lines are skipped (imports are
//! accepted), as are events and equivalences. Every `T` line's text must equal the text at its
//! offsets.

use super::{ForeignText, Importer, read_text};
use crate::export::{Error, Format, Relation, set_attribution};
use crate::model::{AnnId, Entity, EntityId, Layer, Project};
use std::collections::HashMap;
use std::path::Path;

/// Splits `d12-some-title` into (Some(12), "some-title").
fn parse_stem(stem: &str) -> (Option<u32>, String) {
    let Some(rest) = stem.strip_prefix('d') else { return (None, stem.to_string()) };
    let (digits, title) = rest.split_once('-').unwrap_or((rest, ""));
    match digits.parse() {
        Ok(id) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => (Some(id), title.to_string()),
        _ => (None, stem.to_string()),
    }
}

pub(crate) fn read(path: &Path) -> Result<Project, Error> {
    let pairs = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        let mut anns = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "ann") {
                anns.push(p);
            }
        }
        anns.sort();
        if anns.is_empty() {
            return Err(Error::Invalid { path: path.to_path_buf(), message: "the folder holds no .ann files".into() });
        }
        anns
    } else {
        vec![path.with_extension("ann")]
    };
    let mut importer = Importer::new(Format::Brat);
    let mut foreign_entities = HashMap::new();
    for ann in pairs {
        read_pair(&mut importer, &mut foreign_entities, &ann)?;
    }
    Ok(importer.finish())
}

fn read_pair(importer: &mut Importer, foreign: &mut HashMap<String, EntityId>, ann: &Path) -> Result<(), Error> {
    let txt = ann.with_extension("txt");
    let text = ForeignText::new(read_text(&txt)?);
    let source = read_text(ann)?;
    let stem = ann.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (id, title) = parse_stem(&stem);
    let doc = importer.document(id, title, String::new(), &txt, text.text.clone());
    let mut ids: HashMap<&str, AnnId> = HashMap::new();
    let mut later = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let n = i + 1;
        let bad = |message: String| Error::Parse { path: ann.to_path_buf(), line: n, message };
        let line = line.strip_suffix('\r').unwrap_or(line);
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
        let (Some(first), Some(last)) = (frags.first(), frags.last()) else {
            return Err(bad("no offsets".into()));
        };
        let expected: Vec<&str> = frags.iter().map(|&(s, e)| text.raw_slice(s, e)).collect();
        let expected = expected.join(" ");
        let given = rest.unwrap_or("");
        if given != expected {
            return Err(bad(format!("{tid} says {given:?} but the text at its offsets is {expected:?}")));
        }
        let span = text.span(first.0, last.1).map_err(bad)?;
        let made = importer.annotation(doc, span, label, None);
        if ids.insert(tid, made).is_some() {
            return Err(bad(format!("{tid} is defined twice")));
        }
    }
    for (n, id, mid, rest) in later {
        let bad = |message: String| Error::Parse { path: ann.to_path_buf(), line: n, message };
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
                if let (Some(relation), Some(a)) = (Relation::from_name(kind), importer.annotation_mut(from)) {
                    relation.set(&mut a.links, to);
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
            // Other attributes (status), events, equivalences: not carried into the project.
            _ => {}
        }
    }
    Ok(())
}

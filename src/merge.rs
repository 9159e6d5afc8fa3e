//! Merging two analysts' projects of the same articles: `sayso merge A.ron B.ron [--base O.ron]`.
//!
//! Documents are paired by their text (its SHA-256), entities by id or by label and name, and
//! annotations within a document and layer: first by id (copies of one project share ids),
//! then by equal span, then by the largest overlap, one to one. A pair that agrees is kept once.
//! Where the versions differ in span, label, status, links (speaker, cue, entity, part of,
//! statement), attribution type or note:
//!
//! - with a base (the project both started from), each field one side changed and the other
//!   did not takes the change (a three-way merge, field by field); an annotation one side
//!   deleted and the other left alone goes;
//! - what is left, and every difference when there is no base, becomes a [`Conflict`] that holds
//!   both versions and who made them. The first version stands in the project until the
//!   conflict is settled (in the window, keys 1, 2 and N).
//!
//! Entities are merged the same way, field by field: a label or canonical name one side changed
//! is taken, aliases are joined, and a label or name both changed differently (or that differs
//! with no base) becomes a conflict over the entity, holding both sides' entity.
//!
//! Nothing either analyst did is dropped: an annotation only one side has is kept (a conflict
//! against nothing, when it is reviewed work in a document both have and there is no base to
//! tell an addition from a deletion), tags are joined, and the second side's documents, entities and statements the
//! first lacks are added, with new ids where theirs are taken.

use crate::model::{
    AnnId, Annotation, Conflict, ConflictId, DocId, Entity, EntityId, Layer, Project, StatementId, Status, Version,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// What a merge did, for the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Annotations both sides have alike.
    pub agreed: usize,
    /// Annotations whose changes were combined from both sides (with a base).
    pub combined: usize,
    /// Annotations only the second side has, added.
    pub added: usize,
    /// Annotations one side deleted and the other left as they were in the base, removed.
    pub deleted: usize,
    pub documents_added: usize,
    pub entities_added: usize,
    /// Entities whose changes from both sides were combined without a conflict.
    pub entities_combined: usize,
    pub conflicts: usize,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "annotations: {} agreed, {} combined, {} added from the second, {} deleted, {} conflict(s) to settle; \
             documents added: {}; entities added: {}, combined: {}",
            self.agreed,
            self.combined,
            self.added,
            self.deleted,
            self.conflicts,
            self.documents_added,
            self.entities_added,
            self.entities_combined
        )
    }
}

/// One merge's inputs: the two sides, the base they started from if known, and the names that
/// stand for each side's analyst where an annotation does not name one.
pub struct Sides<'a> {
    pub first: &'a Project,
    pub second: &'a Project,
    pub base: Option<&'a Project>,
    pub names: [&'a str; 2],
}

/// A field of an annotation that two versions can disagree on.
struct Field {
    name: &'static str,
    same: fn(&Annotation, &Annotation) -> bool,
    take: fn(&mut Annotation, &Annotation),
}

macro_rules! field {
    ($name:literal, $($path:ident).+) => {
        Field { name: $name, same: |x, y| x.$($path).+ == y.$($path).+, take: |x, y| x.$($path).+ = y.$($path).+ }
    };
    ($name:literal, clone $($path:ident).+) => {
        Field {
            name: $name,
            same: |x, y| x.$($path).+ == y.$($path).+,
            take: |x, y| x.$($path).+.clone_from(&y.$($path).+),
        }
    };
}

static FIELDS: &[Field] = &[
    field!("span", span),
    field!("label", clone label),
    field!("status", status),
    field!("speaker", links.speaker),
    field!("cue", links.cue),
    field!("entity", links.entity),
    field!("part of", links.part_of),
    field!("statement", links.statement),
    field!("type", attribution),
    field!("note", clone note),
];

fn differences(x: &Annotation, y: &Annotation) -> Vec<&'static Field> {
    FIELDS.iter().filter(|f| !(f.same)(x, y)).collect()
}

/// Merges `sides.second` into `sides.first`; the result's new ids are in `analyst`'s range.
pub fn merge(sides: &Sides, analyst: &str) -> (Project, Report) {
    let (a, b) = (sides.first, sides.second);
    let mut out = a.clone();
    out.analyst = analyst.to_string();
    let mut report = Report::default();
    for label in &b.schema.labels {
        if out.schema.label(&label.name).is_none() {
            out.schema.labels.push(label.clone());
        }
    }
    let docs = merge_documents(&mut out, b, &mut report);
    let (entities, disputes) = merge_entities(&mut out, b, sides.base, &mut report);
    let mut statements = HashMap::new();
    for s in &b.statements {
        let id = match out.statement(s.id) {
            Some(mine) if mine == s || sides.base.is_some_and(|o| o.statement(s.id).is_some()) => s.id,
            Some(_) => out.next_statement_id(),
            None => s.id,
        };
        if out.statement(id).is_none() {
            out.put_statement(crate::model::Statement { id, ..s.clone() });
        }
        statements.insert(s.id, id);
    }
    let maps = Maps { docs, entities, statements };
    merge_annotations(&mut out, sides, &maps, &mut report);
    dispute_entities(&mut out, disputes, sides);
    carry_conflicts(&mut out, b);
    out.memory.absorb(&b.memory);
    report.conflicts = out.conflicts.len();
    (out, report)
}

/// Adds the second side's documents the first lacks; returns the second's doc ids → merged.
fn merge_documents(out: &mut Project, b: &Project, report: &mut Report) -> HashMap<DocId, DocId> {
    let mut map = HashMap::new();
    for d in &b.documents {
        let same = out.documents.iter().find(|o| o.hash == d.hash).map(|o| o.id);
        let id = same.unwrap_or_else(|| {
            let mut doc = d.clone();
            doc.id = if out.document(d.id).is_none() { d.id } else { out.next_doc_id() };
            let id = doc.id;
            out.put_document(doc);
            report.documents_added += 1;
            id
        });
        map.insert(d.id, id);
    }
    map
}

/// An entity the two sides disagree on: each side's version, and the fields that differ.
struct EntityDispute {
    first: Entity,
    second: Entity,
    fields: Vec<String>,
}

/// Pairs the second side's entities with the first's and adds the rest; returns second → merged,
/// and the entities whose label or name the sides disagree on.
fn merge_entities(
    out: &mut Project,
    b: &Project,
    base: Option<&Project>,
    report: &mut Report,
) -> (HashMap<EntityId, EntityId>, Vec<EntityDispute>) {
    let mut map = HashMap::new();
    let mut disputes = Vec::new();
    for e in &b.entities {
        // One id is one entity when both sides have it from their base, whatever either did to
        // it; without a base, when its label or its name shows it is.
        let shared = base.is_some_and(|o| o.entity(e.id).is_some());
        let same = |m: &&Entity| shared || m.label == e.label || m.name == e.name;
        if let Some(mine) = out.entity(e.id).filter(same).cloned() {
            map.insert(e.id, e.id);
            if mine == *e {
                continue;
            }
            let before = base.and_then(|o| o.entity(e.id));
            if before == Some(&mine) {
                out.put_entity(e.clone());
            } else if before != Some(e) {
                let (kept, fields) = combine_entity(&mine, e, before);
                out.put_entity(kept);
                if fields.is_empty() {
                    report.entities_combined += 1;
                } else {
                    disputes.push(EntityDispute { first: mine, second: e.clone(), fields });
                }
            }
            continue;
        }
        if let Some(same) = out.entities.iter().find(|m| m.label == e.label && m.name == e.name) {
            map.insert(e.id, same.id);
            continue;
        }
        let id = if out.entity(e.id).is_none() { e.id } else { out.next_entity_id() };
        out.put_entity(Entity { id, ..e.clone() });
        report.entities_added += 1;
        map.insert(e.id, id);
    }
    (map, disputes)
}

/// One entity both sides changed (or that differs, with no base): a label or name one side
/// changed is taken, the aliases are joined, and the label or name both changed differently
/// stays the first side's and is named among the fields in dispute.
fn combine_entity(mine: &Entity, theirs: &Entity, before: Option<&Entity>) -> (Entity, Vec<String>) {
    let mut kept = mine.clone();
    let mut fields = Vec::new();
    // The first side's value stands in each slot until it is compared.
    let slots = [
        ("entity label", &theirs.label, before.map(|o| &o.label), &mut kept.label),
        ("entity name", &theirs.name, before.map(|o| &o.name), &mut kept.name),
    ];
    for (field, changed, base, slot) in slots {
        if slot == changed {
            continue;
        }
        match base {
            Some(o) if o == slot => slot.clone_from(changed),
            Some(o) if o == changed => {}
            _ => fields.push(field.to_string()),
        }
    }
    kept.aliases.extend(theirs.aliases.iter().cloned());
    kept.aliases.retain(|n| *n != kept.name);
    kept.aliases.sort();
    kept.aliases.dedup();
    (kept, fields)
}

/// Each entity the sides disagree on becomes a conflict holding both sides' entity; the first
/// side's stands in the project until it is settled.
fn dispute_entities(out: &mut Project, disputes: Vec<EntityDispute>, sides: &Sides) {
    for d in disputes {
        let version = |e: Entity, side: usize| Version {
            analyst: who_changed(sides, side, e.id),
            annotation: None,
            entity: Some(e),
        };
        let id = ConflictId(out.conflicts.iter().map(|c| c.id.0).max().unwrap_or(0) + 1);
        let entity = d.first.id;
        let mut conflict = Conflict {
            id,
            doc: DocId(0),
            ann: AnnId(0),
            fields: d.fields,
            first: version(d.first, 0),
            second: version(d.second, 1),
            entity: Some(entity),
        };
        if let Some(mention) = conflict.stands_at(out).and_then(|m| out.annotation(m)) {
            (conflict.doc, conflict.ann) = (mention.doc, mention.id);
        }
        out.put_conflict(conflict);
    }
}

/// The second side's ids of documents, entities and statements → the merged project's.
struct Maps {
    docs: HashMap<DocId, DocId>,
    entities: HashMap<EntityId, EntityId>,
    statements: HashMap<StatementId, StatementId>,
}

/// Pairs of (first, second) annotations that are one unit, and the unpaired of each side.
struct Alignment {
    pairs: Vec<(AnnId, AnnId)>,
    only_first: Vec<AnnId>,
    only_second: Vec<AnnId>,
}

/// One document's annotations on one layer, first side's and second's.
type Group<'a> = (Vec<&'a Annotation>, Vec<&'a Annotation>);

/// Aligns the two sides' annotations per document and layer (see the module comment).
fn align(a: &Project, b: &Project, docs: &HashMap<DocId, DocId>) -> Alignment {
    let key = |doc: DocId, layer: &Layer| (doc, layer.clone());
    let mut groups: HashMap<(DocId, Layer), Group> = HashMap::new();
    for x in &a.annotations {
        groups.entry(key(x.doc, &x.layer)).or_default().0.push(x);
    }
    for y in &b.annotations {
        let doc = docs.get(&y.doc).copied().unwrap_or(y.doc);
        groups.entry(key(doc, &y.layer)).or_default().1.push(y);
    }
    let mut pairs = Vec::new();
    let (mut only_first, mut only_second) = (Vec::new(), Vec::new());
    for (xs, ys) in groups.into_values() {
        let mut candidates: Vec<(u8, std::cmp::Reverse<usize>, AnnId, AnnId)> = Vec::new();
        for x in &xs {
            for y in ys.iter().filter(|y| y.span.overlaps(x.span)) {
                let overlap = x.span.end().min(y.span.end()) - x.span.start().max(y.span.start());
                let rank = if x.id == y.id {
                    0
                } else if x.span == y.span {
                    1
                } else {
                    2
                };
                candidates.push((rank, std::cmp::Reverse(overlap), x.id, y.id));
            }
        }
        candidates.sort();
        let (mut used_x, mut used_y) = (HashSet::new(), HashSet::new());
        for (_, _, x, y) in candidates {
            if !used_x.contains(&x) && !used_y.contains(&y) {
                used_x.insert(x);
                used_y.insert(y);
                pairs.push((x, y));
            }
        }
        only_first.extend(xs.iter().map(|x| x.id).filter(|id| !used_x.contains(id)));
        only_second.extend(ys.iter().map(|y| y.id).filter(|id| !used_y.contains(id)));
    }
    pairs.sort();
    only_first.sort();
    only_second.sort();
    Alignment { pairs, only_first, only_second }
}

fn merge_annotations(out: &mut Project, sides: &Sides, maps: &Maps, report: &mut Report) {
    let (a, b) = (sides.first, sides.second);
    let docs = &maps.docs;
    let alignment = align(a, b, docs);
    // The second side's ids in the merged project: its partner's, its own when free, or new.
    let mut ids: HashMap<AnnId, AnnId> = alignment.pairs.iter().map(|&(x, y)| (y, x)).collect();
    let mut taken: BTreeSet<AnnId> = a.annotations.iter().map(|x| x.id).collect();
    for &y in &alignment.only_second {
        let id = if taken.contains(&y) {
            let mut fresh = out.next_ann_id();
            while taken.contains(&fresh) {
                fresh.0 += 1;
            }
            fresh
        } else {
            y
        };
        taken.insert(id);
        ids.insert(y, id);
    }
    let translate = |y: &Annotation| -> Annotation {
        let mut t = y.clone();
        t.id = ids[&y.id];
        t.doc = docs.get(&y.doc).copied().unwrap_or(y.doc);
        for slot in [&mut t.links.speaker, &mut t.links.cue, &mut t.links.part_of] {
            *slot = slot.and_then(|s| ids.get(&s).copied());
        }
        t.links.entity = t.links.entity.and_then(|e| maps.entities.get(&e).copied());
        t.links.statement = t.links.statement.and_then(|s| maps.statements.get(&s).copied());
        t
    };
    let name = |x: &Annotation, side: usize| {
        if x.analyst.is_empty() { sides.names[side].to_string() } else { x.analyst.clone() }
    };
    let before = |id: AnnId, near: &Annotation| before(sides.base, id, near);
    // An annotation only one side has is a disagreement only where the other had the document.
    let first_docs: HashSet<DocId> = a.documents.iter().map(|d| d.id).collect();
    let second_docs: HashSet<DocId> = docs.values().copied().collect();
    let mut conflicts = Vec::new();
    let mut dispute = |out: &mut Project, first: Option<&Annotation>, second: Option<&Annotation>, fields| {
        let Some(stands) = first.or(second).cloned() else { return };
        let version = |x: Option<&Annotation>, side: usize| Version {
            analyst: x.map_or_else(|| sides.names[side].to_string(), |x| name(x, side)),
            annotation: x.cloned(),
            entity: None,
        };
        conflicts.push(Conflict {
            id: ConflictId(0),
            doc: stands.doc,
            ann: stands.id,
            fields,
            first: version(first, 0),
            second: version(second, 1),
            entity: None,
        });
        out.put_annotation(stands);
    };
    for &(x, y) in &alignment.pairs {
        let (Some(x), Some(original)) = (a.annotation(x), b.annotation(y)) else { continue };
        let y = translate(original);
        let mut kept = x.clone();
        kept.tags.extend(y.tags.iter().cloned());
        kept.tags.sort();
        kept.tags.dedup();
        let differ = differences(x, &y);
        if differ.is_empty() {
            report.agreed += 1;
            out.put_annotation(kept);
            continue;
        }
        let base = before(x.id, x).or_else(|| before(original.id, x));
        let mut clash = Vec::new();
        for field in &differ {
            match base {
                Some(o) if (field.same)(x, o) => (field.take)(&mut kept, &y),
                Some(o) if (field.same)(&y, o) => {}
                _ => clash.push(field.name.to_string()),
            }
        }
        if clash.is_empty() {
            report.combined += 1;
            if kept.analyst.is_empty() {
                kept.analyst.clone_from(&y.analyst);
            }
            out.put_annotation(kept);
        } else {
            dispute(out, Some(x), Some(&y), clash);
        }
    }
    for &x in &alignment.only_first {
        let Some(x) = a.annotation(x) else { continue };
        match before(x.id, x) {
            // The second side deleted it: gone, unless the first changed it since.
            Some(o) if differences(x, o).is_empty() => {
                out.remove_annotation(x.id);
                report.deleted += 1;
            }
            Some(_) => dispute(out, Some(x), None, vec!["deleted".to_string()]),
            None if sides.base.is_none() && x.status != Status::Suggested && second_docs.contains(&x.doc) => {
                dispute(out, Some(x), None, vec!["only one has it".to_string()])
            }
            None => {}
        }
    }
    for &y in &alignment.only_second {
        let Some(original) = b.annotation(y) else { continue };
        let y = translate(original);
        match before(original.id, original) {
            Some(o) if differences(original, o).is_empty() => report.deleted += 1,
            Some(_) => dispute(out, None, Some(&y), vec!["deleted".to_string()]),
            None if sides.base.is_none() && y.status != Status::Suggested && first_docs.contains(&y.doc) => {
                dispute(out, None, Some(&y), vec!["only one has it".to_string()])
            }
            None => {
                report.added += 1;
                out.put_annotation(y);
            }
        }
    }
    drop_dangling_links(out);
    let first_id = out.conflicts.iter().map(|c| c.id.0).max().unwrap_or(0) + 1;
    for (i, mut c) in conflicts.into_iter().enumerate() {
        c.id = ConflictId(first_id + i as u64);
        out.put_conflict(c);
    }
}

/// The base's version of annotation `id`, if it is the same unit as `near` (same layer, overlapping).
fn before<'a>(base: Option<&'a Project>, id: AnnId, near: &Annotation) -> Option<&'a Annotation> {
    base?.annotation(id).filter(|o| o.layer == near.layer && o.span.overlaps(near.span))
}

/// Links to annotations a merge removed go (as deleting them in the window would do).
fn drop_dangling_links(out: &mut Project) {
    let present: HashSet<AnnId> = out.annotations.iter().map(|a| a.id).collect();
    for a in &mut out.annotations {
        for slot in [&mut a.links.speaker, &mut a.links.cue, &mut a.links.part_of] {
            if slot.is_some_and(|t| !present.contains(&t)) {
                *slot = None;
            }
        }
    }
}

/// Who changed entity `id` on `side`. An entity does not say, but relabelling or renaming it in
/// the window goes with a mention of it, which the analyst signs: the first signed mention that
/// side changed since the base (any signed one, without a base), else the side's name.
fn who_changed(sides: &Sides, side: usize, id: EntityId) -> String {
    let project = [sides.first, sides.second][side];
    let changed = |m: &&Annotation| sides.base.is_none_or(|o| o.annotation(m.id) != Some(*m));
    let signed = project.annotations.iter().filter(|m| m.links.entity == Some(id) && !m.analyst.is_empty());
    signed.filter(changed).map(|m| m.analyst.clone()).next().unwrap_or_else(|| sides.names[side].to_string())
}

/// Conflicts the second side still had from an earlier merge come along when the annotation
/// (or entity) they stand for is in the result under the same id.
fn carry_conflicts(out: &mut Project, b: &Project) {
    for c in &b.conflicts {
        let already = out.conflicts.iter().any(|o| match c.entity {
            Some(e) => o.entity == Some(e),
            None => o.ann == c.ann && o.entity.is_none(),
        });
        let present = match c.entity {
            Some(e) => out.entity(e).is_some(),
            None => out.annotation(c.ann).is_some(),
        };
        if !already && present {
            let id = ConflictId(out.conflicts.iter().map(|c| c.id.0).max().unwrap_or(0) + 1);
            out.put_conflict(Conflict { id, ..c.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Origin, Span};

    fn base() -> Project {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", "“We will win,” Lavrov said. Kerry agreed."));
        let mk = |id, s, e, layer, label: &str| {
            Annotation::new(
                AnnId(id),
                DocId(1),
                Span::new(s, e).unwrap(),
                layer,
                label,
                Status::Suggested,
                Origin::Detector { rule: "t".into(), reason: "t".into() },
            )
        };
        p.put_annotation(mk(1, 0, 14, Layer::Quote, "DIRECT"));
        p.put_annotation(mk(2, 15, 21, Layer::Mention, "PERSON"));
        p.put_annotation(mk(3, 28, 33, Layer::Mention, "PERSON"));
        p
    }

    fn merged(a: &Project, b: &Project, o: Option<&Project>) -> (Project, Report) {
        merge(&Sides { first: a, second: b, base: o, names: ["alice", "bob"] }, "")
    }

    #[test]
    fn one_sided_changes_win_with_a_base_and_clash_without() {
        let o = base();
        let (mut a, mut b) = (o.clone(), o.clone());
        a.annotation_mut(AnnId(1)).unwrap().status = Status::Accepted;
        b.annotation_mut(AnnId(2)).unwrap().label = "ORG".into();
        b.annotation_mut(AnnId(1)).unwrap().note = "checked".into();
        let (m, report) = merged(&a, &b, Some(&o));
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.annotation(AnnId(1)).unwrap().status, Status::Accepted);
        assert_eq!(m.annotation(AnnId(1)).unwrap().note, "checked", "both fields of one annotation combine");
        assert_eq!(m.annotation(AnnId(2)).unwrap().label, "ORG");
        assert_eq!(report.combined, 2);
        let (m, _) = merged(&a, &b, None);
        assert_eq!(m.conflicts.len(), 2);
        assert_eq!(m.conflicts[0].fields, vec!["status".to_string(), "note".to_string()]);
    }

    #[test]
    fn both_changing_one_field_is_a_conflict_holding_both_versions() {
        let o = base();
        let (mut a, mut b) = (o.clone(), o.clone());
        a.annotation_mut(AnnId(3)).unwrap().label = "ORG".into();
        b.annotation_mut(AnnId(3)).unwrap().label = "GPE".into();
        b.annotation_mut(AnnId(3)).unwrap().analyst = "bob-laptop".into();
        let (m, report) = merged(&a, &b, Some(&o));
        assert_eq!(report.conflicts, 1);
        let c = &m.conflicts[0];
        assert_eq!((c.ann, c.fields.as_slice()), (AnnId(3), ["label".to_string()].as_slice()));
        assert_eq!(c.first.annotation.as_ref().unwrap().label, "ORG");
        assert_eq!(c.second.annotation.as_ref().unwrap().label, "GPE");
        assert_eq!((c.first.analyst.as_str(), c.second.analyst.as_str()), ("alice", "bob-laptop"));
        assert_eq!(m.annotation(AnnId(3)).unwrap().label, "ORG", "the first version stands in until settled");
        assert!(crate::store::validate(&m).iter().all(|p| p.severity != crate::store::Severity::Error));
    }

    #[test]
    fn independent_work_is_aligned_by_span_and_nothing_is_dropped() {
        let o = base();
        let (mut a, mut b) = (o.clone(), o.clone());
        // Both marked "Kerry" by hand under different ids; only the second marked "We will win".
        let mut kerry = a.annotation(AnnId(3)).unwrap().clone();
        kerry.id = AnnId(10);
        kerry.status = Status::Accepted;
        a.put_annotation(kerry.clone());
        a.remove_annotation(AnnId(3));
        kerry.id = AnnId(20);
        kerry.span = Span::new(28, 34).unwrap();
        b.put_annotation(kerry);
        b.remove_annotation(AnnId(3));
        let mut extra = b.annotation(AnnId(1)).unwrap().clone();
        extra.id = AnnId(10);
        extra.layer = Layer::Cue;
        extra.label = "CUE".into();
        extra.status = Status::Accepted;
        b.put_annotation(extra);
        let (m, _) = merged(&a, &b, None);
        let kerry = m.conflicts.iter().find(|c| c.ann == AnnId(10)).unwrap();
        assert_eq!(kerry.fields, vec!["span".to_string()]);
        let cue = m.conflicts.iter().find(|c| c.second.annotation.as_ref().is_some_and(|y| y.layer == Layer::Cue));
        let cue = cue.expect("the second side's own annotation is a conflict against nothing");
        assert!(cue.first.annotation.is_none());
        assert_ne!(cue.ann, AnnId(10), "a taken id is not reused");
        assert_eq!(m.annotation(cue.ann).unwrap().layer, Layer::Cue);
    }

    #[test]
    fn an_entity_relabelled_on_one_side_stays_one_entity() {
        let mut o = base();
        o.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Kerry".into(), aliases: vec![] });
        o.annotation_mut(AnnId(3)).unwrap().links.entity = Some(EntityId(1));
        let (mut a, b) = (o.clone(), o.clone());
        a.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        let (m, report) = merged(&a, &b, Some(&o));
        assert_eq!(m.entities.len(), 1);
        assert_eq!(m.entity(EntityId(1)).unwrap().label, "ORG");
        assert_eq!(m.annotation(AnnId(3)).unwrap().links.entity, Some(EntityId(1)));
        assert_eq!(report.entities_added, 0);
    }

    /// The base with entity 1, "Kerry" (PERSON), mentioned by annotation 3.
    fn with_kerry() -> Project {
        let mut o = base();
        o.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Kerry".into(), aliases: vec![] });
        o.annotation_mut(AnnId(3)).unwrap().links.entity = Some(EntityId(1));
        o
    }

    #[test]
    fn an_entity_relabelled_differently_on_both_sides_is_a_conflict_holding_both() {
        let o = with_kerry();
        let (mut a, mut b) = (o.clone(), o.clone());
        a.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        b.entity_mut(EntityId(1)).unwrap().label = "GPE".into();
        b.entity_mut(EntityId(1)).unwrap().aliases = vec!["John Kerry".into()];
        let (m, report) = merged(&a, &b, Some(&o));
        assert_eq!((report.conflicts, report.entities_combined), (1, 0));
        let c = &m.conflicts[0];
        assert_eq!((c.entity, c.ann, c.doc), (Some(EntityId(1)), AnnId(3), DocId(1)), "shown at its mention");
        assert_eq!(c.fields, vec!["entity label".to_string()]);
        let labels = c.versions().map(|v| v.entity.as_ref().map(|e| e.label.as_str()));
        assert_eq!(labels, [Some("ORG"), Some("GPE")]);
        assert_eq!((c.first.analyst.as_str(), c.second.analyst.as_str()), ("alice", "bob"));
        assert!(c.first.annotation.is_none() && c.second.annotation.is_none());
        let kerry = m.entity(EntityId(1)).unwrap();
        assert_eq!((kerry.label.as_str(), kerry.aliases.as_slice()), ("ORG", ["John Kerry".to_string()].as_slice()));
        assert!(m.conflict_of(AnnId(3)).is_none(), "the mention itself is not disputed");
        let text = crate::store::to_ron(&m);
        let back = crate::store::from_ron(&text, std::path::Path::new("m.ron")).unwrap().project;
        assert_eq!(back.conflicts, m.conflicts, "the entity's conflict survives saving");
    }

    #[test]
    fn an_entity_renamed_on_one_side_and_relabelled_on_the_other_combines() {
        let o = with_kerry();
        let (mut a, mut b) = (o.clone(), o.clone());
        a.entity_mut(EntityId(1)).unwrap().name = "John Kerry".into();
        b.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        let (m, report) = merged(&a, &b, Some(&o));
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(report.entities_combined, 1);
        let kerry = m.entity(EntityId(1)).unwrap();
        assert_eq!((kerry.label.as_str(), kerry.name.as_str()), ("ORG", "John Kerry"));
    }

    #[test]
    fn only_the_second_relabelling_an_entity_takes_its_label() {
        let o = with_kerry();
        let (a, mut b) = (o.clone(), o.clone());
        b.entity_mut(EntityId(1)).unwrap().label = "GPE".into();
        let (m, _) = merged(&a, &b, Some(&o));
        assert!(m.conflicts.is_empty());
        assert_eq!(m.entity(EntityId(1)).unwrap().label, "GPE");
    }

    #[test]
    fn without_a_base_one_entity_labelled_or_named_differently_is_a_conflict() {
        let o = with_kerry();
        let (mut a, mut b) = (o.clone(), o.clone());
        a.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        b.entity_mut(EntityId(1)).unwrap().label = "GPE".into();
        let (m, report) = merged(&a, &b, None);
        assert_eq!((m.entities.len(), report.entities_added), (1, 0), "the same id and name: one entity");
        assert_eq!(m.conflicts.iter().filter(|c| c.entity == Some(EntityId(1))).count(), 1);
        b.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        b.entity_mut(EntityId(1)).unwrap().name = "John Kerry".into();
        let (m, _) = merged(&a, &b, None);
        let c = m.conflicts.iter().find(|c| c.entity.is_some()).expect("a conflict over the name");
        assert_eq!(c.fields, vec!["entity name".to_string()]);
        assert_eq!(m.entity(EntityId(1)).unwrap().name, "Kerry");
    }

    #[test]
    fn an_entity_nothing_mentions_still_keeps_both_labels() {
        let mut o = with_kerry();
        o.annotation_mut(AnnId(3)).unwrap().links.entity = None;
        let (mut a, mut b) = (o.clone(), o.clone());
        a.entity_mut(EntityId(1)).unwrap().label = "ORG".into();
        b.entity_mut(EntityId(1)).unwrap().label = "GPE".into();
        let (m, _) = merged(&a, &b, Some(&o));
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].stands_at(&m), None);
        assert_eq!(m.conflicts[0].second.entity.as_ref().unwrap().label, "GPE");
    }

    #[test]
    fn both_sides_lessons_are_kept_and_the_second_wins_on_the_same_words() {
        let (mut a, mut b) = (base(), base());
        a.memory.teach_label("Pacers", &crate::model::Layer::Mention, "ORG");
        a.memory.teach_rejection("KEEPING SCORE", &crate::model::Layer::Speaker, "SPEAKER");
        b.memory.teach_label("pacers", &crate::model::Layer::Mention, "PERSON");
        b.memory.teach_name("PERSON", "Sergei Lavrov", &["Lavrov".into()]);
        let (out, _) = merged(&a, &b, None);
        assert_eq!((out.memory.labels.len(), out.memory.rejected.len(), out.memory.names.len()), (1, 1, 1));
        assert_eq!(out.memory.labels[0].label, "PERSON");
    }

    #[test]
    fn a_document_only_one_side_has_comes_along_without_conflicts() {
        let a = base();
        let mut b = base();
        b.documents[0] = Document::new(DocId(1), "other", "Kerry agreed.");
        b.annotations.clear();
        let mut kerry = a.annotation(AnnId(3)).unwrap().clone();
        (kerry.span, kerry.status) = (Span::new(0, 5).unwrap(), Status::Accepted);
        b.put_annotation(kerry);
        let (m, report) = merged(&a, &b, None);
        assert!(m.conflicts.is_empty(), "nobody disagrees on a text only one of them read");
        assert_eq!((report.documents_added, report.added), (1, b.annotations.len()));
        let other = m.documents.iter().find(|d| d.title == "other").unwrap().id;
        assert_ne!(other, DocId(1), "its id was taken");
        assert_eq!(m.annotations_of(other).count(), b.annotations.len());
    }
}

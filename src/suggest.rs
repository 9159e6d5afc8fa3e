//! Detections → suggested annotations and entities in a project.
//!
//! Everything added here has status `Suggested` and origin `Detector { rule, reason }`, so the
//! analyst reviews it and the UI can show why it was proposed. A quotation becomes a `Quote`
//! annotation linked to a `Speaker` annotation (the words naming who speaks, linked to the
//! entity) and a `Cue` annotation, and carries its attribution type (statement, belief/intent,
//! evidence, question) with the reason in its origin; later parts of a split quotation link to
//! the first part. Detected entities are matched to entities the project already has by the
//! rules that group names within a text (same name or alias; a person's surname with a matching
//! given name, Sergey = Sergei; an organisation's acronym), so a person quoted in several
//! articles stays one entity across documents.
//! Spans that do not fit the document are skipped rather than trusted.

use crate::detect::{Detections, NameIndex};
use crate::model::{AnnId, Annotation, DocId, Entity, EntityId, Layer, Links, Origin, Project, Span, Status};
use std::collections::HashMap;

/// The project's entities by name, kept across the documents of one batch so that each added
/// document costs only its own entities.
#[derive(Default)]
pub struct EntityNames {
    index: NameIndex<EntityId>,
    /// The entities in the index. (Ids come in analysts' ranges, so a new entity's id may sort
    /// before ones already seen.)
    indexed: std::collections::HashSet<EntityId>,
}

impl EntityNames {
    /// Indexes the entities added to the project since the last call (by the analyst, say).
    fn catch_up(&mut self, project: &Project) {
        for e in &project.entities {
            if self.indexed.insert(e.id) {
                self.index.register(e.id, &e.label, &e.name, &e.aliases);
            }
        }
    }

    /// Registers the names the analyst grouped under canonical entities (the project's memory),
    /// so a remembered alias finds its entity: the project's entity of that canonical name, or
    /// one added for it here (with no mentions yet; callers keep it only once mentioned).
    pub fn remember(&mut self, project: &mut Project) {
        self.catch_up(project);
        for n in project.memory.names.clone() {
            let key = crate::model::normalise(&n.name);
            let known = project.entities.iter().find(|e| e.label == n.label && crate::model::normalise(&e.name) == key);
            let id = match known {
                Some(e) => e.id,
                None => {
                    let id = project.next_entity_id();
                    let aliases = n.aliases.clone();
                    project.put_entity(Entity { id, label: n.label.clone(), name: n.name.clone(), aliases });
                    self.indexed.insert(id);
                    id
                }
            };
            self.index.register(id, &n.label, &n.name, &n.aliases);
        }
    }
}

/// Adds to the project's schema, from the shipped one, a label its mentions use that the schema
/// lacks (a project made before the detector knew MISC, or one whose analyst removed the label),
/// so no suggestion stands undefined.
fn define_labels(project: &mut Project, d: &Detections) {
    let mut shipped: Option<crate::model::Schema> = None;
    for m in &d.mentions {
        if project.schema.label(m.label).is_none()
            && let Some(def) = shipped.get_or_insert_with(Default::default).label(m.label)
        {
            project.schema.labels.push(def.clone());
        }
    }
}

/// Adds the detector's suggestions for document `doc` to `project`.
pub fn add_suggestions(project: &mut Project, doc: DocId, d: &Detections) {
    add_suggestions_with(project, doc, d, &mut EntityNames::default());
}

/// [`add_suggestions`] with an index of the project's entity names kept from earlier documents.
pub fn add_suggestions_with(project: &mut Project, doc: DocId, d: &Detections, names: &mut EntityNames) {
    names.catch_up(project);
    define_labels(project, d);
    let Some(len) = project.document(doc).map(|x| x.len_chars()) else { return };
    let span_of = |s: usize, e: usize| Span::new(s, e).ok().filter(|sp| sp.check_within(len).is_ok());
    // Entities: reuse the project's when label and name agree.
    let mut entity_ids: Vec<Option<EntityId>> = vec![None; d.entities.len()];
    let used: Vec<bool> = {
        let mut u = vec![false; d.entities.len()];
        for m in &d.mentions {
            if let Some(x) = u.get_mut(m.entity) {
                *x = true;
            }
        }
        u
    };
    for (i, e) in d.entities.iter().enumerate() {
        if !used[i] {
            continue;
        }
        let existing = names.index.find(e.label, &e.name, &e.aliases);
        let id = match existing {
            Some(id) => {
                if let Some(p) = project.entity_mut(id) {
                    for a in std::iter::once(&e.name).chain(&e.aliases) {
                        if *a != p.name && !p.aliases.contains(a) {
                            p.aliases.push(a.clone());
                        }
                    }
                    p.aliases.sort();
                    p.aliases.dedup();
                }
                id
            }
            None => {
                let id = project.next_entity_id();
                project.put_entity(Entity {
                    id,
                    label: e.label.to_string(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                });
                id
            }
        };
        names.index.register(id, e.label, &e.name, &e.aliases);
        names.indexed.insert(id);
        entity_ids[i] = Some(id);
    }
    let add = |project: &mut Project,
               span: Span,
               layer: Layer,
               label: &str,
               rule: &str,
               reason: String,
               links: Links|
     -> AnnId {
        let id = project.next_ann_id();
        let mut a = Annotation::new(
            id,
            doc,
            span,
            layer,
            label,
            Status::Suggested,
            Origin::Detector { rule: rule.to_string(), reason },
        );
        a.links = links;
        project.put_annotation(a);
        id
    };
    // Reasons name the words of the chains that resolved pronouns and role phrases.
    let chars: Vec<char> = project.document(doc).map(|x| x.text.chars().collect()).unwrap_or_default();
    // Mentions (entity layer).
    for (mi, m) in d.mentions.iter().enumerate() {
        let Some(span) = span_of(m.start, m.end) else { continue };
        let links = Links { entity: entity_ids.get(m.entity).copied().flatten(), ..Links::default() };
        let reason = match d.entities.get(m.entity) {
            Some(e) if m.antecedent.is_some() => format!("{} (refers to {})", d.mention_reason(&chars, mi), e.name),
            _ => m.reason.to_string(),
        };
        let id =
            add(project, span, Layer::Mention, m.label, &format!("mention.{}", m.label.to_lowercase()), reason, links);
        if let Some(a) = project.annotation_mut(id) {
            a.margin = m.margin;
        }
    }
    // Speakers and cues, one annotation per distinct span.
    let mut speaker_ann: HashMap<usize, AnnId> = HashMap::new();
    let mut cue_ann: HashMap<(usize, usize), AnnId> = HashMap::new();
    let mut quote_ann: Vec<Option<AnnId>> = vec![None; d.quotes.len()];
    for (qi, q) in d.quotes.iter().enumerate() {
        let Some(span) = span_of(q.start, q.end) else { continue };
        let speaker = q.speaker.and_then(|si| {
            if let Some(&id) = speaker_ann.get(&si) {
                return Some(id);
            }
            let m = d.mentions.get(si)?;
            let sp = span_of(m.start, m.end)?;
            let who = d.entities.get(m.entity).map(|e| e.name.clone()).unwrap_or_default();
            let reason = if m.antecedent.is_some() {
                format!("speaker of a quotation; {}", d.mention_reason(&chars, si))
            } else {
                format!("speaker of a quotation: {who}")
            };
            let links = Links { entity: entity_ids.get(m.entity).copied().flatten(), ..Links::default() };
            let id = add(project, sp, Layer::Speaker, "SPEAKER", "speaker", reason, links);
            speaker_ann.insert(si, id);
            Some(id)
        });
        let cue = q.cue.and_then(|(s, e)| {
            if let Some(&id) = cue_ann.get(&(s, e)) {
                return Some(id);
            }
            let sp = span_of(s, e)?;
            let id = add(
                project,
                sp,
                Layer::Cue,
                "CUE",
                "cue",
                "speech cue from the cue lexicon".to_string(),
                Links::default(),
            );
            cue_ann.insert((s, e), id);
            Some(id)
        });
        let part_of = q.part_of.filter(|&p| p < qi).and_then(|p| quote_ann.get(p).copied().flatten());
        let links = Links { speaker, cue, entity: None, part_of, statement: None };
        // The origin names the rule that found it ("attr.direct.cue_after").
        let id = add(project, span, Layer::Quote, q.kind.label(), q.rule, d.quote_reason(&chars, qi), links);
        if let Some(a) = project.annotation_mut(id) {
            a.attribution = Some(q.attribution);
        }
        quote_ann[qi] = Some(id);
    }
}

//! Picking what an annotation links to — a quote's speaker or cue, a mention's entity, the
//! entity to merge a mention's entity into — from a short list, by keyboard (type to filter,
//! ↑/↓, Enter) or mouse; and renaming an entity the same way.

use super::{AppCommand, SaysoApp};
use crate::model::{AnnId, Annotation, EntityId, Layer, Project, Status, excerpt, mention_label};
use egui::{Key, Modifiers};

/// How far from a quote (code points) its speaker or cue is looked for.
const NEAR: usize = 1500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Speaker,
    Cue,
    Entity,
    /// Another entity to merge the selected mention's entity into.
    MergeInto,
    /// A new name for the selected mention's entity (typed, no list).
    Rename,
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    None,
    Annotation(AnnId),
    Entity(EntityId),
}

pub struct LinkPicker {
    kind: LinkKind,
    from: AnnId,
    /// The entity of `from`, for merging and renaming.
    entity: Option<EntityId>,
    /// What can be picked: the target, its name (what typing filters), where it stands.
    options: Vec<(Target, String, String)>,
    filter: String,
    current: usize,
}

/// Speaker mentions and people near a quote, nearest first.
pub fn speaker_candidates<'p>(project: &'p Project, quote: &Annotation) -> Vec<&'p Annotation> {
    near(project, quote, |c| matches!(c.layer, Layer::Speaker) || c.label == "PERSON")
}

/// Cues near a quote, nearest first.
pub fn cue_candidates<'p>(project: &'p Project, quote: &Annotation) -> Vec<&'p Annotation> {
    near(project, quote, |c| c.layer == Layer::Cue)
}

fn near<'p>(project: &'p Project, quote: &Annotation, keep: impl Fn(&Annotation) -> bool) -> Vec<&'p Annotation> {
    let mut found: Vec<&Annotation> = project
        .annotations_of(quote.doc)
        .filter(|c| keep(c) && !quote.span.contains(c.span) && c.status != Status::Rejected)
        .filter(|c| c.span.start().abs_diff(quote.span.start()) < NEAR)
        .collect();
    // One entry per place in the text: where a speaker and a person mention cover the same
    // words, the speaker (what quotes link to).
    found.sort_by_key(|c| (c.span.start().abs_diff(quote.span.start()), c.span, c.layer != Layer::Speaker));
    found.dedup_by_key(|c| c.span);
    found
}

/// Characters of context on each side of a candidate, so that four "he" near a quote can be
/// told apart; cut back to whole words.
const CONTEXT: usize = 32;

/// Where an annotation stands: its paragraph's number and the words around it, as they are
/// written ("¶3 …the minister said [he] would not…").
fn whereabouts(project: &Project, a: &Annotation) -> String {
    let Some(doc) = project.document(a.doc) else { return String::new() };
    let index = doc.index();
    let (start, end) = (index.byte_of(&doc.text, a.span.start()), index.byte_of(&doc.text, a.span.end()));
    let line_start = doc.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[end..].find('\n').map_or(doc.text.len(), |i| end + i);
    let paragraph = doc.text[..line_start].lines().filter(|l| !l.trim().is_empty()).count() + 1;
    let before = &doc.text[line_start..start];
    let skip = before.chars().count().saturating_sub(CONTEXT);
    let mut before: String = before.chars().skip(skip).collect();
    if skip > 0 {
        before = before.split_once(char::is_whitespace).map_or(String::new(), |(_, rest)| rest.to_string());
    }
    let after = &doc.text[end..line_end];
    let mut after: String = after.chars().take(CONTEXT).collect();
    if after.len() < doc.text[end..line_end].len() {
        after = after.rsplit_once(char::is_whitespace).map_or(String::new(), |(kept, _)| kept.to_string());
    }
    let words = doc.text[start..end].split_whitespace().collect::<Vec<_>>().join(" ");
    format!("¶{paragraph} …{}[{words}]{}…", before.trim_start(), after.trim_end())
}

impl LinkPicker {
    /// A picker for what `from` links to, or `None` when that kind of link does not apply.
    pub fn new(project: &Project, from: AnnId, kind: LinkKind) -> Option<LinkPicker> {
        let a = project.annotation(from)?;
        let mut options = match kind {
            LinkKind::MergeInto => Vec::new(),
            _ => vec![(Target::None, "none".to_string(), String::new())],
        };
        match kind {
            LinkKind::Speaker | LinkKind::Cue if a.layer != Layer::Quote => return None,
            LinkKind::Speaker => options.extend(
                speaker_candidates(project, a)
                    .into_iter()
                    .map(|c| (Target::Annotation(c.id), mention_label(project, c), whereabouts(project, c))),
            ),
            LinkKind::Cue => options.extend(
                cue_candidates(project, a)
                    .into_iter()
                    .map(|c| (Target::Annotation(c.id), excerpt(project, c, 40), whereabouts(project, c))),
            ),
            LinkKind::MergeInto | LinkKind::Rename if a.links.entity.is_none() => return None,
            LinkKind::Rename => {
                let name = a.links.entity.and_then(|e| project.entity(e)).map(|e| e.name.clone()).unwrap_or_default();
                return Some(LinkPicker {
                    kind,
                    from,
                    entity: a.links.entity,
                    options: Vec::new(),
                    filter: name,
                    current: 0,
                });
            }
            LinkKind::Entity | LinkKind::MergeInto => {
                if a.layer == Layer::Quote {
                    return None;
                }
                let mut entities: Vec<_> = project
                    .entities
                    .iter()
                    .filter(|e| kind == LinkKind::Entity || Some(e.id) != a.links.entity)
                    .collect();
                // Entities of the mention's own type first, then by name.
                entities.sort_by_key(|e| (e.label != a.label, e.name.to_lowercase()));
                options.extend(
                    entities
                        .into_iter()
                        .map(|e| (Target::Entity(e.id), format!("{} ({})", e.name, e.label), String::new())),
                );
            }
        }
        let linked = match kind {
            LinkKind::Speaker => a.links.speaker.map(Target::Annotation),
            LinkKind::Cue => a.links.cue.map(Target::Annotation),
            LinkKind::Entity => a.links.entity.map(Target::Entity),
            LinkKind::MergeInto | LinkKind::Rename => None,
        };
        let current = linked.and_then(|t| options.iter().position(|(o, _, _)| *o == t)).unwrap_or(0);
        Some(LinkPicker { kind, from, entity: a.links.entity, options, filter: String::new(), current })
    }

    fn title(&self) -> &'static str {
        match self.kind {
            LinkKind::Speaker => "Speaker of this quote",
            LinkKind::Cue => "Cue of this quote",
            LinkKind::Entity => "Entity this mention names",
            LinkKind::MergeInto => "Merge this mention's entity into",
            LinkKind::Rename => "New name for this mention's entity",
        }
    }

    fn shown(&self) -> Vec<usize> {
        let filter = self.filter.to_lowercase();
        (0..self.options.len()).filter(|&i| self.options[i].1.to_lowercase().contains(&filter)).collect()
    }

    /// Draws the picker; returns the command to run when a choice is made, and whether it closes.
    fn ui(&mut self, ctx: &egui::Context) -> (Option<AppCommand>, bool) {
        let shown = self.shown();
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        let at = shown.iter().position(|&i| i == self.current);
        if (up || down) && !shown.is_empty() {
            let n = shown.len();
            let k = at.map_or(0, |k| if down { (k + 1) % n } else { (k + n - 1) % n });
            self.current = shown[k];
        }
        let mut chosen = enter.then(|| at.or((!shown.is_empty()).then_some(0)).map(|k| shown[k])).flatten();
        egui::Area::new(egui::Id::unique("link-picker"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0])
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(320.0);
                    ui.label(egui::RichText::new(self.title()).strong());
                    let (hint, name) = match self.kind {
                        LinkKind::Rename => ("the entity's name", "Entity name"),
                        _ => ("type to filter", "Filter links"),
                    };
                    let field = ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text(hint));
                    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
                    field.request_focus();
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        for &i in &shown {
                            let selected = i == self.current;
                            let (_, name, place) = &self.options[i];
                            let text = if place.is_empty() { name.clone() } else { format!("{name} · {place}") };
                            let row = ui.selectable_label(selected, text);
                            if selected && (up || down) {
                                row.scroll_to_me(None);
                            }
                            if row.clicked() {
                                chosen = Some(i);
                            }
                        }
                    });
                    ui.label(
                        egui::RichText::new("type to filter · ↑ ↓ · Enter to link · Esc to cancel").small().weak(),
                    );
                });
            });
        let command = if self.kind == LinkKind::Rename {
            let name = self.filter.trim();
            self.entity.filter(|_| enter && !name.is_empty()).map(|e| AppCommand::RenameEntity(e, name.to_string()))
        } else {
            chosen.and_then(|i| self.command(self.options[i].0))
        };
        let close = command.is_some() || escape;
        (command, close)
    }
}

impl LinkPicker {
    fn command(&self, target: Target) -> Option<AppCommand> {
        Some(match (self.kind, target) {
            (LinkKind::Speaker, t) => AppCommand::LinkSpeaker(self.from, annotation(t)),
            (LinkKind::Cue, t) => AppCommand::LinkCue(self.from, annotation(t)),
            (LinkKind::Entity, Target::Entity(e)) => AppCommand::AttachEntity(self.from, Some(e)),
            (LinkKind::Entity, _) => AppCommand::AttachEntity(self.from, None),
            (LinkKind::MergeInto, Target::Entity(into)) => AppCommand::MergeEntities { into, from: self.entity? },
            (LinkKind::MergeInto | LinkKind::Rename, _) => return None,
        })
    }
}

fn annotation(target: Target) -> Option<AnnId> {
    match target {
        Target::Annotation(id) => Some(id),
        _ => None,
    }
}

impl SaysoApp {
    /// Opens the picker for the selected annotation's link of `kind`.
    pub(super) fn open_link_picker(&mut self, kind: LinkKind) {
        let Some(id) = self.review.selected else { return };
        self.modals.link_picker = LinkPicker::new(&self.session.project, id, kind);
    }

    pub(super) fn link_picker_window(&mut self, ctx: &egui::Context) {
        let Some(picker) = self.modals.link_picker.as_mut() else { return };
        let (command, close) = picker.ui(ctx);
        if close {
            self.modals.link_picker = None;
        }
        if let Some(command) = command {
            self.queue.push(command);
        }
    }
}

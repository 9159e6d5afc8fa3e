//! Filters for the Quotes list: by who speaks (the speaker's entity), review status and label,
//! so an analyst can go through one person's quotes or only what is still unreviewed.

use crate::model::{Annotation, AttributionType, DocId, EntityId, Project, Status, speaker_entity};
use egui::Ui;

/// `None` in a field means "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteFilter {
    /// `Some(None)`: quotes whose speaker is not linked to an entity.
    pub speaker: Option<Option<EntityId>>,
    pub status: Option<Status>,
    pub label: Option<String>,
    /// Statement, belief/intent, evidence or question.
    pub attribution: Option<AttributionType>,
}

const STATUSES: [Status; 3] = [Status::Suggested, Status::Accepted, Status::Rejected];

impl QuoteFilter {
    pub fn is_active(&self) -> bool {
        *self != QuoteFilter::default()
    }

    pub fn matches(&self, project: &Project, quote: &Annotation) -> bool {
        self.status.is_none_or(|s| quote.status == s)
            && self.label.as_ref().is_none_or(|l| quote.label == *l)
            && self.attribution.is_none_or(|t| quote.attribution_type() == t)
            && self.speaker.is_none_or(|e| speaker_entity(project, quote) == e)
    }

    /// Draws the three filter boxes. `focus` gives the keyboard to the first, so the filters can
    /// be reached without the mouse.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, doc: DocId, focus: bool) {
        ui.horizontal_wrapped(|ui| {
            let speaker_text = match self.speaker {
                None => "any speaker".to_string(),
                Some(None) => "no speaker entity".to_string(),
                Some(Some(e)) => project.entity(e).map_or_else(|| e.to_string(), |e| e.name.clone()),
            };
            let r = egui::ComboBox::from_id_salt("filter-speaker").selected_text(speaker_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.speaker, None, "any speaker");
                ui.selectable_value(&mut self.speaker, Some(None), "no speaker entity");
                // Listed only while the box is open: one pass over the document's quotes.
                let mut speakers: Vec<(String, EntityId)> = project
                    .annotations_of(doc)
                    .filter(|a| a.layer == crate::model::Layer::Quote)
                    .filter_map(|q| speaker_entity(project, q))
                    .filter_map(|e| Some((project.entity(e)?.name.clone(), e)))
                    .collect();
                speakers.sort();
                speakers.dedup();
                for (name, e) in speakers {
                    ui.selectable_value(&mut self.speaker, Some(Some(e)), name);
                }
            });
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by speaker"));
            if focus {
                r.response.request_focus();
            }
            let status_text = self.status.map_or("any status", |s| s.name());
            let r = egui::ComboBox::from_id_salt("filter-status").selected_text(status_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.status, None, "any status");
                for s in STATUSES {
                    ui.selectable_value(&mut self.status, Some(s), s.name());
                }
            });
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by status"));
            let label_text = self.label.clone().unwrap_or_else(|| "any label".into());
            let r = egui::ComboBox::from_id_salt("filter-label").selected_text(label_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.label, None, "any label");
                for l in project.schema.labels_on(&crate::model::Layer::Quote) {
                    ui.selectable_value(&mut self.label, Some(l.name.clone()), &l.name);
                }
            });
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by label"));
            let type_text = self.attribution.map_or("any type", |t| t.title());
            let r = egui::ComboBox::from_id_salt("filter-type").selected_text(type_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.attribution, None, "any type");
                for t in AttributionType::ALL {
                    ui.selectable_value(&mut self.attribution, Some(t), t.title());
                }
            });
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by type"));
            if self.is_active() && ui.small_button("Clear filters").clicked() {
                *self = QuoteFilter::default();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, DocId, Document, Entity, Layer, Origin, Span};

    #[test]
    fn every_field_narrows_and_none_means_any() {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", "“Yes,” Ann said. “No,” Bob said."));
        p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Ann".into(), aliases: vec![] });
        let mk = |id, s, e, layer, label: &str, status| {
            Annotation::new(AnnId(id), DocId(1), Span::new(s, e).unwrap(), layer, label, status, Origin::Analyst)
        };
        let mut yes = mk(1, 0, 6, Layer::Quote, "DIRECT", Status::Accepted);
        yes.links.speaker = Some(AnnId(2));
        let mut ann = mk(2, 7, 10, Layer::Speaker, "SPEAKER", Status::Accepted);
        ann.links.entity = Some(EntityId(1));
        let no = mk(3, 17, 22, Layer::Quote, "INDIRECT", Status::Suggested);
        for a in [yes.clone(), ann, no.clone()] {
            p.put_annotation(a);
        }
        let pass = |f: &QuoteFilter| [&yes, &no].iter().filter(|q| f.matches(&p, q)).count();
        assert_eq!(pass(&QuoteFilter::default()), 2);
        assert_eq!(pass(&QuoteFilter { speaker: Some(Some(EntityId(1))), ..Default::default() }), 1);
        assert!(QuoteFilter { speaker: Some(None), ..Default::default() }.matches(&p, &no));
        assert_eq!(pass(&QuoteFilter { status: Some(Status::Suggested), ..Default::default() }), 1);
        assert_eq!(
            pass(&QuoteFilter { label: Some("DIRECT".into()), status: Some(Status::Suggested), ..Default::default() }),
            0
        );
    }
}

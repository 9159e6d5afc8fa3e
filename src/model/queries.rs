//! Questions the window (and exports, and reports) ask of a project, with no UI in them: the
//! words an annotation covers, what a mention names, who a quote's speaker is.

use super::{Annotation, EntityId, Project};

/// First words of an annotation's text, white space folded, cut at `max_chars` with an ellipsis.
pub fn excerpt(project: &Project, a: &Annotation, max_chars: usize) -> String {
    let Some(doc) = project.document(a.doc) else { return String::new() };
    let text = doc.slice(a.span).split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > max_chars {
        let cut: String = text.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

/// A mention's words, with the entity they name when that reads differently ("he → Sergei Lavrov").
pub fn mention_label(project: &Project, a: &Annotation) -> String {
    let words = excerpt(project, a, 40);
    match a.links.entity.and_then(|e| project.entity(e)) {
        Some(e) if e.name != words => format!("{words} → {}", e.name),
        _ => words,
    }
}

/// The entity a quote's speaker mention refers to.
pub fn speaker_entity(project: &Project, quote: &Annotation) -> Option<EntityId> {
    project.annotation(quote.links.speaker?)?.links.entity
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, DocId, Document, Entity, Layer, Origin, Span, Status};

    #[test]
    fn excerpts_fold_space_and_cut_and_mentions_name_their_entity() {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", "“We  will\nwin,” he said."));
        p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Ann Lee".into(), aliases: vec![] });
        let ann = |id, s, e, layer| {
            Annotation::new(
                AnnId(id),
                DocId(1),
                Span::new(s, e).unwrap(),
                layer,
                "X",
                Status::Suggested,
                Origin::Analyst,
            )
        };
        let mut quote = ann(1, 0, 15, Layer::Quote);
        let mut he = ann(2, 16, 18, Layer::Speaker);
        assert_eq!(excerpt(&p, &quote, 40), "“We will win,”");
        assert_eq!(excerpt(&p, &quote, 6), "“We wi…");
        assert_eq!(mention_label(&p, &he), "he");
        he.links.entity = Some(EntityId(1));
        assert_eq!(mention_label(&p, &he), "he → Ann Lee");
        quote.links.speaker = Some(AnnId(2));
        p.put_annotation(he);
        assert_eq!(speaker_entity(&p, &quote), Some(EntityId(1)));
    }
}

//! The same statement reported by two wire services: grouped as a suggestion, confirmed, split,
//! joined, kept whole when documents go — each step undoable.

use sayso::edit::{Edit, actions, apply};
use sayso::model::{AnnId, DocId, Document, Layer, Project, Status};

/// The seed article's two reports, Sputnik's and TASS's, as two documents of one project.
fn two_reports() -> Project {
    let seed = include_str!("../fixtures/aleppo-lavrov.txt");
    let tass = seed.find("Russia, US military experts").expect("the TASS report's headline");
    let docs = vec![
        Document::new(DocId(1), "Sputnik", seed[..tass].trim_end()),
        Document::new(DocId(1), "TASS", &seed[tass..]),
    ];
    let mut p = Project::default();
    let edit = actions::add_documents(&p, docs).unwrap();
    apply(&mut p, edit).unwrap();
    p
}

/// Builds an action on the project as it is and applies it; returns the undo.
fn run(p: &mut Project, action: impl FnOnce(&Project) -> Option<Edit>) -> Edit {
    let edit = action(p).expect("the action has something to do");
    apply(p, edit).unwrap()
}

fn words(p: &Project, id: AnnId) -> String {
    let a = p.annotation(id).unwrap();
    p.document(a.doc).unwrap().slice(a.span).to_string()
}

/// Each statement's versions, as (document, the first words of each).
fn groups(p: &Project) -> Vec<Vec<(DocId, String)>> {
    p.statements
        .iter()
        .map(|s| p.versions_of(s.id).map(|a| (a.doc, words(p, a.id).chars().take(40).collect())).collect())
        .collect()
}

#[test]
fn the_two_wire_reports_of_one_briefing_are_grouped_statement_by_statement() {
    let p = two_reports();
    let found = groups(&p);
    let has =
        |g: &Vec<(DocId, String)>, doc: u32, start: &str| g.iter().any(|(d, w)| d.0 == doc && w.starts_with(start));
    assert_eq!(found.len(), 2, "{found:#?}");
    let suspended = found.iter().find(|g| has(g, 2, "“By the way, I can tell you")).expect("the suspension");
    assert!(
        has(suspended, 1, "“Combat operations by the Syrian army") && has(suspended, 1, "The Syrian army suspended")
    );
    assert_eq!(suspended.len(), 3, "{suspended:#?}");
    let geneva = found.iter().find(|g| has(g, 2, "Russia’s and US’ military experts")).expect("the Geneva meeting");
    assert!(has(geneva, 1, "that Russian and US experts will discuss"), "{geneva:#?}");
    assert_eq!(geneva.len(), 2, "{geneva:#?}");
    for s in &p.statements {
        assert_eq!(s.status, Status::Suggested);
        assert!(!s.reason.is_empty());
        let docs: std::collections::BTreeSet<DocId> = p.versions_of(s.id).map(|a| a.doc).collect();
        assert_eq!(docs.len(), 2, "every group spans both reports");
        assert!(p.versions_of(s.id).all(|a| a.layer == Layer::Quote));
    }
    assert!(sayso::store::validate(&p).is_empty(), "{:?}", sayso::store::validate(&p));
}

#[test]
fn confirm_split_and_join_are_undoable() {
    let original = two_reports();
    let mut p = original.clone();
    let geneva = p.statements.iter().find(|s| p.versions_of(s.id).count() == 2).unwrap().id;
    let versions: Vec<AnnId> = p.versions_of(geneva).map(|a| a.id).collect();

    let undo_confirm = run(&mut p, |p| actions::confirm_statement(p, geneva));
    assert_eq!(p.statement(geneva).unwrap().status, Status::Accepted);
    assert!(actions::confirm_statement(&p, geneva).is_none(), "confirmed once");

    // Splitting one of two versions off leaves no group.
    let undo_split = run(&mut p, |p| actions::leave_statement(p, versions[0]));
    assert!(p.statement(geneva).is_none());
    assert!(versions.iter().all(|v| p.annotation(*v).unwrap().links.statement.is_none()));

    // Joining them again makes a confirmed group of the analyst's.
    run(&mut p, |p| actions::join_statement(p, versions[0], versions[1]));
    let joined = p.annotation(versions[1]).unwrap().links.statement.unwrap();
    assert_eq!(p.statement(joined).unwrap().status, Status::Accepted);
    assert_eq!(p.versions_of(joined).count(), 2);

    // Joining two groups moves every version of one into the other.
    let other = p.statements.iter().find(|s| s.id != joined).unwrap().id;
    let three: Vec<AnnId> = p.versions_of(other).map(|a| a.id).collect();
    run(&mut p, |p| actions::join_statement(p, three[0], versions[0]));
    assert_eq!(p.statements.len(), 1);
    assert_eq!(p.versions_of(joined).count(), 5);

    let mut back = original.clone();
    run(&mut back, |p| actions::confirm_statement(p, geneva));
    run(&mut back, |p| actions::leave_statement(p, versions[0]));
    apply(&mut back, undo_split).unwrap();
    apply(&mut back, undo_confirm).unwrap();
    assert_eq!(back, original, "undo restores the group as it was");
}

#[test]
fn a_group_goes_with_the_document_or_quotation_it_needs() {
    let original = two_reports();
    let mut p = original.clone();
    let undo = run(&mut p, |p| actions::remove_document(p, DocId(2)));
    assert!(p.statements.is_empty(), "no statement is reported twice in one report alone");
    assert!(p.annotations.iter().all(|a| a.links.statement.is_none()));
    apply(&mut p, undo).unwrap();
    assert_eq!(p, original);

    let geneva = p.statements.iter().find(|s| p.versions_of(s.id).count() == 2).unwrap().id;
    let tass = p.versions_of(geneva).find(|a| a.doc == DocId(2)).unwrap().id;
    run(&mut p, |p| actions::delete(p, &[tass]));
    assert!(p.statement(geneva).is_none());
    assert!(sayso::store::validate(&p).is_empty(), "{:?}", sayso::store::validate(&p));
}

#[test]
fn a_project_with_statements_saves_and_loads_the_same() {
    let p = two_reports();
    let text = sayso::store::to_ron(&p);
    assert!(text.contains("statements: [") && text.contains("statement: Some("));
    assert_eq!(sayso::store::from_ron(&text, std::path::Path::new("two.ron")).unwrap().project, p);
    assert!(actions::suggest_statements(&p, &[]).is_none(), "grouped quotations are not proposed again");
}

#[test]
fn the_csv_export_names_each_statement_on_its_versions() {
    let p = two_reports();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quotes.csv");
    let options = sayso::export::Options { include_suggestions: true };
    sayso::export::export(&p, sayso::export::Format::Csv, &out, &options).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut by_statement: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for row in reader.records().map(Result::unwrap) {
        if !row[12].is_empty() {
            by_statement.entry(row[12].to_string()).or_default().push(row[0].to_string());
        }
    }
    let names: Vec<&String> = by_statement.keys().collect();
    assert_eq!(names, ["s1", "s2"]);
    for documents in by_statement.values() {
        let distinct: std::collections::BTreeSet<&String> = documents.iter().collect();
        assert_eq!(distinct.len(), 2, "each statement is named in both reports: {documents:?}");
    }
}

/// The versions of each statement as (document, first words), sorted: what must survive an
/// export and its import.
fn partition(p: &Project) -> Vec<Vec<(DocId, String)>> {
    let mut all: Vec<Vec<(DocId, String)>> = groups(p)
        .into_iter()
        .map(|mut g| {
            g.sort();
            g
        })
        .collect();
    all.sort();
    all
}

#[test]
fn statements_go_out_as_relations_and_names_and_come_back_from_every_importable_format() {
    use sayso::export::{Format, Options, export};
    let mut p = two_reports();
    // Reviewed work is what goes out by default: accept every quotation of a group.
    let versions: Vec<AnnId> = p.annotations.iter().filter(|a| a.links.statement.is_some()).map(|a| a.id).collect();
    run(&mut p, |p| actions::set_status(p, &versions, Status::Accepted));
    let expected = partition(&p);
    assert_eq!(expected.iter().map(Vec::len).collect::<std::collections::BTreeSet<_>>(), [2, 3].into());
    let options = Options { include_suggestions: false };
    let dir = tempfile::tempdir().unwrap();

    let brat = dir.path().join("brat");
    export(&p, Format::Brat, &brat, &options).unwrap();
    let conf = std::fs::read_to_string(brat.join("annotation.conf")).unwrap();
    assert!(conf.contains("SAME_STATEMENT\tArg1:<ENTITY>, Arg2:<ENTITY>"), "{conf}");
    assert!(conf.contains("Statement\tArg:<ENTITY>, Value:s1|s2"), "{conf}");
    let mut anns = String::new();
    for entry in std::fs::read_dir(&brat).unwrap().map(Result::unwrap) {
        if entry.path().extension().is_some_and(|e| e == "ann") {
            anns.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    // Five versions carry their statement's name; the two in the Sputnik report are related.
    assert_eq!(anns.matches("\tStatement T").count(), 5, "{anns}");
    assert_eq!(anns.matches("\tSAME_STATEMENT Arg1:").count(), 1, "{anns}");

    let tasks = dir.path().join("tasks.json");
    export(&p, Format::LabelStudio, &tasks, &options).unwrap();
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&tasks).unwrap()).unwrap();
    let results = json.as_array().unwrap().iter().flat_map(|t| t["annotations"][0]["result"].as_array().unwrap());
    let named: Vec<&serde_json::Value> = results.clone().filter(|r| r["from_name"] == "statement").collect();
    assert_eq!(named.len(), 5);
    assert_eq!(results.filter(|r| r["labels"][0] == "SAME_STATEMENT").count(), 1);
    let config = std::fs::read_to_string(dir.path().join("label_config.xml")).unwrap();
    assert!(config.contains("<Choices name=\"statement\"") && config.contains("<Choice value=\"s2\"/>"), "{config}");

    for format in [Format::Brat, Format::Spacy, Format::Doccano] {
        let out = if format == Format::Brat { dir.path().join("again") } else { dir.path().join(format.name()) };
        let report = export(&p, format, &out, &options).unwrap();
        // doccano's spans file has no relations or properties; its relation file does.
        let from = report.files.iter().find(|f| f.to_string_lossy().contains("relations")).unwrap_or(&out);
        let imported = sayso::import::from_tool(from, format).unwrap();
        assert_eq!(partition(&imported), expected, "{format}");
        assert!(imported.statements.iter().all(|s| s.status == Status::Accepted), "{format}");
    }
}

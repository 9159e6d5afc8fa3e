//! `sayso insights`: the tables against counts made here from the saved project file.

use sayso::edit::{actions, apply};
use sayso::model::{DocId, Document, Layer, Origin, Project, Status};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const SPUTNIK: &str = "Syrian army halts Aleppo operations\n\n“Combat operations have been suspended,” \
Russian Foreign Minister Sergei Lavrov said on Thursday. “A column of 8,000 people is leaving,” he added. \
The UN envoy Staffan de Mistura said talks would resume.";
const TASS: &str = "Lavrov: Aleppo evacuation under way\n\n“We reacted to every step,” Sergey Lavrov told \
reporters. He said that the United States had not proposed anything. “It is a tremendous operation,” \
the minister said.";

/// Two wire reports with their suggestions, their quotes reviewed in every way.
fn reviewed_project() -> Project {
    let mut p = Project::default();
    let mut names = sayso::suggest::EntityNames::default();
    for (id, text, outlet, date) in [(1, SPUTNIK, "Sputnik", "2016-12-08"), (2, TASS, "TASS", "2016-12-08")] {
        let mut doc = Document::new(DocId(id), format!("report {id}"), text);
        doc.source = outlet.into();
        doc.date = date.into();
        sayso::session::add_with_suggestions(&mut p, doc, &mut names);
    }
    let quotes: Vec<_> = p.annotations.iter().filter(|a| a.layer == Layer::Quote).map(|a| a.id).collect();
    assert!(quotes.len() >= 4, "{quotes:?}");
    // All accepted but the last two: one rejected, one left a suggestion.
    let accept = actions::set_status(&p, &quotes[..quotes.len() - 2], Status::Accepted).unwrap();
    apply(&mut p, accept).unwrap();
    let reject = actions::set_status(&p, &quotes[quotes.len() - 2..quotes.len() - 1], Status::Rejected).unwrap();
    apply(&mut p, reject).unwrap();
    p
}

fn insights(project: &Path, out: &Path, suggestions: bool) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut args =
        vec!["insights".to_string(), project.display().to_string(), "--csv".into(), out.display().to_string()];
    if suggestions {
        args.push("--include-suggestions".into());
    }
    let run = Command::new(env!("CARGO_BIN_EXE_sayso")).args(&args).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut tables = BTreeMap::new();
    for name in ["speakers", "speakers_by_outlet", "speakers_by_date", "quote_kinds", "source_kinds"] {
        let mut reader = csv::Reader::from_path(out.join(format!("{name}.csv"))).unwrap();
        let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        tables.insert(name.to_string(), rows);
    }
    tables
}

/// Quotations per speaker and per outlet, counted straight from the saved file.
fn counted(path: &Path, suggestions: bool) -> (BTreeMap<String, usize>, BTreeMap<String, usize>) {
    let p = sayso::store::load(path).unwrap().project;
    let (mut speakers, mut outlets) = (BTreeMap::new(), BTreeMap::new());
    for q in &p.annotations {
        let reviewed = q.status == Status::Accepted || (q.origin == Origin::Analyst && q.status != Status::Rejected);
        let counts = q.status != Status::Rejected && (suggestions || reviewed);
        if q.layer != Layer::Quote || q.links.part_of.is_some() || !counts {
            continue;
        }
        let speaker = q.links.speaker.map(|s| p.annotation(s).unwrap());
        let name = match speaker.and_then(|s| s.links.entity) {
            Some(e) => p.entity(e).unwrap().name.clone(),
            None => speaker.map_or("(no speaker)".to_string(), |s| p.documents[0].slice(s.span).to_string()),
        };
        *speakers.entry(name).or_default() += 1;
        *outlets.entry(p.document(q.doc).unwrap().source.clone()).or_default() += 1;
    }
    (speakers, outlets)
}

#[test]
fn tables_match_counts_made_from_the_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reports.ron");
    sayso::store::save(&reviewed_project(), &path).unwrap();
    for suggestions in [false, true] {
        let tables = insights(&path, &dir.path().join(format!("out-{suggestions}")), suggestions);
        let (speakers, outlets) = counted(&path, suggestions);
        let from_table: BTreeMap<String, usize> =
            tables["speakers"].iter().map(|r| (r[0].clone(), r[2].parse().unwrap())).collect();
        assert_eq!(from_table, speakers, "suggestions counted: {suggestions}");
        assert!(speakers.get("Sergei Lavrov").is_some_and(|n| *n >= 3), "{speakers:?}");
        let lavrov = tables["speakers"].iter().find(|r| r[0] == "Sergei Lavrov").unwrap();
        assert_eq!((lavrov[1].as_str(), lavrov[3].as_str()), ("PERSON", "2"), "a person, quoted in both reports");
        let mut per_outlet: BTreeMap<String, usize> = BTreeMap::new();
        for r in &tables["speakers_by_outlet"] {
            *per_outlet.entry(r[0].clone()).or_default() += r[2].parse::<usize>().unwrap();
        }
        assert_eq!(per_outlet, outlets);
        let total: usize = speakers.values().sum();
        for table in ["quote_kinds", "source_kinds", "speakers_by_date"] {
            let column = if table == "speakers_by_date" { 2 } else { 1 };
            let sum: usize = tables[table].iter().map(|r| r[column].parse::<usize>().unwrap()).sum();
            assert_eq!(sum, total, "{table} adds up to every quotation");
        }
    }
}

#[test]
fn with_png_each_table_with_bars_gets_its_chart_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    sayso::store::save(&reviewed_project(), &project).unwrap();
    let out = dir.path().join("charts");
    let args = ["insights", project.to_str().unwrap(), "--csv", out.to_str().unwrap(), "--png"];
    let run = Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let tables = sayso::insights::tables(&sayso::store::load(&project).unwrap().project, false);
    for table in &tables {
        let bars = sayso::insights::chart::series(table);
        let path = out.join(format!("{}.png", table.name));
        if bars.is_empty() {
            assert!(!path.exists(), "{}: nothing to draw, no chart", table.name);
            continue;
        }
        let image = image::open(&path).unwrap().to_rgb8();
        // One row of bars per value (up to the top ones), under a title.
        let shown = bars.len().min(sayso::insights::chart::TOP) as u32;
        assert_eq!(image.width(), 900);
        assert!(image.height() >= 80 + 28 * shown, "{}: {}", table.name, image.height());
        let bar = image.pixels().filter(|p| p.0 == [0x3b, 0x6e, 0xa8]).count();
        let ink = image.pixels().filter(|p| p.0[0] < 100 && p.0[1] < 100 && p.0[2] < 100).count();
        assert!(bar > 500, "{}: the bars are drawn ({bar} pixels)", table.name);
        assert!(ink > 200, "{}: the title and labels are written ({ink} dark pixels)", table.name);
    }
    assert!(out.join("speakers.png").exists());
}

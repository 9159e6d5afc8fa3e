//! Each export format on the rich fixture: offsets, what goes out, what the report says.

use crate::export_fixture;

use export_fixture::{find, fixture};
use sayso::export::{self, Format, Options};
use sayso::model::{Project, Status};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURE_RON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/export_project.ron");
const DEFAULT: Options = Options { include_suggestions: false };
const ALL: Options = Options { include_suggestions: true };

fn out_path(dir: &Path, format: Format) -> PathBuf {
    if format.writes_folder() { dir.join("brat") } else { dir.join(format!("out.{}", format.extension())) }
}

fn jsonl(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Links (speaker, cue, part of) between annotations that both go out, counted from the project
/// itself: what every format with relations must write.
fn links_among(project: &Project, options: &Options) -> usize {
    let out = |a: &sayso::model::Annotation| {
        if options.include_suggestions { a.status != Status::Rejected } else { a.is_reviewed() }
    };
    let exported = |id: Option<sayso::model::AnnId>| id.and_then(|id| project.annotation(id)).is_some_and(out);
    let links = |a: &sayso::model::Annotation| [a.links.speaker, a.links.cue, a.links.part_of];
    project.annotations.iter().filter(|a| out(a)).flat_map(links).filter(|l| exported(*l)).count()
}

/// Python's `text[start:end]`.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn fixture_file_matches_the_code() {
    let project = fixture();
    let pretty = ron::ser::to_string_pretty(&project, ron::ser::PrettyConfig::default()).unwrap();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(FIXTURE_RON, &pretty).unwrap();
    }
    let saved: Project = ron::from_str(&std::fs::read_to_string(FIXTURE_RON).unwrap()).unwrap();
    assert_eq!(saved, project, "run with UPDATE_FIXTURES=1 to rewrite {FIXTURE_RON}");
    assert!(project.documents.iter().all(|d| d.hash_matches() && !d.text.contains('\r')));
}

#[test]
fn the_formats_md_document_has_its_documented_offsets() {
    let project = fixture();
    let text = &project.documents[0].text;
    assert_eq!(find(text, "“We will rebuild the bridge by spring.”", 0), sayso::model::Span::new(57, 96).unwrap());
    assert_eq!(find(text, "Zoe\u{308} Adams", 0), sayso::model::Span::new(40, 50).unwrap());
    assert_eq!(find(text, "Mayor Zoe\u{308} Adams", 0), sayso::model::Span::new(34, 50).unwrap());
}

#[test]
fn format_names_round_trip() {
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>().unwrap(), format);
        assert_eq!(format.to_string(), format.name());
    }
    assert_eq!("LabelStudio".parse::<Format>().unwrap(), Format::LabelStudio);
    let err = "docbin".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("docbin") && err.contains("labelstudio"), "{err}");
    let err = sayso::import::from_tool(Path::new("x.csv"), Format::Csv).unwrap_err().to_string();
    assert!(err.contains("csv"), "{err}");
}

#[test]
fn spacy_spans_match_the_text_and_only_reviewed_work_goes_out() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Spacy);
    let report = export::export(&project, Format::Spacy, &out, &DEFAULT).unwrap();
    let reviewed = project.annotations.iter().filter(|a| a.is_reviewed()).count();
    assert_eq!(report.exported, reviewed);
    assert_eq!(report.files, vec![out.clone()]);
    let lines = jsonl(&out);
    assert_eq!(lines.len(), project.documents.len());
    let (mut spans, mut relations) = (0, 0);
    for line in &lines {
        let text = line["text"].as_str().unwrap();
        for span in line["spans"].as_array().unwrap() {
            let (s, e) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
            assert_eq!(span["text"].as_str().unwrap(), slice(text, s, e));
            assert_eq!(span["status"], "accepted");
            spans += 1;
        }
        let ids: Vec<&Value> = line["spans"].as_array().unwrap().iter().map(|s| &s["id"]).collect();
        for rel in line["relations"].as_array().into_iter().flatten() {
            assert!(ids.contains(&&rel["head_id"]) && ids.contains(&&rel["child_id"]));
            relations += 1;
        }
    }
    assert_eq!(spans, reviewed);
    assert_eq!(relations, links_among(&project, &DEFAULT), "every link between exported annotations");
    assert!(relations > 0);
    // formats.md: the quote after the emoji is at 57–96 in code points.
    let first = &lines[0]["spans"][0];
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64(), first["label"].as_str()),
        (Some(57), Some(96), Some("DIRECT"))
    );
    assert_eq!(lines[0]["relations"][0]["label"], "SPOKEN_BY");
    assert_eq!(lines[0]["entities"][0]["aliases"][1], "the mayor");
    // The accepted indirect quote links to a suggested speaker and cue: those links are reported.
    assert!(
        report.left_out.iter().any(|l| l.contains("links to annotations that were not exported")),
        "{:?}",
        report.left_out
    );
}

#[test]
fn suggestions_go_out_marked_and_rejected_never() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let rejected: Vec<String> = project
        .annotations
        .iter()
        .filter(|a| a.status == Status::Rejected)
        .map(|a| format!("\"start\":{},\"end\":{},\"label\":\"{}\"", a.span.start(), a.span.end(), a.label))
        .collect();
    assert!(!rejected.is_empty());
    let out = out_path(dir.path(), Format::Spacy);
    let report = export::export(&project, Format::Spacy, &out, &ALL).unwrap();
    let not_rejected = project.annotations.iter().filter(|a| a.status != Status::Rejected).count();
    assert_eq!(report.exported, not_rejected);
    let written = std::fs::read_to_string(&out).unwrap();
    for r in &rejected {
        assert!(!written.contains(r.as_str()), "rejected {r} was exported");
    }
    assert!(written.contains("\"status\":\"suggested\""));
    // Every format accepts the full set.
    for format in Format::ALL {
        let report = export::export(&project, format, &out_path(dir.path(), format), &ALL).unwrap();
        assert_eq!(report.exported, not_rejected, "{format}");
    }
}

#[test]
fn doccano_writes_both_shapes_with_code_point_offsets() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Doccano);
    let report = export::export(&project, Format::Doccano, &out, &ALL).unwrap();
    assert_eq!(report.files.len(), 2);
    assert!(report.left_out.iter().any(|l| l.contains("without their status")), "{:?}", report.left_out);
    let spans = jsonl(&report.files[0]);
    assert_eq!(spans[0]["label"][0], serde_json::json!([57, 96, "DIRECT"]));
    let relations = jsonl(&report.files[1]);
    let mut entity_ids = Vec::new();
    let mut links = 0;
    for line in &relations {
        let text = line["text"].as_str().unwrap();
        for e in line["entities"].as_array().unwrap() {
            let (s, e_) = (e["start_offset"].as_u64().unwrap(), e["end_offset"].as_u64().unwrap());
            assert!(!slice(text, s, e_).is_empty());
            entity_ids.push(e["id"].as_u64().unwrap());
        }
        for r in line["relations"].as_array().unwrap() {
            let ids: Vec<u64> =
                line["entities"].as_array().unwrap().iter().map(|e| e["id"].as_u64().unwrap()).collect();
            assert!(ids.contains(&r["from_id"].as_u64().unwrap()) && ids.contains(&r["to_id"].as_u64().unwrap()));
            links += 1;
        }
    }
    assert_eq!(links, links_among(&project, &ALL), "every link between exported annotations");
    assert!(links > 0);
    let mut sorted = entity_ids.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), entity_ids.len(), "entity ids are unique across the file");
    assert!(!std::fs::read(&report.files[0]).unwrap().starts_with(b"\xef\xbb\xbf"), "no BOM for doccano");
}

#[test]
fn brat_t_lines_match_the_text_and_split_at_line_breaks() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Brat);
    export::export(&project, Format::Brat, &out, &ALL).unwrap();
    let ann = std::fs::read_to_string(out.join("d2-lavrov-strategy-is-simple-crlf.ann")).unwrap();
    let txt = std::fs::read_to_string(out.join("d2-lavrov-strategy-is-simple-crlf.txt")).unwrap();
    assert_eq!(txt, project.documents[1].text);
    let mut fragmented = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let offsets = fields[1].split_once(' ').unwrap().1;
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                slice(&txt, s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        fragmented += usize::from(pieces.len() > 1);
        assert_eq!(fields[2], pieces.join(" "), "{line}");
    }
    assert_eq!(fragmented, 1, "the quote across a line break is written as two fragments");
    assert!(ann.contains("\tPART_OF Arg1:T"));
    assert!(ann.contains("\tAnnotatorNotes T4\tHe said, \"simple\" — twice, then left.\n"), "{ann}");
    assert!(ann.contains("Reference T1 sayso:e2\tSergei Lavrov"));
    assert!(ann.contains("Status T10 suggested"));
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.contains("CLAIM\n") && conf.contains("SPOKEN_BY\tArg1:<ENTITY>, Arg2:<ENTITY>"));
}

#[test]
fn brat_export_into_an_existing_folder_replaces_whole_files_and_keeps_others() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Brat);
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.md"), "mine").unwrap();
    std::fs::write(out.join("d1-caf-owners-react.ann"), "stale").unwrap();
    let report = export::export(&project, Format::Brat, &out, &DEFAULT).unwrap();
    assert_eq!(report.files.len(), 2 + 2 * project.documents.len());
    assert_eq!(std::fs::read_to_string(out.join("notes.md")).unwrap(), "mine");
    assert!(std::fs::read_to_string(out.join("d1-caf-owners-react.ann")).unwrap().starts_with("T1\tDIRECT 57 96\t"));
    let names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "no staging or temporary files left: {names:?}");
    // A file where the folder should be is refused, naming the path.
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let err = export::export(&project, Format::Brat, &file, &DEFAULT).unwrap_err().to_string();
    assert!(err.contains("plain"), "{err}");
}

#[test]
fn csv_has_the_columns_and_quotes_awkward_fields() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Csv);
    let report = export::export(&project, Format::Csv, &out, &ALL).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "BOM for spreadsheets");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "document",
            "quote text",
            "kind",
            "type",
            "speaker",
            "speaker mention",
            "cue",
            "start",
            "end",
            "status",
            "tags",
            "note",
            "statement"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let quotes =
        project.annotations.iter().filter(|a| a.layer == sayso::model::Layer::Quote && a.status != Status::Rejected);
    assert_eq!(rows.len(), quotes.count());
    assert_eq!(&rows[0][1], "“We will rebuild the bridge by spring.”");
    assert_eq!(&rows[0][3], "statement");
    assert_eq!((&rows[0][4], &rows[0][5], &rows[0][6]), ("Zoë Adams", "Mayor Zoe\u{308} Adams", "said"));
    assert_eq!((&rows[0][7], &rows[0][8], &rows[0][9]), ("57", "96", "accepted"));
    assert_eq!(&rows[0][10], "front-page; promise");
    assert!(rows.iter().any(|r| &r[3] == "belief"), "each quotation's attribution type");
    let lavrov = &rows[1];
    assert_eq!(&lavrov[1], "\"Our strategy is very simple, and it is working.\"");
    assert_eq!(&lavrov[11], "He said, \"simple\" — twice,\nthen left.");
    // The second part of the split quote takes its speaker from the first part.
    let part2 = rows.iter().find(|r| r[1].starts_with("“and we will")).unwrap();
    assert_eq!((&part2[4], &part2[5]), ("Sergei Lavrov", "he"));
    assert!(report.left_out.iter().any(|l| l.contains("neither")), "{:?}", report.left_out);
}

#[test]
fn conll_tokens_cover_the_text_and_overlaps_are_reported() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::Conll);
    let report = export::export(&project, Format::Conll, &out, &ALL).unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    let docs: Vec<&str> = written.split("-DOCSTART- -X- -X- O\n").skip(1).collect();
    assert_eq!(docs.len(), project.documents.len());
    for (doc, conll) in project.documents.iter().zip(docs) {
        let tokens: String = conll.lines().filter(|l| !l.is_empty()).map(|l| l.split(' ').next().unwrap()).collect();
        let text: String = doc.text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(tokens, text);
        let mut inside: Option<String> = None;
        for line in conll.lines() {
            let tag = line.rsplit(' ').next().unwrap_or("");
            if let Some(label) = tag.strip_prefix("I-") {
                assert_eq!(inside.as_deref(), Some(label), "I- continues an entity of its type: {line}");
            }
            inside = tag.strip_prefix("B-").or(tag.strip_prefix("I-")).map(String::from);
        }
    }
    assert!(written.contains("spring _ _ O\n. _ _ O\n” _ _ O\n"));
    assert!(written.contains("Zoe\u{308} _ _ B-PERSON\nAdams _ _ I-PERSON\n"));
    assert!(written.contains("Ministry _ _ B-ORG\n"));
    let left = report.left_out.join("; ");
    assert!(left.contains("3 overlapping or nested mentions"), "{left}");
    assert!(left.contains("relations (CoNLL has none)"), "{left}");
    assert!(left.contains("CoNLL holds entity mentions only"), "{left}");
}

#[test]
fn label_studio_tasks_follow_the_rules_of_formats_md() {
    let project = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(dir.path(), Format::LabelStudio);
    let report = export::export(&project, Format::LabelStudio, &out, &ALL).unwrap();
    assert_eq!(report.files, vec![out.clone(), dir.path().join("label_config.xml")]);
    let config = std::fs::read_to_string(&report.files[1]).unwrap();
    let tasks: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(tasks.len(), project.documents.len());
    let (mut regions, mut predicted, mut choices) = (0, 0, 0);
    for task in &tasks {
        let text = task["data"]["text"].as_str().unwrap();
        let mut results: Vec<(&Value, bool)> = Vec::new();
        for a in task["annotations"].as_array().unwrap() {
            results.push((&a["result"], false));
        }
        for p in task["predictions"].as_array().into_iter().flatten() {
            results.push((&p["result"], true));
        }
        for (result, is_prediction) in results {
            let items = result.as_array().unwrap();
            let ids: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
            for item in items {
                if item["type"] == "labels" {
                    assert_eq!(item["from_name"], "label");
                    assert_eq!(item["to_name"], "text");
                    let v = &item["value"];
                    assert_eq!(
                        v["text"].as_str().unwrap(),
                        slice(text, v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap())
                    );
                    let label = v["labels"][0].as_str().unwrap();
                    assert!(config.contains(&format!("<Label value=\"{label}\"")), "{label} in the config");
                    regions += 1;
                    predicted += usize::from(is_prediction);
                } else if item["type"] == "choices" {
                    // A quotation's attribution type, on one of the result's regions.
                    assert_eq!(item["from_name"], "attribution");
                    assert!(ids.contains(&item["id"].as_str().unwrap()));
                    let choice = item["value"]["choices"][0].as_str().unwrap();
                    assert!(config.contains(&format!("<Choice value=\"{choice}\"/>")), "{choice} in the config");
                    choices += 1;
                } else {
                    assert_eq!(item["type"], "relation");
                    assert!(
                        ids.contains(&item["from_id"].as_str().unwrap())
                            && ids.contains(&item["to_id"].as_str().unwrap())
                    );
                    assert!(config.contains(&format!("<Relation value=\"{}\"/>", item["labels"][0].as_str().unwrap())));
                }
            }
        }
    }
    assert_eq!(regions, report.exported);
    let quotes =
        project.annotations.iter().filter(|a| a.layer == sayso::model::Layer::Quote && a.status != Status::Rejected);
    assert_eq!(choices, quotes.count(), "every quotation carries its type");
    assert_eq!(
        predicted,
        project.annotations.iter().filter(|a| !a.is_reviewed() && a.status != Status::Rejected).count()
    );
    assert!(
        config.contains("<Labels name=\"label\" toName=\"text\">")
            && config.contains("<Text name=\"text\" value=\"$text\"/>")
    );
    assert!(report.left_out.iter().any(|l| l.contains("separate results")), "{:?}", report.left_out);
}

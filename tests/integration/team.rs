//! Team work with git: two analysts change copies of one project on branches of a real git
//! repository, and `git merge` must combine them into a valid project; where both changed the
//! same annotation, `sayso check` names it and `sayso merge` settles it.

use sayso::edit::{History, actions};
use sayso::model::{AnnId, DocId, Document, Layer, Project, Span, Status};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILE: &str = "project.ron";

fn sayso(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).current_dir(dir).output().expect("sayso runs")
}

/// A git repository in a temporary folder, holding the base project on branch `main`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// `None` (with a note) where git is not installed.
    fn with_base(base: &Project) -> Option<Repo> {
        if Command::new("git").arg("--version").output().is_err() {
            eprintln!("note: git is not installed; the git merge tests are skipped");
            return None;
        }
        let repo = Repo { dir: tempfile::tempdir().unwrap() };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test"]);
        repo.git(&["config", "user.email", "test@example.invalid"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo.commit(base, "base");
        Some(repo)
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join(FILE)
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = Command::new("git").args(args).current_dir(self.dir.path()).output().unwrap();
        assert!(out.status.success() || args[0] == "merge", "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    fn commit(&self, project: &Project, message: &str) {
        sayso::store::save(project, &self.path()).unwrap();
        self.git(&["add", FILE]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Commits each analyst's project on a branch of their own from `main`, then merges bob's
    /// branch into alice's; returns git's output.
    fn merge_work(&self, alice: &Project, bob: &Project) -> Output {
        for (name, project) in [("alice", alice), ("bob", bob)] {
            self.git(&["checkout", "-q", "-b", name, "main"]);
            self.commit(project, name);
        }
        self.git(&["checkout", "-q", "alice"]);
        self.git(&["merge", "--no-edit", "bob"])
    }

    fn load(&self) -> Project {
        sayso::store::load(&self.path()).unwrap_or_else(|e| panic!("the merged file loads: {e}")).project
    }
}

/// Articles with the detector's suggestions, as an analyst starts from them.
fn base(articles: &[(&str, &str)]) -> Project {
    let docs = articles.iter().map(|(title, text)| Document::new(DocId(0), *title, *text)).collect();
    let mut p = Project::default();
    let edit = actions::add_documents(&p, docs).unwrap();
    sayso::edit::apply(&mut p, edit).unwrap();
    p
}

fn sample() -> Project {
    base(&[("Danube", include_str!("../../assets/sample-article.txt"))])
}

/// What `analyst` makes of a copy of `base`, through the edit history as in the window.
fn work(base: &Project, analyst: &str, steps: impl FnOnce(&mut Project, &mut History)) -> Project {
    let mut p = base.clone();
    p.analyst = analyst.to_string();
    steps(&mut p, &mut History::default());
    p
}

fn find(p: &Project, doc: DocId, words: &str) -> Span {
    let text = &p.document(doc).unwrap().text;
    let byte = text.find(words).unwrap_or_else(|| panic!("{words:?} in the text"));
    let start = text[..byte].chars().count();
    Span::new(start, start + words.chars().count()).unwrap()
}

fn create(p: &mut Project, h: &mut History, doc: DocId, words: &str, label: &str) -> AnnId {
    let layer = p.schema.label(label).unwrap().layer.clone();
    let id = p.next_ann_id();
    let edit = actions::create(p, doc, find(p, doc, words), layer, label);
    h.apply(p, "Create", edit).unwrap();
    id
}

/// The suggestion of `layer` on exactly `words`.
fn suggestion(p: &Project, doc: DocId, words: &str, layer: Layer) -> AnnId {
    let span = find(p, doc, words);
    p.annotations_of(doc).find(|a| a.span == span && a.layer == layer).map(|a| a.id).expect("a suggestion there")
}

fn first_doc(p: &Project) -> DocId {
    p.documents[0].id
}

/// git merged without a conflict; else the conflicts, with the lines git could not merge.
fn assert_merged(repo: &Repo, out: &Output) {
    let text = std::fs::read_to_string(repo.path()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let hunks: Vec<String> = sayso::store::markers::find(&text)
        .iter()
        .map(|h| format!("{h}\n{}", lines[h.lines.0 - 1..h.lines.1].join("\n")))
        .collect();
    assert!(out.status.success(), "git merges without a conflict:\n{}", hunks.join("\n"));
}

#[test]
fn additions_by_both_analysts_merge_and_keep_their_authors() {
    let base = sample();
    let doc = first_doc(&base);
    assert_eq!(
        Project { analyst: "alice".into(), ..base.clone() }.next_ann_id().0 >> 32,
        u64::from(sayso::model::analyst_tag("alice"))
    );
    let alice = work(&base, "alice", |p, h| {
        create(p, h, doc, "dry summer", "LOC");
    });
    let bob = work(&base, "bob", |p, h| {
        create(p, h, doc, "Bratislava on October 2", "LOC");
        create(p, h, doc, "Iron Gates dams", "LOC");
    });
    let Some(repo) = Repo::with_base(&base) else { return };
    assert_merged(&repo, &repo.merge_work(&alice, &bob));
    let merged = repo.load();
    assert_eq!(merged.annotations.len(), base.annotations.len() + 3);
    let by = |words: &str| {
        let span = find(&merged, doc, words);
        merged.annotations.iter().find(|a| a.span == span).map(|a| a.analyst.clone())
    };
    assert_eq!(by("dry summer").as_deref(), Some("alice"));
    assert_eq!(by("Bratislava on October 2").as_deref(), Some("bob"));
    assert_eq!(by("Iron Gates dams").as_deref(), Some("bob"));
}

#[test]
fn reviews_deletions_and_additions_in_one_document_merge() {
    let base = base(&[
        ("Danube", include_str!("../../assets/sample-article.txt")),
        ("Aleppo", include_str!("../fixtures/aleppo-lavrov.txt")),
    ]);
    let doc = first_doc(&base);
    let vienna = suggestion(&base, doc, "Vienna", Layer::Mention);
    // The next annotation in the file after the one alice deletes: bob accepts it.
    let next = base
        .annotations_of(doc)
        .filter(|a| a.span.start() > base.annotation(vienna).unwrap().span.start())
        .min_by_key(|a| (a.span.start(), a.span.end()))
        .unwrap()
        .id;
    let alice = work(&base, "alice", |p, h| {
        h.apply(p, "Delete", actions::delete(p, &[vienna]).unwrap()).unwrap();
        create(p, h, doc, "WWF Central and Eastern Europe", "ORG");
    });
    let bob = work(&base, "bob", |p, h| {
        h.apply(p, "Accept", actions::set_status(p, &[next], Status::Accepted).unwrap()).unwrap();
        create(p, h, doc, "Regensburg", "GPE");
    });
    let Some(repo) = Repo::with_base(&base) else { return };
    assert_merged(&repo, &repo.merge_work(&alice, &bob));
    let merged = repo.load();
    assert!(merged.annotation(vienna).is_none(), "alice's deletion");
    assert_eq!(merged.annotation(next).unwrap().status, Status::Accepted, "bob's review");
    assert_eq!(merged.annotation(next).unwrap().analyst, "bob");
    assert_eq!(merged.annotations.len(), base.annotations.len() + 1);
}

#[test]
fn relabelling_and_renaming_different_entities_merge() {
    let base = sample();
    let doc = first_doc(&base);
    let szabados = suggestion(&base, doc, "Péter Szabados", Layer::Mention);
    let vlase = suggestion(&base, doc, "Andrei Vlase", Layer::Mention);
    let (e1, e2) = (base.annotation(szabados).unwrap().links.entity, base.annotation(vlase).unwrap().links.entity);
    let (e1, e2) = (e1.expect("an entity"), e2.expect("an entity"));
    let alice = work(&base, "alice", |p, h| {
        h.apply(p, "Rename", actions::rename_entity(p, e1, "Péter Szabados (HU)").unwrap()).unwrap();
        h.apply(p, "Relabel", actions::relabel(p, szabados, "TITLE").unwrap()).unwrap();
    });
    let bob = work(&base, "bob", |p, h| {
        h.apply(p, "Rename", actions::rename_entity(p, e2, "Andrei Vlase (RO)").unwrap()).unwrap();
        h.apply(p, "Relabel", actions::relabel(p, vlase, "ORG").unwrap()).unwrap();
    });
    let Some(repo) = Repo::with_base(&base) else { return };
    assert_merged(&repo, &repo.merge_work(&alice, &bob));
    let merged = repo.load();
    assert_eq!(merged.entity(e1).unwrap().name, "Péter Szabados (HU)");
    assert_eq!(merged.entity(e2).unwrap().name, "Andrei Vlase (RO)");
    assert_eq!(merged.annotation(szabados).unwrap().label, "TITLE");
    assert_eq!(merged.annotation(vlase).unwrap().label, "ORG");
    // What each taught is remembered: their lessons sit under different headings, so git kept both.
    let labels: Vec<&str> = merged.memory.labels.iter().map(|l| l.words.as_str()).collect();
    assert_eq!(labels, ["Andrei Vlase", "Péter Szabados"]);
    assert_eq!(merged.memory.names.len(), 2);
}

/// Each new article brings its own entities. They merge where their names do not sort next to
/// each other among the project's (two new dates, “Friday” and “Monday”, between the same two
/// dates of the base would conflict; README, “Working as a team”).
#[test]
fn a_document_added_on_each_side_merges() {
    let base = base(&[
        ("Danube", include_str!("../../assets/sample-article.txt")),
        ("Aleppo", include_str!("../fixtures/aleppo-lavrov.txt")),
    ]);
    let add = |analyst: &str, title: &str, text: &str| {
        work(&base, analyst, |p, h| {
            let edit = actions::add_documents(p, vec![Document::new(DocId(0), title, text)]).unwrap();
            h.apply(p, "Add", edit).unwrap();
        })
    };
    let alice = add(
        "alice",
        "Port strike",
        "Dock workers in Rotterdam walked out. “We will stay out until the contract is signed,” union leader Marieke Jansen said.",
    );
    let bob = add(
        "bob",
        "Grain deal",
        "Turkey brokered a new grain corridor. “Ships can sail from Odesa soon,” Defence Minister Hulusi Akar told reporters.",
    );
    let Some(repo) = Repo::with_base(&base) else { return };
    assert_merged(&repo, &repo.merge_work(&alice, &bob));
    let merged = repo.load();
    let titles: Vec<&str> = merged.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(merged.documents.len(), 4, "{titles:?}");
    for (side, title) in [(&alice, "Port strike"), (&bob, "Grain deal")] {
        let doc = side.documents.iter().find(|d| d.title == title).unwrap().id;
        assert_eq!(merged.annotations_of(doc).count(), side.annotations_of(doc).count(), "{title}");
        assert!(merged.annotations_of(doc).count() > 2, "{title} has its suggestions");
    }
    assert!(merged.entities.iter().any(|e| e.name.contains("Jansen")));
    assert!(merged.entities.iter().any(|e| e.name.contains("Akar")));
}

#[test]
fn a_real_conflict_is_named_by_check_and_settled_by_merge() {
    let base = sample();
    let doc = first_doc(&base);
    let gessler = suggestion(&base, doc, "Leonore Gessler", Layer::Mention);
    let alice = work(&base, "alice", |p, h| {
        h.apply(p, "Relabel", actions::relabel(p, gessler, "TITLE").unwrap()).unwrap();
    });
    let bob = work(&base, "bob", |p, h| {
        h.apply(p, "Relabel", actions::relabel(p, gessler, "ORG").unwrap()).unwrap();
    });
    let Some(repo) = Repo::with_base(&base) else { return };
    let out = repo.merge_work(&alice, &bob);
    assert!(!out.status.success(), "both changed one annotation: git stops");
    let dir = repo.dir.path();
    let check = sayso(&["check", FILE], dir);
    let message = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{message}");
    assert!(message.contains("unresolved git merge conflict"), "{message}");
    assert!(message.contains(&format!("annotation {}", gessler.0)), "names the annotation: {message}");
    assert!(message.contains("HEAD") && message.contains("bob"), "names both sides: {message}");
    assert!(message.contains("sayso merge"), "says how to settle it: {message}");
    for (stage, name) in [("1", "base.ron"), ("2", "ours.ron"), ("3", "theirs.ron")] {
        let shown = repo.git(&["show", &format!(":{stage}:{FILE}")]);
        std::fs::write(dir.join(name), shown.stdout).unwrap();
    }
    let merge = sayso(&["merge", "ours.ron", "theirs.ron", "--base", "base.ron", "--out", FILE], dir);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let merged = repo.load();
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!((c.ann, c.fields.as_slice()), (gessler, ["label".to_string()].as_slice()));
    let labels = c.versions().map(|v| v.annotation.as_ref().map(|a| (a.label.clone(), a.analyst.clone())));
    assert_eq!(labels, [Some(("TITLE".into(), "alice".into())), Some(("ORG".into(), "bob".into()))]);
    assert_eq!(merged.annotations.len(), base.annotations.len());
    let check = sayso(&["check", FILE], dir);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 conflict(s) to settle"));
}

/// Both relabel one person in the window, Alice as an organisation and Bob as a place: the
/// mention and its entity each become a conflict holding both labels, and settling the entity's
/// gives it the label chosen.
#[test]
fn an_entity_relabelled_on_both_sides_is_a_conflict_settled_in_the_project() {
    let base = sample();
    let doc = first_doc(&base);
    let gessler = suggestion(&base, doc, "Leonore Gessler", Layer::Mention);
    let entity = base.annotation(gessler).unwrap().links.entity.expect("an entity");
    let relabel = |analyst: &str, label: &str| {
        work(&base, analyst, |p, h| {
            let (edit, _) = actions::twins::relabel(p, gessler, label).unwrap();
            h.apply(p, "Relabel", edit).unwrap();
        })
    };
    let (alice, bob) = (relabel("alice", "ORG"), relabel("bob", "GPE"));
    assert_eq!(bob.entity(entity).unwrap().label, "GPE", "relabelling the mention relabels its entity");
    let Some(repo) = Repo::with_base(&base) else { return };
    assert!(!repo.merge_work(&alice, &bob).status.success(), "both changed the entity: git stops");
    let dir = repo.dir.path();
    for (stage, name) in [("1", "base.ron"), ("2", "ours.ron"), ("3", "theirs.ron")] {
        let shown = repo.git(&["show", &format!(":{stage}:{FILE}")]);
        std::fs::write(dir.join(name), shown.stdout).unwrap();
    }
    let merge = sayso(&["merge", "ours.ron", "theirs.ron", "--base", "base.ron", "--out", FILE], dir);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let check = sayso(&["check", FILE], dir);
    // The mention and its twins elsewhere in the article, relabelled alike, and the entity.
    let relabelled = alice.annotations.iter().filter(|a| base.annotation(a.id) != Some(a)).count();
    assert!(relabelled > 1);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(said.contains(&format!("{} conflict(s) to settle", relabelled + 1)), "{said}");
    let mut merged = repo.load();
    let c = merged.conflicts.iter().find(|c| c.entity == Some(entity)).expect("the entity's conflict").clone();
    assert_eq!(c.fields, ["entity label".to_string()]);
    let labels = c.versions().map(|v| v.entity.as_ref().map(|e| (e.label.clone(), v.analyst.clone())));
    assert_eq!(labels, [Some(("ORG".into(), "alice".into())), Some(("GPE".into(), "bob".into()))]);
    let at = c.stands_at(&merged).and_then(|id| merged.annotation(id)).unwrap();
    assert_eq!((at.links.entity, &at.layer), (Some(entity), &Layer::Mention), "shown at a mention of it");
    let edit = actions::resolve(&merged, c.id, actions::Choice::Second).unwrap();
    sayso::edit::apply(&mut merged, edit).unwrap();
    sayso::store::save(&merged, &repo.path()).unwrap();
    let settled = repo.load();
    assert_eq!(settled.entity(entity).unwrap().label, "GPE");
    assert_eq!(settled.conflicts.len(), relabelled, "the mentions' own conflicts are left to settle");
    assert!(settled.conflicts.iter().all(|c| c.entity.is_none()));
}

/// With `sayso merge` as git's merge driver for project files, the same merge succeeds and the
/// disagreement waits in the project as a conflict to settle.
#[test]
fn as_git_merge_driver_sayso_merge_leaves_conflicts_in_the_project() {
    let base = sample();
    let doc = first_doc(&base);
    let gessler = suggestion(&base, doc, "Leonore Gessler", Layer::Mention);
    let vienna = suggestion(&base, doc, "Vienna", Layer::Mention);
    let alice = work(&base, "alice", |p, h| {
        h.apply(p, "Relabel", actions::relabel(p, gessler, "TITLE").unwrap()).unwrap();
        h.apply(p, "Accept", actions::set_status(p, &[vienna], Status::Accepted).unwrap()).unwrap();
    });
    let bob = work(&base, "bob", |p, h| {
        h.apply(p, "Relabel", actions::relabel(p, gessler, "ORG").unwrap()).unwrap();
    });
    let Some(repo) = Repo::with_base(&base) else { return };
    let driver = format!("{} merge %A %B --base %O --out %A", env!("CARGO_BIN_EXE_sayso"));
    repo.git(&["config", "merge.sayso.driver", &driver]);
    std::fs::write(repo.dir.path().join(".gitattributes"), "*.ron merge=sayso\n").unwrap();
    assert_merged(&repo, &repo.merge_work(&alice, &bob));
    let merged = repo.load();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].ann, gessler);
    assert_eq!(merged.annotation(vienna).unwrap().status, Status::Accepted, "alice's change alone is merged");
}

/// A deterministic stream of numbers (splitmix64), so the measurement below is repeatable.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// One analyst's session: an action on each of `targets` (accept, reject, relabel or delete),
/// and `adds` new mentions on random words.
fn session(base: &Project, analyst: &str, targets: &[AnnId], adds: usize, dice: &mut Dice) -> Project {
    work(base, analyst, |p, h| {
        for &id in targets {
            let edit = match dice.below(4) {
                0 => actions::set_status(p, &[id], Status::Accepted),
                1 => actions::set_status(p, &[id], Status::Rejected),
                2 => actions::relabel(p, id, ["ORG", "GPE", "PERSON", "NORP"][dice.below(4)]),
                _ => actions::delete(p, &[id]),
            };
            if let Some(edit) = edit {
                h.apply(p, "Act", edit).unwrap();
            }
        }
        for _ in 0..adds {
            let doc = &p.documents[dice.below(p.documents.len())];
            let chars: Vec<char> = doc.text.chars().collect();
            let mut start = dice.below(chars.len());
            while start > 0 && chars[start - 1].is_alphanumeric() {
                start -= 1;
            }
            let end = (start..chars.len()).find(|&i| !chars[i].is_alphanumeric()).unwrap_or(chars.len());
            let (doc, Ok(span)) = (doc.id, Span::new(start, end)) else { continue };
            let edit = actions::create(p, doc, span, Layer::Mention, "ORG");
            h.apply(p, "Create", edit).unwrap();
        }
    })
}

/// How often plain `git merge` combines two analysts' independent sessions on two articles
/// (6 actions each on different suggestions, 3 new mentions each on random words), and how often
/// it would if both allocated ids as one unnamed analyst (the old “last id + 1”). Run with
/// `cargo test --release --test integration -- --ignored merge_rate --nocapture`.
#[test]
#[ignore = "a measurement for the README: about a minute"]
fn merge_rate_of_random_independent_sessions() {
    let base = base(&[
        ("Danube", include_str!("../../assets/sample-article.txt")),
        ("Aleppo", include_str!("../fixtures/aleppo-lavrov.txt")),
    ]);
    let trials = 50;
    let mut clean = [0; 2];
    for (named, clean) in [true, false].into_iter().zip(&mut clean) {
        let mut dice = Dice(7);
        for _ in 0..trials {
            let mut ids: Vec<AnnId> = base.annotations.iter().map(|a| a.id).collect();
            for i in (1..ids.len()).rev() {
                ids.swap(i, dice.below(i + 1));
            }
            let names = if named { ["alice", "bob"] } else { ["", ""] };
            let alice = session(&base, names[0], &ids[..6], 3, &mut dice);
            let bob = session(&base, names[1], &ids[6..12], 3, &mut dice);
            let Some(repo) = Repo::with_base(&base) else { return };
            if repo.merge_work(&alice, &bob).status.success() && sayso::store::load(&repo.path()).is_ok() {
                *clean += 1;
            }
        }
    }
    println!("clean merges of {trials}: analysts' id ranges {}, one shared range {}", clean[0], clean[1]);
    // What is left conflicts because the two sessions touched neighbours: a new mention beside one
    // the other deleted, two new mentions in one stretch without suggestions, or a cascade (an
    // accepted quote accepts its speaker; a deleted speaker unlinks its quote) reaching a record
    // the other changed.
    assert!(clean[0] * 4 >= trials * 3, "at least 3 in 4 merge cleanly with id ranges: {}", clean[0]);
    assert!(clean[1] < clean[0]);
}

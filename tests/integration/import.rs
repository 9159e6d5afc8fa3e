//! Article import: encodings, line endings and files that are not articles.

use sayso::import::{self, ImportError, MAX_BYTES, TextKind};
use sayso::model::{DocId, TextIndex};
use std::io::Write;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::File::create(&path).unwrap().write_all(bytes).unwrap();
    path
}

const ARTICLE: &str = "Zoë Adams said: “We will rebuild the café by spring.”\nCritics were unconvinced.\n";

#[test]
fn utf8_with_and_without_bom_give_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let plain = import::import_file(&write(&dir, "a.txt", ARTICLE.as_bytes()), DocId(1)).unwrap();
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(ARTICLE.as_bytes());
    let with_bom = import::import_file(&write(&dir, "b.txt", &bom), DocId(1)).unwrap();
    assert_eq!(plain.text, ARTICLE);
    assert_eq!(with_bom.text, ARTICLE);
    assert_eq!(with_bom.encoding, "UTF-8");
    assert_eq!(plain.title, "Zoë Adams said: “We will rebuild the café by spring.”");
    assert!(plain.hash_matches());
}

#[test]
fn utf16_le_and_be_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xff, 0xfe];
    le.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes));
    let le = import::import_file(&write(&dir, "le.txt", &le), DocId(1)).unwrap();
    let be = import::import_file(&write(&dir, "be.txt", &be), DocId(1)).unwrap();
    assert_eq!((le.text.as_str(), le.encoding.as_str()), (ARTICLE, "UTF-16LE"));
    assert_eq!((be.text.as_str(), be.encoding.as_str()), (ARTICLE, "UTF-16BE"));
}

#[test]
fn windows_1252_and_latin1_are_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Le ministre a déclaré: “Nous reconstruirons le café d’ici le printemps.” Les critiques sont restés sceptiques.\n",
    );
    let doc = import::import_file(&write(&dir, "fr.txt", &bytes), DocId(1)).unwrap();
    assert_eq!(doc.encoding, "windows-1252");
    assert!(doc.text.contains("déclaré: “Nous reconstruirons le café d’ici"));
    let latin1 = b"Caf\xe9 owners in Z\xfcrich said the stra\xdfe was closed.\n";
    let doc = import::import_file(&write(&dir, "de.txt", latin1), DocId(1)).unwrap();
    assert_eq!(doc.text, "Café owners in Zürich said the straße was closed.\n");
}

#[test]
fn crlf_and_lone_cr_keep_offsets_right() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = ARTICLE.replace('\n', "\r\n");
    let cr = ARTICLE.replace('\n', "\r");
    for (name, bytes) in [("crlf.txt", crlf), ("cr.txt", cr)] {
        let doc = import::import_file(&write(&dir, name, bytes.as_bytes()), DocId(1)).unwrap();
        assert_eq!(doc.text, ARTICLE, "{name}");
        let index = TextIndex::new(&doc.text);
        let start = doc.text.chars().position(|c| c == 'C').unwrap();
        assert_eq!(index.slice(&doc.text, start, start + 7), "Critics", "{name}");
    }
}

#[test]
fn markdown_becomes_readable_text() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Headline\n\nThe **minister** said [on TV](https://x) that talks\nwould resume.\n";
    let doc = import::import_file(&write(&dir, "a.md", md.as_bytes()), DocId(1)).unwrap();
    assert_eq!(doc.text, "Headline\n\nThe minister said on TV that talks would resume.\n");
    assert_eq!(doc.title, "Headline");
}

#[test]
fn binary_files_are_refused_with_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(&dir, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00");
    let err = import::import_file(&png, DocId(1)).unwrap_err();
    assert!(matches!(err, ImportError::Binary { .. }));
    assert!(err.to_string().contains("PNG image"), "{err}");
    let nul = write(&dir, "data.txt", b"some\x00\x01\x02binary\x00data");
    assert!(matches!(import::import_file(&nul, DocId(1)), Err(ImportError::Binary { .. })));
}

#[test]
fn empty_and_blank_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for bytes in [&b""[..], b"   \n\r\n\t", b"\xef\xbb\xbf"] {
        let err = import::import_file(&write(&dir, "e.txt", bytes), DocId(1)).unwrap_err();
        assert!(matches!(err, ImportError::Empty { .. }), "{err}");
        assert!(err.to_string().contains("is empty"));
    }
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_BYTES + 1).unwrap(); // sparse: nothing is written or read
    let err = import::import_file(&path, DocId(1)).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().contains("up to 50 MB"), "{err}");
}

#[test]
fn missing_file_names_the_path() {
    let err = import::import_file(std::path::Path::new("/no/such/article.txt"), DocId(1)).unwrap_err();
    assert!(err.to_string().contains("/no/such/article.txt"), "{err}");
}

#[test]
fn import_bytes_uses_the_fallback_title_only_when_needed() {
    let doc = import::import_bytes("   \nBody".as_bytes(), "x", "fallback", TextKind::Plain, DocId(3)).unwrap();
    assert_eq!((doc.title.as_str(), doc.id), ("Body", DocId(3)));
}

fn web_page(name: &str) -> Result<sayso::model::Document, ImportError> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web").join(name);
    import::import_file(&path, DocId(1))
}

#[test]
fn a_news_page_gives_its_article_and_metadata_without_the_page_around_it() {
    let doc = web_page("wire-story.html").unwrap();
    assert!(doc.text.starts_with("Dock workers at the port of Kestrel Bay voted"), "{}", doc.text);
    assert!(doc.text.ends_with("“watch every line of it being honoured”."), "{}", doc.text);
    assert_eq!(doc.text.matches("\n\n").count(), 5, "six paragraphs, one per line: {}", doc.text);
    for boilerplate in ["cookies", "Subscribe", "Advertisement", "Related", "Most read", "seadog77", "Share on", "©"] {
        assert!(!doc.text.contains(boilerplate), "{boilerplate:?} kept: {}", doc.text);
    }
    assert_eq!(doc.title, "Port strike ends after 11 days as dockers accept pay offer");
    assert_eq!(doc.source, "Harbour Herald");
    assert_eq!(doc.author, "Maren Holt");
    assert_eq!(doc.date, "2026-11-17T09:42:00+00:00");
    assert_eq!(doc.url, "https://www.harbourherald.example/news/2026/11/17/port-strike-ends");
    assert!(doc.hash_matches());
    let found = sayso::detect::detect(&doc.text);
    let chars: Vec<char> = doc.text.chars().collect();
    assert!(
        found.quotes.iter().any(|q| chars[q.start..q.end].iter().collect::<String>().contains("This is a fair deal")),
        "the article's quotations are detected"
    );
}

#[test]
fn a_blog_layout_drops_its_sidebar_comments_and_reply_form() {
    let doc = web_page("blog-post.html").unwrap();
    assert!(doc.text.starts_with("Mayor Lucia Ferraro defended"), "{}", doc.text);
    assert!(doc.text.contains("According to a city traffic study"), "{}", doc.text);
    for boilerplate in ["Log in", "Newsletter", "Leave a Reply", "Another waste of money", "Recent Posts", "WordPress"]
    {
        assert!(!doc.text.contains(boilerplate), "{boilerplate:?} kept: {}", doc.text);
    }
    assert_eq!(
        (doc.title.as_str(), doc.source.as_str(), doc.author.as_str(), doc.date.as_str()),
        (
            "Mayor defends bike lane plan at packed meeting",
            "The Riverside Ledger",
            "Daniel Okafor",
            "2026-10-02T19:15:00-05:00"
        )
    );
    assert_eq!(doc.url, "https://riversideledger.example/2026/10/02/mayor-defends-bike-lane-plan/");
}

#[test]
fn an_old_table_layout_in_a_declared_legacy_encoding() {
    let doc = web_page("latin1-table.html").unwrap();
    assert_eq!(doc.encoding, "windows-1252");
    assert!(doc.text.contains("“We have been here for nineteen years."), "{}", doc.text);
    assert!(doc.text.contains("Councillor Hélène Dubois said"), "{}", doc.text);
    for boilerplate in ["Classifieds", "Advertise with us", "Obituaries"] {
        assert!(!doc.text.contains(boilerplate), "{boilerplate:?} kept: {}", doc.text);
    }
    assert_eq!(doc.title, "Café owners fight rent rise");
    assert!(doc.author.starts_with("Renée Lefèvre"), "{}", doc.author);
}

#[test]
fn a_page_with_no_article_is_refused_with_a_message() {
    let err = web_page("section-front.html").unwrap_err();
    assert!(matches!(err, ImportError::NoArticle { .. }), "{err:?}");
    assert!(err.to_string().contains("section-front.html") && err.to_string().contains("no article"), "{err}");
}

#[test]
fn a_folder_of_articles_includes_saved_pages() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.html", "c.htm", "d.png"] {
        write(&dir, name, b"x");
    }
    let mut found: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| import::is_article_path(p))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, ["a.txt", "b.html", "c.htm"]);
    assert_eq!(TextKind::of_path(std::path::Path::new("X.HTM")), TextKind::Html);
}

const FEED: &str = concat!(
    r#"{"id": "a1", "outlet": "Sputnik", "date": "2016-12-08", "url": "https://sputnik.example/a1", "#,
    r#""text": "Syrian army halts Aleppo operations\n\n“Combat operations have been suspended,” Russian Foreign Minister Sergei Lavrov said."}"#,
    "\n",
    r#"{"id": "a2", "outlet": "TASS", "date": "2016-12-08", "text": "Lavrov: talks in Geneva\n\n“Combat operations have been suspended,” Sergey Lavrov told reporters."}"#,
    "\n",
    r#"{"id": "a3", "text": ["not", "a", "string"]}"#,
    "\n",
);

#[test]
fn a_jsonl_file_of_articles_annotates_into_one_project_with_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let feed = write(&dir, "feed.jsonl", FEED.as_bytes());
    let out = dir.path().join("feed.ron");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["annotate", feed.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("line 3") && stderr.contains("skipped"), "the bad line is named: {stderr}");
    let p = sayso::store::load(&out).unwrap().project;
    let outlets: Vec<(&str, &str, &str)> =
        p.documents.iter().map(|d| (d.title.as_str(), d.source.as_str(), d.date.as_str())).collect();
    assert_eq!(
        outlets,
        [
            ("Syrian army halts Aleppo operations", "Sputnik", "2016-12-08"),
            ("Lavrov: talks in Geneva", "TASS", "2016-12-08")
        ]
    );
    assert_eq!(p.documents[0].url, "https://sputnik.example/a1");
    assert_eq!(p.statements.len(), 1, "the statement both report is grouped");
}

#[test]
fn opening_a_jsonl_file_makes_a_project_of_its_articles_and_names_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let feed = write(&dir, "feed.jsonl", FEED.as_bytes());
    let session = sayso::session::Session::open(&feed).unwrap();
    assert_eq!(session.project.documents.len(), 2);
    assert!(session.project.annotations.iter().any(|a| a.doc == session.project.documents[1].id));
    assert_eq!(session.warnings.len(), 1);
    assert!(session.warnings[0].message.contains("line 3"), "{:?}", session.warnings);
    let (docs, problems) = import::import_paths(&[feed, dir.path().join("missing.txt")]);
    assert_eq!(docs.len(), 2);
    assert_eq!(problems.len(), 2, "the bad line and the missing file: {problems:?}");
}

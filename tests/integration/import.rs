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

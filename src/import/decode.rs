//! Bytes → text, with the encoding found. Decisions, in order: a BOM wins; valid UTF-8 is UTF-8;
//! anything else is handed to `chardetng`, which guesses among legacy encodings the way browsers do.

use encoding_rs::Encoding;

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "UTF-16LE", "windows-1252", …).
    pub encoding: String,
}

/// Decodes `bytes`, or says why they look binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    decode_declared(bytes, None)
}

/// Decodes `bytes` that declare their encoding (a web page's `charset`): the declaration is
/// trusted where the bytes are neither marked by a BOM nor valid UTF-8.
pub fn decode_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    if let Some(what) = binary_signature(bytes) {
        return Err(what.to_string());
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        (text.into_owned(), enc)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), encoding_rs::UTF_8)
    } else if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text.into_owned(), enc)
    } else {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let guess = detector.guess(None, true);
        let (text, _, _) = guess.decode(bytes);
        let (western, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        // Short Latin-1 texts can look Central European to the detector: where every letter
        // reads as Western European text, that reading is the likelier one.
        if guess != encoding_rs::WINDOWS_1252 && western.chars().all(reads_as_western) {
            (western.into_owned(), encoding_rs::WINDOWS_1252)
        } else {
            (text.into_owned(), guess)
        }
    };
    if looks_binary(&text) {
        return Err("it contains control characters that text files do not".to_string());
    }
    Ok(Decoded { text, encoding: encoding.name().to_string() })
}

/// ASCII, the letters and signs of Latin-1, and the typographic punctuation windows-1252 adds.
/// Not the rarer signs (¹, ¤, ¦ …) that stand in a Western reading of Central European bytes.
fn reads_as_western(c: char) -> bool {
    c.is_ascii()
        || matches!(c, 'À'..='ÿ' if c != '×' && c != '÷')
        || "\u{a0}¡£§©«®°±²³´·º»¿€‘’‚“”„–—…•™ŒœŠšŽžŸ".contains(c)
}

/// Recognises common binary formats by their first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "a program"),
        (b"SQLite format 3\0", "a SQLite database"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, what)| *what)
}

/// Text that is already a string (a line of a JSON stream): only the checks, no copy.
pub fn check_text(text: String) -> Result<Decoded, String> {
    if let Some(what) = binary_signature(text.as_bytes()) {
        return Err(what.to_string());
    }
    if looks_binary(&text) {
        return Err("it contains control characters that text files do not".to_string());
    }
    Ok(Decoded { text, encoding: encoding_rs::UTF_8.name().to_string() })
}

/// Text with NULs or many other control characters is not an article.
fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    total > 0 && controls * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Zoë “hi”".as_bytes()).unwrap().text, "Zoë “hi”");
        let d = decode(b"\xef\xbb\xbfabc").unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("abc", "UTF-8"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Zoë said “no”".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Zoë said “no”", "UTF-16LE"));
        let mut be = vec![0xfe, 0xff];
        be.extend("Zoë".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252() {
        let bytes = b"The minister\x92s aide said \x93we will rebuild\x94 the caf\xe9 by spring.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "The minister’s aide said “we will rebuild” the café by spring.");
    }

    #[test]
    fn latin1_is_named_windows_1252_and_central_european_text_is_not() {
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Café crème: señor Müller à Zürich, naïve façade.");
        let d = decode(&latin1).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("Café crème: señor Müller à Zürich, naïve façade.", "windows-1252")
        );
        let polish = "Zażółć gęślą jaźń, powiedział minister. Łódź i Kraków są gotowe na przyjęcie gości.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(polish);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (polish, "windows-1250"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err().contains("PNG"));
        assert!(decode(b"abc\0def").is_err());
    }
}

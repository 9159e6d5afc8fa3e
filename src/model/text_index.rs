//! Code-point ↔ byte offsets for one text, without a table entry per character.
//!
//! Storing every 64th character's byte offset keeps the table at 1/16 of the text's size for a
//! 50 MB article while any lookup walks at most 63 characters.

const STRIDE: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// Byte offset of characters 0, 64, 128, …
    samples: Vec<usize>,
    chars: usize,
    bytes: usize,
}

/// A character starts at every byte that does not continue one (UTF-8 continuation bytes are
/// 0x80–0xBF).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// Whether the eight bytes from `at` are all ASCII: eight characters, stepped over at once.
fn eight_ascii(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at..at + 8)
        .is_some_and(|w| u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8])) & 0x8080_8080_8080_8080 == 0)
}

/// Byte offset of the code point `n` places after the one at byte `from` (a character
/// boundary), or the text's length when the text ends first.
pub fn advance(text: &str, from: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut left) = (from, n);
    loop {
        while left >= 8 && eight_ascii(bytes, at) {
            at += 8;
            left -= 8;
        }
        match bytes.get(at) {
            None => return text.len(),
            Some(&b) if starts_char(b) => {
                if left == 0 {
                    return at;
                }
                left -= 1;
            }
            Some(_) => {}
        }
        at += 1;
    }
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut samples = Vec::with_capacity(text.len() / STRIDE + 1);
        let (mut chars, mut at) = (0, 0);
        while at < bytes.len() {
            // Eight ASCII bytes are eight characters; stepped over at once when no sample falls
            // among them.
            let into = chars % STRIDE;
            if into != 0 && into <= STRIDE - 8 && eight_ascii(bytes, at) {
                at += 8;
                chars += 8;
                continue;
            }
            if starts_char(bytes[at]) {
                if into == 0 {
                    samples.push(at);
                }
                chars += 1;
            }
            at += 1;
        }
        TextIndex { samples, chars, bytes: text.len() }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// Byte offset of code point `char_offset` (the text's length for `char_offset == len_chars`).
    /// Offsets past the end clamp to the end.
    pub fn byte_of(&self, text: &str, char_offset: usize) -> usize {
        if char_offset >= self.chars {
            return self.bytes;
        }
        let base = self.samples[char_offset / STRIDE];
        // A text that changed under the index falls back to a scan instead of slicing badly.
        if !text.is_char_boundary(base) {
            return advance(text, 0, char_offset);
        }
        advance(text, base, char_offset % STRIDE)
    }

    /// Code-point offset of the character that starts at or contains byte `byte`.
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.bytes);
        let sample = self.samples.partition_point(|&b| b <= byte).saturating_sub(1);
        let (base, mut chars) = match self.samples.get(sample) {
            Some(&b) if text.is_char_boundary(b) => (b, sample * STRIDE),
            _ => (0, 0),
        };
        for (b, _) in text[base..].char_indices() {
            if base + b >= byte {
                return chars;
            }
            chars += 1;
        }
        chars
    }

    /// Whether this index may belong to `text`: same length. Lookups stay safe either way.
    pub fn fits(&self, text: &str) -> bool {
        self.bytes == text.len()
    }

    /// The text of `start..end` (code points), clamped to the text.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let s = self.byte_of(text, start).min(text.len());
        let e = self.byte_of(text, end.max(start)).min(text.len());
        text.get(s..e).unwrap_or("")
    }
}

/// A document's index, built on first use and never saved. It compares equal to any other, so
/// it does not affect equality of the data it sits in.
#[derive(Debug, Clone, Default)]
pub struct IndexCache(std::sync::OnceLock<TextIndex>);

impl IndexCache {
    /// The index of `text`, built on first use; rebuilt (uncached) if `text` changed since.
    pub fn get(&self, text: &str) -> std::borrow::Cow<'_, TextIndex> {
        let index = self.0.get_or_init(|| TextIndex::new(text));
        if index.fits(text) { std::borrow::Cow::Borrowed(index) } else { std::borrow::Cow::Owned(TextIndex::new(text)) }
    }
}

impl PartialEq for IndexCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IndexCache {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_multibyte_text() {
        let text: String = "aé📰“x”\n".repeat(50);
        let index = TextIndex::new(&text);
        assert_eq!(index.len_chars(), text.chars().count());
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_of(&text, i), byte);
            assert_eq!(index.char_of(&text, byte), i);
        }
        assert_eq!(index.byte_of(&text, index.len_chars()), text.len());
        assert_eq!(index.slice(&text, 2, 4), "📰“");
    }

    #[test]
    fn a_text_changed_under_the_index_never_panics() {
        let index = TextIndex::new(&"a".repeat(200));
        let other = "é".repeat(100); // same byte length, different characters
        assert!(index.fits(&other), "same length: only Document's rebuild check would notice");
        for i in 0..210 {
            assert!(index.slice(&other, i, i + 3).len() <= other.len());
            assert!(index.char_of(&other, i) <= 200);
        }
        let odd = format!("x{}", "é".repeat(99) + "y"); // samples land inside characters
        assert_eq!(odd.len(), 200);
        for i in 0..210 {
            assert!(index.slice(&odd, i, i + 2).chars().count() <= 2);
        }
    }

    #[test]
    fn samples_fall_on_every_64th_character_across_ascii_runs() {
        for text in [
            "plain ascii text, long enough to step over ".repeat(9),
            "ab“c”".repeat(70),
            "x".repeat(63) + "é" + &"y".repeat(200),
        ] {
            let index = TextIndex::new(&text);
            let want: Vec<usize> = text.char_indices().step_by(STRIDE).map(|(b, _)| b).collect();
            assert_eq!(index.samples, want);
            assert_eq!(index.len_chars(), text.chars().count());
        }
    }

    #[test]
    fn empty_text() {
        let index = TextIndex::new("");
        assert_eq!(index.byte_of("", 0), 0);
        assert_eq!(index.char_of("", 0), 0);
        assert_eq!(index.slice("", 0, 3), "");
    }
}

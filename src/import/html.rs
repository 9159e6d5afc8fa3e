//! Saved web pages → the article in them, with the page's metadata.
//!
//! The main content is found by `dom_smoothie` (a port of Firefox's Readability), after the parts
//! of a page that are never the article — navigation, asides, forms, comment threads, share bars,
//! advertisement slots — are taken out, so none of their words reach the text. Paragraphs become
//! blank-line separated lines. Title, outlet, author, publication date and canonical URL come from
//! the page's metadata (JSON-LD, Open Graph, `<meta>` tags, `<link rel="canonical">`).

use dom_smoothie::{Config, Readability, TextMode};

/// What the page says about itself, and its article as text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WebPage {
    pub text: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub date: String,
    pub url: String,
}

/// Elements that hold no part of an article on any layout we know, removed before extraction.
const NEVER_ARTICLE: &str = "nav, aside, form, footer, header nav, noscript, iframe, \
    [role=navigation], [role=complementary], [aria-hidden=true], \
    #comments, .comments, .comment-list, .comments-area, .post-navigation, \
    .share, .share-tools, .social-share, .related, .newsletter, .cookie-consent, #cookie-banner, \
    .ad, .ads, .advert, .advertisement, [id^=ad-], [class^=ad-], [class*=' ad-']";

/// Largest number of elements parsed: a bound on the time one pathological page can take.
const MAX_ELEMENTS: usize = 60_000;

/// Finds the article in `html` (already decoded), or says why there is none.
pub fn extract(html: &str) -> Result<WebPage, String> {
    let config = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let mut page = Readability::new(html, None, Some(config)).map_err(|e| e.to_string())?;
    let canonical = page.doc.select(r#"link[rel="canonical"]"#).attr("href").map(|h| h.to_string());
    page.doc.select(NEVER_ARTICLE).remove();
    let article = page.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::GrabFailed => NO_ARTICLE.to_string(),
        other => other.to_string(),
    })?;
    let text = paragraphs(&article.text_content);
    if prose_chars(&text) < MIN_PROSE_CHARS {
        return Err(NO_ARTICLE.into());
    }
    let tidy = |s: Option<String>| s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    Ok(WebPage {
        text,
        title: tidy(Some(article.title)),
        outlet: tidy(article.site_name),
        author: tidy(article.byline).trim_start_matches("By ").trim_start_matches("by ").to_string(),
        date: tidy(article.published_time),
        url: canonical.or(article.url).unwrap_or_default(),
    })
}

const NO_ARTICLE: &str = "the page holds no article (an index, a list of links or an empty page?)";

/// Fewest characters of prose an article has: a short news brief has a few hundred, while the
/// headlines of an index page have none.
const MIN_PROSE_CHARS: usize = 200;

/// Characters in paragraphs that end as sentences do — what headline lists, menus and link
/// blocks lack.
fn prose_chars(text: &str) -> usize {
    let ends_a_sentence =
        |line: &str| line.trim_end_matches(['”', '’', '"', '\'', ')']).ends_with(['.', '!', '?', '…', ':', ';']);
    text.lines().filter(|l| ends_a_sentence(l)).map(|l| l.chars().count()).sum()
}

/// Readability's text with its lines trimmed, runs of spaces collapsed and one blank line between
/// paragraphs, so every paragraph of the page is one line of the article.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// The encoding a page declares in its first kilobyte (`<meta charset=…>` or
/// `content="text/html; charset=…"`), as browsers look for it before they read the page.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\''))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_kept_and_what_surrounds_it_is_not() {
        let html = format!(
            "<html><head><title>Rain stops play | Daily Post</title><meta property=\"og:site_name\" content=\"Daily Post\">\
             <link rel=\"canonical\" href=\"https://post.example/rain\"></head><body>\
             <nav><a href=\"/\">Home</a><a href=\"/sport\">Sport</a></nav><article><h1>Rain stops play</h1>{}</article>\
             <div class=\"ad\">Advertisement</div><section id=\"comments\"><p>First!</p></section></body></html>",
            "<p>Rain stopped play at the county ground on Saturday after only eleven overs had been bowled \
             in the morning session, and the umpires abandoned the match at four o'clock.</p>"
                .repeat(3)
        );
        let page = extract(&html).unwrap();
        assert!(page.text.starts_with("Rain stopped play"), "{}", page.text);
        assert_eq!(page.text.matches("\n\n").count(), 2, "three paragraphs: {}", page.text);
        for boilerplate in ["Home", "Advertisement", "First!"] {
            assert!(!page.text.contains(boilerplate), "{boilerplate} in {}", page.text);
        }
        assert_eq!((page.outlet.as_str(), page.url.as_str()), ("Daily Post", "https://post.example/rain"));
    }

    #[test]
    fn a_declared_charset_is_found() {
        let name = |b: &[u8]| declared_encoding(b).map(|e| e.name());
        assert_eq!(name(b"<meta charset=\"ISO-8859-1\">"), Some("windows-1252"));
        assert_eq!(name(b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>"), Some("KOI8-R"));
        assert_eq!(name(b"<p>no declaration</p>"), None);
    }
}

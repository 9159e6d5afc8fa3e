//! Markdown → the text a reader sees: markup dropped, blocks separated by blank lines.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub fn to_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("• "),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => end_block(&mut out),
            Event::Rule => {
                end_block(&mut out);
            }
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn end_block(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_readable_text() {
        let md = "# Talks resume\n\nThe *minister* said:\n“We [agree](http://x).”\n\n- one\n- two\n";
        assert_eq!(super::to_text(md), "Talks resume\n\nThe minister said: “We agree.”\n\n• one\n\n• two\n");
    }
}

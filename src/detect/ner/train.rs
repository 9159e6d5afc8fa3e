//! Training the tagger: reading annotated sentences and running an averaged perceptron.
//!
//! Each gold sentence is rebuilt as text and tokenized by the detector's own tokenizer, and the
//! gold names are mapped onto those tokens, so the model learns from exactly the tokens and
//! features it will see in an article. Training is deterministic: sentences are visited in an
//! order drawn from a fixed seed, for a fixed number of epochs, and nothing depends on hash-map
//! iteration or the number of threads, so the same data always gives the same bytes.

use super::super::tokens::Doc;
use super::features::{self, BUCKETS, Context, PER_TOKEN};
use super::model::{self, CLASSES, Model, OUTSIDE, TYPES};

/// Passes over the training data.
pub const EPOCHS: usize = 8;
const SEED: u64 = 0x5a15_0e17;

/// One annotated sentence: its text and its names as code-point spans with a type from
/// [`TYPES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    pub names: Vec<(usize, usize, usize)>,
}

/// The type index of a corpus label (`PER`, `I-ORG`, `OTH` …); `None` for outside.
fn type_of(label: &str) -> Option<usize> {
    let bare = label.trim_start_matches("B-").trim_start_matches("I-");
    match bare {
        "PER" | "PERSON" => Some(0),
        "ORG" => Some(1),
        "LOC" | "GPE" => Some(2),
        "MISC" | "OTH" => Some(3),
        _ => None,
    }
}

/// Builds sentences from `(token, tag)` rows: the text from `text` when given (tokens found in it
/// in order), else the tokens joined by spaces. `io` reads tags without B- (a run of one type is
/// one name).
fn sentence(rows: &[(&str, &str)], text: Option<&str>, io: bool) -> Sentence {
    let joined;
    let text = match text {
        Some(t) => t,
        None => {
            joined = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
            &joined
        }
    };
    let mut names = Vec::new();
    let mut open: Option<(usize, usize, usize)> = None;
    let mut byte = 0;
    for &(tok, tag) in rows {
        let Some(found) = text.get(byte..).and_then(|rest| rest.find(tok)) else { continue };
        let (bs, be) = (byte + found, byte + found + tok.len());
        byte = be;
        let (cs, ce) = (text[..bs].chars().count(), text[..be].chars().count());
        let ty = type_of(tag);
        let continues = match (open, ty) {
            (Some((_, _, t)), Some(u)) => t == u && (tag.starts_with("I-") || io),
            _ => false,
        };
        if continues {
            if let Some(o) = open.as_mut() {
                o.1 = ce;
            }
            continue;
        }
        names.extend(open.take());
        open = ty.map(|t| (cs, ce, t));
    }
    names.extend(open);
    Sentence { text: text.to_string(), names }
}

/// Sentences of a UNER file (`index TAB token TAB tag …`, `# text = …`). A `B-O` counts as
/// outside.
pub fn read_iob2(content: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut rows: Vec<(&str, &str)> = Vec::new();
    let mut text = None;
    for line in content.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !rows.is_empty() {
                out.push(sentence(&rows, text, false));
            }
            rows.clear();
            text = None;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t);
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            if let (Some(_), Some(tok), Some(tag)) = (cols.next(), cols.next(), cols.next()) {
                rows.push((tok, tag));
            }
        }
    }
    out
}

/// Sentences of a CoNLL-style file with IO tags (`token tag`, `-DOCSTART-` between articles), as
/// wikigold is written.
pub fn read_conll_io(content: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for line in content.lines().chain(std::iter::once("")) {
        let mut cols = line.split_whitespace();
        match (cols.next(), cols.next_back()) {
            (Some("-DOCSTART-"), _) => {}
            (Some(tok), Some(tag)) => rows.push((tok, tag)),
            _ => {
                if !rows.is_empty() {
                    out.push(sentence(&rows, None, true));
                }
                rows.clear();
            }
        }
    }
    out
}

/// GUM genres whose texts allow shipping a model trained on them (CC BY or BY-SA). News is left
/// out although open: it is the held-out set the model is measured on.
pub const GUM_GENRES: &[&str] =
    &["academic", "bio", "court", "interview", "speech", "textbook", "vlog", "voyage", "conversation"];

/// Whether a GUM file (`GUM_<genre>_<name>.conllu`) is of a genre in [`GUM_GENRES`].
pub fn gum_genre_allowed(file_name: &str) -> bool {
    file_name.strip_prefix("GUM_").and_then(|r| r.split('_').next()).is_some_and(|g| GUM_GENRES.contains(&g))
}

/// One token of a CoNLL-U sentence, as far as names need it.
struct UdToken<'a> {
    form: &'a str,
    proper: bool,
    /// Index of its syntactic head in the sentence (`None` for the root).
    head: Option<usize>,
}

/// Sentences of a GUM CoNLL-U file with their names: person, organization and place mentions
/// (and any other type as MISC) whose syntactic head is a proper noun, cut down to the run of
/// proper nouns around that head ("US President Donald Trump" → "Donald Trump").
pub fn read_gum_conllu(content: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut text = None;
    let mut toks: Vec<UdToken> = Vec::new();
    let mut mentions: Vec<(usize, usize, &str)> = Vec::new();
    let mut open: Vec<(&str, &str, usize)> = Vec::new();
    for line in content.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !toks.is_empty() {
                out.push(gum_sentence(text, &toks, &mentions));
            }
            toks.clear();
            mentions.clear();
            open.clear();
            text = None;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t);
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let i = toks.len();
        let head = cols[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1));
        toks.push(UdToken { form: cols[1], proper: cols[3] == "PROPN", head });
        let Some(ent) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else { continue };
        let mut rest = ent;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                let cut = body.find(['(', ')']).unwrap_or(body.len());
                let mut parts = body[..cut].split('-');
                let (id, etype) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                if body[cut..].starts_with(')') {
                    mentions.push((i, i + 1, etype));
                    rest = &body[cut + 1..];
                } else {
                    open.push((id, etype, i));
                    rest = &body[cut..];
                }
            } else {
                let Some(close) = rest.find(')') else { break };
                let id = &rest[..close];
                if let Some(k) = open.iter().rposition(|o| o.0 == id) {
                    let (_, etype, start) = open.remove(k);
                    mentions.push((start, i + 1, etype));
                }
                rest = &rest[close + 1..];
            }
        }
    }
    out
}

/// A GUM sentence's text and names (see [`read_gum_conllu`]); longer names win over names they
/// overlap.
fn gum_sentence(text: Option<&str>, toks: &[UdToken], mentions: &[(usize, usize, &str)]) -> Sentence {
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    for &(s, e, etype) in mentions {
        let ty = match etype {
            "person" => 0,
            "organization" => 1,
            "place" => 2,
            "time" => continue,
            _ => 3,
        };
        let inside = |j: usize| j >= s && j < e;
        let Some(h) = (s..e).find(|&j| toks[j].head.is_none_or(|p| !inside(p))) else { continue };
        if !toks[h].proper {
            continue;
        }
        let (mut a, mut b) = (h, h + 1);
        while a > s && toks[a - 1].proper {
            a -= 1;
        }
        loop {
            if b < e && toks[b].proper {
                b += 1;
            } else if b + 1 < e
                && matches!(toks[b].form, "of" | "and" | "&" | "the" | "de" | "for")
                && toks[b + 1].proper
            {
                b += 2;
            } else {
                break;
            }
        }
        names.push((a, b, ty));
    }
    names.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
    let mut tags: Vec<Option<(usize, bool)>> = vec![None; toks.len()];
    for (a, b, ty) in names {
        if (a..b).all(|j| tags[j].is_none()) {
            for (j, t) in tags.iter_mut().enumerate().take(b).skip(a) {
                *t = Some((ty, j == a));
            }
        }
    }
    let rows: Vec<(&str, &str)> = toks
        .iter()
        .zip(&tags)
        .map(|(t, tag)| {
            let tag = match tag {
                None => "O",
                Some((ty, first)) => GUM_TAGS[2 * ty + usize::from(!first)],
            };
            (t.form, tag)
        })
        .collect();
    sentence(&rows, text, false)
}

const GUM_TAGS: [&str; 8] = ["B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

/// A sentence as the tagger sees it: tokens, gazetteer marks and the gold tag of each token.
pub(super) struct Example {
    pub doc: Doc,
    pub context: Context,
    pub tags: Vec<u8>,
}

pub(super) fn example(s: &Sentence) -> Example {
    let doc = Doc::new(&s.text);
    let context = Context::new(&doc);
    let mut tags = vec![OUTSIDE; doc.tokens.len()];
    for &(a, b, ty) in &s.names {
        let mut first = true;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.start() >= a && t.end() <= b {
                tags[i] = (1 + 2 * ty + usize::from(!first)) as u8;
                first = false;
            }
        }
    }
    Example { doc, context, tags }
}

/// Averaged-perceptron weights: current values, running sums and when each was last summed.
pub(super) struct Averaged {
    w: Vec<f32>,
    sum: Vec<f64>,
    stamp: Vec<u32>,
    now: u32,
}

impl Averaged {
    fn new() -> Averaged {
        let n = BUCKETS * CLASSES;
        Averaged { w: vec![0.0; n], sum: vec![0.0; n], stamp: vec![0; n], now: 0 }
    }

    /// Starts from a trained model's weights: further learning moves them from there.
    pub(super) fn from_model(model: &Model) -> Averaged {
        let mut p = Averaged::new();
        for (w, q) in p.w.iter_mut().zip(model.weights()) {
            *w = f32::from(q) * model.scale;
        }
        p
    }

    fn add(&mut self, feats: &[u32; PER_TOKEN], class: u8, delta: f32, slots: &[bool; PER_TOKEN]) {
        for (&b, _) in feats.iter().zip(slots).filter(|(_, s)| **s) {
            let k = b as usize * CLASSES + usize::from(class);
            self.sum[k] += f64::from(self.w[k]) * f64::from(self.now - self.stamp[k]);
            self.stamp[k] = self.now;
            self.w[k] += delta;
        }
    }

    fn scores(&self, feats: &[u32; PER_TOKEN]) -> [f32; CLASSES] {
        let mut s = [0f32; CLASSES];
        for &b in feats {
            let row = b as usize * CLASSES;
            for (s, &w) in s.iter_mut().zip(&self.w[row..row + CLASSES]) {
                *s += w;
            }
        }
        s
    }

    /// The averaged weights, quantised to 16 bits with one scale.
    pub(super) fn finish(self) -> Model {
        let now = f64::from(self.now.max(1));
        let avg: Vec<f64> = (0..self.w.len())
            .map(|k| (self.sum[k] + f64::from(self.w[k]) * f64::from(self.now - self.stamp[k])) / now)
            .collect();
        let max = avg.iter().fold(0f64, |m, &a| m.max(a.abs())).max(1e-9);
        let scale = max / f64::from(i16::MAX);
        let weights: Vec<i16> = avg.iter().map(|&a| (a / scale).round() as i16).collect();
        Model::from_weights(&weights, scale as f32)
    }
}

/// A fixed-seed generator for the visiting order (xorshift; no dependency, same on every platform).
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Trains a model on `sentences` for `epochs` passes.
pub fn train(sentences: &[Sentence], epochs: usize) -> Model {
    let examples: Vec<Example> = sentences.iter().map(example).collect();
    let known: Vec<Vec<bool>> = examples.iter().map(|ex| vec![true; ex.tags.len()]).collect();
    let mut p = Averaged::new();
    passes(&mut p, &examples, &known, epochs, &[true; PER_TOKEN]);
    p.finish()
}

/// Runs `epochs` perceptron passes over `examples` in a seeded order, each mistake on a token
/// whose tag is `known` moving the weights of the feature `slots` that learn; other tokens are
/// tagged (their tag is the next one's context) but teach nothing.
pub(super) fn passes(
    p: &mut Averaged,
    examples: &[Example],
    known: &[Vec<bool>],
    epochs: usize,
    slots: &[bool; PER_TOKEN],
) {
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = SEED;
    let mut feats = [0u32; PER_TOKEN];
    for _ in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &x in &order {
            let ex = &examples[x];
            let mut guessed = vec![OUTSIDE; ex.tags.len()];
            for i in 0..ex.tags.len() {
                let prev = model::prev_tag(&ex.doc, i, &guessed);
                if !model::candidate(&ex.doc, i, prev) {
                    continue;
                }
                p.now += 1;
                features::features(&ex.doc, &ex.context, i, prev, &mut feats);
                let s = p.scores(&feats);
                let mut guess = OUTSIDE;
                for t in 1..CLASSES as u8 {
                    if model::allowed(prev, t) && s[usize::from(t)] > s[usize::from(guess)] {
                        guess = t;
                    }
                }
                let gold = ex.tags[i];
                if known[x][i] && guess != gold && model::allowed(prev, gold) {
                    p.add(&feats, gold, 1.0, slots);
                    p.add(&feats, guess, -1.0, slots);
                }
                guessed[i] = guess;
            }
        }
    }
}

/// How many names of each type the sentences hold, for the training report.
pub fn counts(sentences: &[Sentence]) -> [usize; TYPES.len()] {
    let mut c = [0; TYPES.len()];
    for s in sentences {
        for &(_, _, t) in &s.names {
            c[t] += 1;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_sentences_keep_their_text_and_names() {
        let s = read_iob2(
            "# text = Kori Schulman works at Acme Corp.\n1\tKori\tB-PER\t-\t-\n2\tSchulman\tI-PER\t-\t-\n\
             3\tworks\tO\t-\t-\n4\tat\tO\t-\t-\n5\tAcme\tB-ORG\t-\t-\n6\tCorp\tI-ORG\t-\t-\n7\t.\tB-O\t-\t-\n",
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "Kori Schulman works at Acme Corp.");
        assert_eq!(s[0].names, vec![(0, 13, 0), (23, 32, 1)]);
    }

    #[test]
    fn io_tags_join_a_run_of_one_type() {
        let s = read_conll_io("-DOCSTART- O\n\nThe O\nBank I-ORG\nof I-ORG\nEngland I-ORG\nsaid O\n\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "The Bank of England said");
        assert_eq!(s[0].names, vec![(4, 19, 1)]);
    }

    #[test]
    fn gum_names_are_cut_to_their_proper_nouns() {
        let conllu = "# text = US President Donald Trump spoke.\n\
            1\tUS\tUS\tPROPN\t_\t_\t2\tcompound\t_\tEntity=(1-person-new-s-cf1-3-coref-Donald_Trump(2-place-new-s-cf2-1-sgl-United_States)\n\
            2\tPresident\tpresident\tNOUN\t_\t_\t3\tcompound\t_\t_\n\
            3\tDonald\tDonald\tPROPN\t_\t_\t5\tnsubj\t_\t_\n\
            4\tTrump\tTrump\tPROPN\t_\t_\t3\tflat\t_\tEntity=1)\n\
            5\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
            6\t.\t.\tPUNCT\t_\t_\t5\tpunct\t_\t_\n";
        let s = read_gum_conllu(conllu);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].names, vec![(0, 2, 2), (13, 25, 0)]);
        assert!(gum_genre_allowed("GUM_bio_bernoulli.conllu"));
        assert!(!gum_genre_allowed("GUM_news_afghan.conllu"));
        assert!(!gum_genre_allowed("GUM_fiction_beast.conllu"));
    }

    #[test]
    fn gold_names_become_tags_on_the_detectors_tokens() {
        let ex = example(&Sentence { text: "Shares of Acme Corp rose.".into(), names: vec![(10, 19, 1)] });
        assert_eq!(ex.tags, vec![0, 0, 3, 4, 0, 0]);
    }

    #[test]
    fn the_seeded_order_is_a_permutation_and_repeats() {
        let (mut a, mut b): (Vec<usize>, Vec<usize>) = ((0..50).collect(), (0..50).collect());
        let (mut s1, mut s2) = (SEED, SEED);
        shuffle(&mut a, &mut s1);
        shuffle(&mut b, &mut s2);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        a.sort();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
    }
}

//! Git's conflict markers in a project file. When two analysts changed the same record, `git
//! merge` leaves both versions between `<<<<<<<`, `=======` and `>>>>>>>` lines; RON cannot
//! parse that, so instead of a syntax error the load names the records in conflict on each
//! side, by id and line, and says how `sayso merge` settles them.

/// One region git could not merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// The lines of the `<<<<<<<` and `>>>>>>>` markers (1-based).
    pub lines: (usize, usize),
    pub ours: Side,
    pub theirs: Side,
}

/// One side of a [`Hunk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// What git wrote after the marker (`HEAD`, a branch name).
    pub name: String,
    /// Its lines between the markers (1-based, inclusive; empty when `first > last`).
    pub first: usize,
    pub last: usize,
    /// The records it touches ("annotation 12", "entity 3").
    pub records: Vec<String>,
}

impl std::fmt::Display for Hunk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |s: &Side| {
            let lines =
                if s.first > s.last { "no lines".to_string() } else { format!("lines {}–{}", s.first, s.last) };
            let records = if s.records.is_empty() { "nothing".to_string() } else { s.records.join(", ") };
            format!("{} ({lines}): {records}", s.name)
        };
        write!(f, "lines {}–{}: {} | {}", self.lines.0, self.lines.1, side(&self.ours), side(&self.theirs))
    }
}

/// The record kind a list of the project file holds, from its header line (`    annotations: [`).
fn section(line: &str) -> Option<&'static str> {
    let name = line.strip_prefix("    ")?.strip_suffix(": [")?;
    Some(match name {
        "documents" => "document",
        "entities" => "entity",
        "annotations" => "annotation",
        "statements" => "statement",
        "conflicts" => "conflict",
        _ => return None,
    })
}

/// A record's own id line (`            id: (12),`), not an id nested deeper inside it.
fn record_id(line: &str) -> Option<&str> {
    line.strip_prefix("            id: (")?.strip_suffix("),")
}

/// Every conflict region in `text`; empty when it has none.
pub fn find(text: &str) -> Vec<Hunk> {
    enum At {
        Outside,
        Ours,
        Base,
        Theirs,
    }
    let mut hunks = Vec::new();
    let (mut kind, mut enclosing) = ("record", None::<String>);
    let mut at = At::Outside;
    let mut hunk = None::<Hunk>;
    let side = |name: &str, line: usize| Side {
        name: name.trim().to_string(),
        first: line + 1,
        last: line,
        records: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some(name) = line.strip_prefix("<<<<<<<") {
            at = At::Ours;
            hunk = Some(Hunk { lines: (n, n), ours: side(name, n), theirs: side("", n) });
            continue;
        }
        let Some(h) = hunk.as_mut() else {
            if let Some(k) = section(line) {
                (kind, enclosing) = (k, None);
            } else if let Some(id) = record_id(line) {
                enclosing = Some(format!("{kind} {id}"));
            }
            continue;
        };
        if line.starts_with("|||||||") {
            at = At::Base;
        } else if line.starts_with("=======") {
            at = At::Theirs;
            h.theirs.first = n + 1;
            h.theirs.last = n;
        } else if let Some(name) = line.strip_prefix(">>>>>>>") {
            h.theirs.name = name.trim().to_string();
            h.lines.1 = n;
            // A region inside one record names no id of its own: it is about the enclosing one.
            for s in [&mut h.ours, &mut h.theirs] {
                if s.records.is_empty()
                    && let Some(e) = &enclosing
                {
                    s.records.push(e.clone());
                }
            }
            hunks.extend(hunk.take());
            at = At::Outside;
        } else {
            let s = match at {
                At::Ours => &mut h.ours,
                At::Theirs => &mut h.theirs,
                At::Base | At::Outside => continue,
            };
            s.last = n;
            if let Some(id) = record_id(line) {
                s.records.push(format!("{kind} {id}"));
            }
        }
    }
    hunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_record_each_side_changed() {
        let text = "(\n    annotations: [\n        (\n            id: (4),\n            doc: (1),\n<<<<<<< HEAD\n            status: Accepted,\n=======\n            status: Rejected,\n>>>>>>> bob\n        ),\n        (\n<<<<<<< HEAD\n            id: (7),\n=======\n            id: (9),\n>>>>>>> bob\n        ),\n    ],\n)\n";
        let hunks = find(text);
        assert_eq!(hunks.len(), 2);
        assert_eq!(hunks[0].lines, (6, 10));
        assert_eq!((hunks[0].ours.first, hunks[0].ours.last), (7, 7));
        assert_eq!(hunks[0].ours.records, vec!["annotation 4".to_string()]);
        assert_eq!(hunks[0].theirs.name, "bob");
        assert_eq!(hunks[1].ours.records, vec!["annotation 7".to_string()]);
        assert_eq!(hunks[1].theirs.records, vec!["annotation 9".to_string()]);
        assert!(find("(\n    annotations: [],\n)\n").is_empty());
    }
}

//! Ctrl+F: find text in the article, plain and case-insensitive, and turn a match into marked
//! text that a label key then annotates.

use egui::Ui;

/// Every non-overlapping match of `query` in `text`, ignoring case, as code-point ranges.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == needle[..] {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The find bar's state; `matches` is recomputed when the query or the document changes.
#[derive(Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    searched: Option<(String, String)>,
    focus: bool,
    /// Opening the bar again selects the old query, so typing replaces it.
    select_query: bool,
}

/// What the find bar asks the app to do this frame.
pub enum FindOutput {
    /// Show this match: mark it and scroll to it.
    Show(usize, usize),
    Close,
}

impl Find {
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
        self.select_query = true;
    }

    /// Draws the bar over the article; `doc_key` identifies the text being searched.
    pub fn ui(&mut self, ui: &mut Ui, text: &str, doc_key: &str) -> Option<FindOutput> {
        let mut out = None;
        ui.horizontal(|ui| {
            ui.label("Find:");
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.query).desired_width(260.0).hint_text("text in the article"));
            edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find"));
            if std::mem::take(&mut self.focus) {
                let select = std::mem::take(&mut self.select_query);
                super::focus::take_keyboard(ui, &edit, &self.query, select);
            }
            let key = (self.query.clone(), doc_key.to_string());
            if self.searched.as_ref() != Some(&key) {
                self.matches = find_all(text, &self.query);
                self.current = None;
                self.searched = Some(key);
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let shift = ui.input(|i| i.modifiers.shift);
            let escape = (edit.has_focus() || edit.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Escape));
            let status = match (self.current, self.matches.len()) {
                (_, 0) if self.query.is_empty() => String::new(),
                (_, 0) => "no match".to_string(),
                (Some(c), n) => format!("{} of {n}", c + 1),
                (None, n) => format!("{n} matches"),
            };
            ui.label(status);
            let prev = ui.button("Previous").clicked() || (enter && shift);
            let next = ui.button("Next").clicked() || (enter && !shift);
            if escape || ui.button("Close").clicked() {
                edit.surrender_focus();
                self.open = false;
                out = Some(FindOutput::Close);
                return;
            }
            if (prev || next) && !self.matches.is_empty() {
                let n = self.matches.len();
                let c = match (self.current, next) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(c), true) => (c + 1) % n,
                    (Some(c), false) => (c + n - 1) % n,
                };
                self.current = Some(c);
                let (s, e) = self.matches[c];
                out = Some(FindOutput::Show(s, e));
                if enter {
                    self.focus = true;
                }
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::find_all;

    #[test]
    fn finds_case_insensitively_in_code_points() {
        let text = "Zoë said ZOË is here; zoë again. 📰 Zoë";
        assert_eq!(find_all(text, "zoë"), vec![(0, 3), (9, 12), (22, 25), (35, 38)]);
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "absent").is_empty());
    }
}

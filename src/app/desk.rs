//! What a panel is given to draw: the open project to read, the window's settings, the review
//! state it may move, the marked words, and the queue its commands go to — never the whole app,
//! so a panel cannot change the project except through a command.

use super::{AppCommand, Preferences, Review};
use crate::model::Conflict;
use crate::session::Session;

pub struct Desk<'a> {
    pub session: &'a Session,
    pub prefs: &'a Preferences,
    pub review: &'a mut Review,
    /// The words marked in the article (code points), if any.
    pub marked: Option<(usize, usize)>,
    queue: &'a mut Vec<AppCommand>,
}

impl<'a> Desk<'a> {
    pub fn new(
        session: &'a Session,
        prefs: &'a Preferences,
        review: &'a mut Review,
        marked: Option<(usize, usize)>,
        queue: &'a mut Vec<AppCommand>,
    ) -> Self {
        Desk { session, prefs, review, marked, queue }
    }

    pub fn send(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    /// The conflict being settled (see [`super::adjudicate::current`]).
    pub fn current_conflict(&self) -> Option<&'a Conflict> {
        super::adjudicate::current(&self.session.project, self.review)
    }
}

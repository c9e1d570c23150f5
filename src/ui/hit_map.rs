//! Where the clickable things landed in the last frame. Drawing registers
//! each button, tab, list row and scrollbar here as it draws it; the mouse
//! ([`crate::input::mouse`]) looks clicks up here. Nothing else decides what
//! a click means.

use ratatui::layout::{Position, Rect};

use crate::app::Action;

/// What a region of the screen does when clicked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An action (a button, a tab, a row).
    Do(Action),
    /// A scrollbar's track: a click or a drag scrolls to that point.
    Track,
}

/// The clickable regions of one frame, topmost last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HitMap {
    regions: Vec<(Rect, Target)>,
}

impl HitMap {
    /// A region that does `action` (drawn over what is below it).
    pub fn push(&mut self, (rect, action): (Rect, Action)) {
        self.regions.push((rect, Target::Do(action)));
    }

    /// A scrollbar's track.
    pub fn track(&mut self, rect: Rect) {
        self.regions.push((rect, Target::Track));
    }

    /// The topmost region under a cell.
    pub fn at(&self, x: u16, y: u16) -> Option<(Rect, &Target)> {
        self.regions
            .iter()
            .rev()
            .find(|(r, _)| r.contains(Position { x, y }))
            .map(|(r, t)| (*r, t))
    }

    /// Every region, bottom first.
    pub fn iter(&self) -> impl Iterator<Item = &(Rect, Target)> {
        self.regions.iter()
    }

    /// The action of the topmost button under a cell (scrollbars aside).
    pub fn action_at(&self, x: u16, y: u16) -> Option<Action> {
        match self.at(x, y) {
            Some((_, Target::Do(a))) => Some(a.clone()),
            _ => None,
        }
    }
}

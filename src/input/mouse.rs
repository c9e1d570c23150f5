//! The mouse and touch: a click (or a tap) does what the region under it
//! registered in the last frame's [`HitMap`]; the wheel scrolls; a click or
//! drag on a scrollbar's track scrolls to that point.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::app::Action;
use crate::ui::hit_map::{HitMap, Target};

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i32 = 3;

/// The action for a mouse event, if it has one.
pub fn action_for(hits: &HitMap, mouse: &MouseEvent) -> Option<Action> {
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => match hits.at(x, y) {
            Some((_, Target::Do(action))) => Some(action.clone()),
            Some((rect, Target::Track)) => Some(track_point(rect, y)),
            // A tap on plain text does nothing but stop a reading aloud
            // (and, in the kiosk, shows someone is there).
            None => Some(Action::StopReading),
        },
        // Dragging along a scrollbar moves the text with it.
        MouseEventKind::Drag(MouseButton::Left) => match hits.at(x, y)? {
            (rect, Target::Track) => Some(track_point(rect, y)),
            _ => None,
        },
        MouseEventKind::ScrollDown => Some(Action::ScrollBy(WHEEL_LINES)),
        MouseEventKind::ScrollUp => Some(Action::ScrollBy(-WHEEL_LINES)),
        _ => None,
    }
}

/// Where on a track a row is: 0 at its top, 1000 at its bottom.
fn track_point(rect: ratatui::layout::Rect, y: u16) -> Action {
    let span = u32::from(rect.height.saturating_sub(1).max(1));
    let at = u32::from(y.saturating_sub(rect.y)).min(span);
    Action::ScrollTo(u16::try_from(at * 1000 / span).unwrap_or(1000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
    use ratatui::layout::Rect;

    fn click(kind: MouseEventKind, x: u16, y: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        }
    }

    #[test]
    fn clicks_take_the_topmost_region_and_tracks_scroll_to_a_point() {
        let mut hits = HitMap::default();
        hits.push((Rect::new(0, 0, 80, 24), Action::Next));
        hits.push((Rect::new(10, 5, 10, 1), Action::Prev));
        hits.track(Rect::new(79, 2, 1, 11));
        let down = MouseEventKind::Down(MouseButton::Left);
        assert_eq!(action_for(&hits, &click(down, 12, 5)), Some(Action::Prev));
        assert_eq!(action_for(&hits, &click(down, 0, 0)), Some(Action::Next));
        assert_eq!(
            action_for(&hits, &click(down, 79, 2)),
            Some(Action::ScrollTo(0))
        );
        assert_eq!(
            action_for(&hits, &click(down, 79, 12)),
            Some(Action::ScrollTo(1000))
        );
        let drag = MouseEventKind::Drag(MouseButton::Left);
        assert_eq!(
            action_for(&hits, &click(drag, 79, 7)),
            Some(Action::ScrollTo(500))
        );
        assert_eq!(action_for(&hits, &click(drag, 12, 5)), None);
    }
}

//! Splitting an area into rows of fixed heights around one row that takes
//! the rest, by arithmetic. ratatui's `Layout` gives the same rows through
//! its constraint solver, which costs more than the rest of the first frame
//! together (about 0.8 million instructions for six rows; later frames hit
//! its cache).

use ratatui::layout::Rect;

/// A row's height: so many lines, or what the fixed rows leave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Fixed(u16),
    Rest,
}

/// `area` cut into rows from the top, as `Layout::vertical` with `Length`
/// and one `Fill(1)` cuts it when the fixed rows fit. When they do not,
/// rows are given their height from the top until the area runs out.
pub fn rows<const N: usize>(area: Rect, heights: [Row; N]) -> [Rect; N] {
    let fixed: u16 = heights
        .iter()
        .map(|h| match h {
            Row::Fixed(n) => *n,
            Row::Rest => 0,
        })
        .fold(0, u16::saturating_add);
    let rest = area.height.saturating_sub(fixed);
    let mut y = area.y;
    let bottom = area.bottom();
    heights.map(|h| {
        let want = match h {
            Row::Fixed(n) => n,
            Row::Rest => rest,
        };
        let height = want.min(bottom.saturating_sub(y));
        let row = Rect {
            x: area.x,
            y,
            width: area.width,
            height,
        };
        y += height;
        row
    })
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    #[test]
    fn rows_match_ratatuis_layout_whenever_the_fixed_rows_fit() {
        for height in 6..60 {
            for nav in [1, 3] {
                let area = Rect::new(2, 3, 80, height);
                let ours = rows(
                    area,
                    [
                        Row::Fixed(1),
                        Row::Fixed(1),
                        Row::Rest,
                        Row::Fixed(nav),
                        Row::Fixed(1),
                    ],
                );
                let theirs: [Rect; 5] = Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Fill(1),
                    Constraint::Length(nav),
                    Constraint::Length(1),
                ])
                .areas(area);
                assert_eq!(ours, theirs, "height {height}, nav {nav}");
            }
        }
    }

    #[test]
    fn rows_stay_inside_a_tiny_area() {
        for height in 0..6 {
            let area = Rect::new(0, 5, 10, height);
            let got = rows(area, [Row::Fixed(2), Row::Rest, Row::Fixed(3)]);
            assert!(
                got.iter()
                    .all(|r| r.y >= area.y && r.bottom() <= area.bottom())
            );
            assert_eq!(got.iter().map(|r| r.height).sum::<u16>(), height.min(5));
        }
    }
}

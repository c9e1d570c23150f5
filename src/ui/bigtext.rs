//! Large digits for the numbing countdown, five rows high, drawn with block
//! characters so they read from across a treatment room.

const GLYPHS: [(char, [&str; 5]); 11] = [
    ('0', ["███", "█ █", "█ █", "█ █", "███"]),
    ('1', [" █ ", "██ ", " █ ", " █ ", "███"]),
    ('2', ["███", "  █", "███", "█  ", "███"]),
    ('3', ["███", "  █", "███", "  █", "███"]),
    ('4', ["█ █", "█ █", "███", "  █", "  █"]),
    ('5', ["███", "█  ", "███", "  █", "███"]),
    ('6', ["███", "█  ", "███", "█ █", "███"]),
    ('7', ["███", "  █", "  █", "  █", "  █"]),
    ('8', ["███", "█ █", "███", "█ █", "███"]),
    ('9', ["███", "█ █", "███", "  █", "███"]),
    (':', ["   ", " █ ", "   ", " █ ", "   "]),
];

/// The five rows of `text` in large digits (other characters are blank).
pub fn rows(text: &str) -> [String; 5] {
    let mut out: [String; 5] = Default::default();
    for (i, ch) in text.chars().enumerate() {
        let glyph = GLYPHS
            .iter()
            .find(|(g, _)| *g == ch)
            .map_or(["   "; 5], |(_, rows)| *rows);
        for (row, part) in out.iter_mut().zip(glyph) {
            if i > 0 {
                row.push(' ');
            }
            row.push_str(part);
        }
    }
    out
}

/// The width of `text` in large digits.
pub fn width(text: &str) -> usize {
    let n = text.chars().count();
    if n == 0 { 0 } else { n * 4 - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_line_up() {
        let r = rows("30:00");
        assert_eq!(r[0], "███ ███     ███ ███");
        assert_eq!(r[1], "  █ █ █  █  █ █ █ █");
        assert!(r.iter().all(|row| row.chars().count() == width("30:00")));
    }
}

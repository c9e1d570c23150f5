//! Word wrapping by display width, for the plain-text outputs.

use unicode_width::UnicodeWidthStr;

/// Wraps `text` into lines at most `width` columns wide (a word longer than
/// the width gets a line of its own and is split).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    // The current line's width, kept as words are added (not measured again).
    let mut current_w = 0;
    for word in text.split_whitespace() {
        let word_w = word.width();
        let sep = usize::from(!current.is_empty());
        if current_w + sep + word_w <= width {
            if sep == 1 {
                current.push(' ');
            }
            current.push_str(word);
            current_w += sep + word_w;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current_w = 0;
        }
        if word_w <= width {
            current.push_str(word);
            current_w = word_w;
        } else {
            for c in word.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if current_w + w > width && !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                    current_w = 0;
                }
                current.push(c);
                current_w += w;
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Wraps with a first-line prefix and an indent for the lines after it.
pub fn wrap_hanging(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let inner = width.saturating_sub(first.width().max(rest.width()));
    wrap(text, inner)
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { first } else { rest }))
        .collect()
}

/// Truncates to `width` columns, ending with "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if out.width() + w + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_hanging("a b c d", 5, "- ", "  "), ["- a b", "  c d"]);
        assert_eq!(truncate("sunscreen", 5), "suns…");
        assert_eq!(truncate("sun", 5), "sun");
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(wrap("中文 中文", 4), ["中文", "中文"]);
    }
}

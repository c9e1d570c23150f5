//! Terminal safety for text that comes from files: guide text, config values,
//! file names. Guide text must never be able to drive the terminal.

use std::borrow::Cow;

/// True for characters that must never appear in guide text: C0 and C1
/// controls (ESC, newline, tab, DEL, CSI ...), line and paragraph separators,
/// bidirectional overrides and isolates, and other invisible format
/// characters (zero-width space and joiners, BOM, soft hyphen, ...).
pub fn is_unsafe_char(c: char) -> bool {
    let u = c as u32;
    // C0 controls, DEL and C1 controls.
    if u < 0x20 || (0x7f..=0x9f).contains(&u) {
        return true;
    }
    // Printable ASCII and most of Latin-1: the common case, decided at once.
    if u < 0xad {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// The first unsafe character in `s`, with its character index.
pub fn first_unsafe_char(s: &str) -> Option<(usize, char)> {
    // Most text is printable ASCII, which is always safe.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    s.chars().enumerate().find(|&(_, c)| is_unsafe_char(c))
}

/// A readable name for an unsafe character, for error messages.
pub fn describe_char(c: char) -> String {
    let name = match c {
        '\u{1b}' => " ESCAPE",
        '\n' => " LINE FEED",
        '\r' => " CARRIAGE RETURN",
        '\t' => " TAB",
        '\u{7f}' => " DELETE",
        '\u{9b}' => " CONTROL SEQUENCE INTRODUCER",
        '\u{9d}' => " OPERATING SYSTEM COMMAND",
        '\u{200B}' => " ZERO WIDTH SPACE",
        '\u{200D}' => " ZERO WIDTH JOINER",
        '\u{202E}' => " RIGHT-TO-LEFT OVERRIDE",
        '\u{FEFF}' => " BYTE ORDER MARK",
        _ if c.is_control() => " control character",
        _ => " invisible formatting character",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Escapes unsafe characters as `\u{..}` so a message that quotes file
/// content can be printed to a terminal.
pub fn escape_unsafe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Replaces unsafe characters with U+FFFD for display. Validation already
/// rejects them in guides; this is the last line of defence on output.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Text folded for matching what people type: lowercase, and without
/// accents (`infección` and `infeccion` match), except the tilde of ñ, a
/// letter of its own in Spanish (`niño` is not `nino`). Each folded byte
/// keeps the offset of the character of `text` it came from.
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        for lower in c.to_lowercase() {
            let mut decomposed = std::iter::once(lower).nfd().peekable();
            while let Some(d) = decomposed.next() {
                // ñ: n followed by a combining tilde stays ñ.
                if d == 'n' && decomposed.peek() == Some(&'\u{303}') {
                    decomposed.next();
                    out.push('ñ');
                    offsets.extend(std::iter::repeat_n(at, 'ñ'.len_utf8()));
                    continue;
                }
                if is_combining_mark(d) {
                    continue;
                }
                let s = d.encode_utf8(&mut buf);
                out.push_str(s);
                offsets.extend(std::iter::repeat_n(at, s.len()));
            }
        }
    }
    (out, offsets)
}

/// [`fold_with_offsets`] without the offsets.
pub fn fold(text: &str) -> String {
    fold_with_offsets(text).0
}

/// Where `query` occurs in `text`, matched folded (case and accents do not
/// count): byte ranges of `text`.
pub fn find_folded(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let (folded, offsets) = fold_with_offsets(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = folded[from..].find(&q) {
        let start = from + pos;
        let end = start + q.len();
        let orig_start = offsets[start];
        // The end is the end of the last original character matched.
        let last = offsets[end - 1];
        let orig_end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        out.push(orig_start..orig_end);
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invisibles_are_unsafe() {
        for c in [
            '\u{1b}', '\n', '\t', '\u{7f}', '\u{9b}', '\u{9d}', '\u{200B}', '\u{202E}', '\u{2066}',
            '\u{FEFF}', '\u{2028}',
        ] {
            assert!(is_unsafe_char(c), "{c:?} should be unsafe");
        }
        for c in ['a', 'é', 'ñ', '¿', '—', '’', '中', '😀', ' '] {
            assert!(!is_unsafe_char(c), "{c:?} should be allowed");
        }
    }

    #[test]
    fn folding_ignores_case_and_accents_but_not_n_tilde() {
        assert_eq!(fold("Infección"), "infeccion");
        assert_eq!(fold("ÁCIDO hialurónico"), "acido hialuronico");
        assert_eq!(fold("Niño"), "niño");
        assert_eq!(
            find_folded("Signos de INFECCIÓN grave", "infeccion"),
            vec![10..20]
        );
        assert!(find_folded("el niño", "nino").is_empty());
        assert_eq!(find_folded("No sun. Sunscreen.", "sun"), [3..6, 8..11]);
    }

    #[test]
    fn sanitize_and_escape() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(escape_unsafe("a\u{1b}b"), "a\\u{1b}b");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
        assert_eq!(first_unsafe_char("ab\u{9b}"), Some((2, '\u{9b}')));
    }
}

//! References: guide text that names a value the guide holds, so the
//! value is written once and every sentence follows it.
//!
//! | reference | says |
//! |---|---|
//! | `{limit.ID.first}` | the first day of restriction `ID` ("Day 0"; "7 days before your treatment" before Day 0) |
//! | `{limit.ID.last}` | its last day |
//! | `{limit.ID.after}` | the day after it ends (when the patient may start again) |
//! | `{numbing.minutes}` | how long the numbing cream stays on ("30 minutes") |
//! | `{procedure.minutes}` | how long the treatment takes ("about 30 to 60 minutes") |
//! | `{clinic.name}`, `{clinic.phone}`, `{clinic.after_hours_phone}` | the clinic's contact details (the config file's, when it sets them) |
//! | `{visit.ADDON}` | the earliest day of an add-on's visit ("Day 14") |
//!
//! A day says its date too when the treatment date is known:
//! "Day 4 (Tue 24 Nov)". `{{` and `}}` write a brace.
//!
//! This module reads the syntax; [`super::fill_in`] fills references with
//! a plan's values.

use std::ops::Range;

use super::model::*;
use crate::toml_reader::closest;

/// Which day of a restriction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    First,
    Last,
    After,
}

/// A value a text can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ref {
    Limit { id: String, which: Which },
    NumbingMinutes,
    ProcedureMinutes,
    ClinicName,
    ClinicPhone,
    ClinicAfterHoursPhone,
    Visit { addon: String },
}

/// A template in pieces: text as it is, and references.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    /// A reference and where it is in the template (braces included).
    Ref(Ref, Range<usize>),
}

/// A mistake in a template, at a byte range of the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub range: Range<usize>,
    pub message: String,
}

/// The forms a reference can take, for messages.
pub const FORMS: &str = "{limit.ID.first}, {limit.ID.last}, {limit.ID.after}, {numbing.minutes}, \
     {procedure.minutes}, {clinic.name}, {clinic.phone}, {clinic.after_hours_phone}, {visit.ADDON}";

/// Splits a template into literal text and references.
pub fn parse(template: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                literal.push('}');
            }
            '}' => {
                return Err(TemplateError {
                    range: i..i + 1,
                    message: "a `}` without a `{` before it; write `}}` for a brace".into(),
                });
            }
            '{' => {
                let Some(len) = template[i..].find('}') else {
                    return Err(TemplateError {
                        range: i..template.len(),
                        message: "a `{` that is never closed with `}`; a reference looks like `{numbing.minutes}` \
                                  (write `{{` for a brace)"
                            .to_string(),
                    });
                };
                let range = i..i + len + 1;
                let path = &template[i + 1..i + len];
                let r = parse_ref(path).map_err(|message| TemplateError {
                    range: range.clone(),
                    message,
                })?;
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Ref(r, range));
                while chars.peek().is_some_and(|&(j, _)| j < i + len + 1) {
                    chars.next();
                }
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

pub(super) fn parse_ref(path: &str) -> Result<Ref, String> {
    let parts: Vec<&str> = path.trim().split('.').collect();
    let unknown = || {
        let suggestion = closest(
            path,
            [
                "numbing.minutes",
                "procedure.minutes",
                "clinic.name",
                "clinic.phone",
                "clinic.after_hours_phone",
            ],
        )
        .map(|s| format!(", did you mean `{{{s}}}`?"))
        .unwrap_or_else(|| format!("; a reference is one of {FORMS}"));
        format!("unknown reference `{{{path}}}`{suggestion}")
    };
    match parts.as_slice() {
        ["limit", id, which] => {
            let which = match *which {
                "first" => Which::First,
                "last" => Which::Last,
                "after" => Which::After,
                other => {
                    let hint = closest(other, ["first", "last", "after"])
                        .map(|s| format!(", did you mean `{{limit.{id}.{s}}}`?"))
                        .unwrap_or_else(|| {
                            "; a limit's day is `first`, `last` or `after`".to_string()
                        });
                    return Err(format!("unknown reference `{{{path}}}`{hint}"));
                }
            };
            Ok(Ref::Limit {
                id: id.to_string(),
                which,
            })
        }
        ["limit", ..] => Err(format!(
            "`{{{path}}}`: a limit reference is `{{limit.ID.first}}`, `{{limit.ID.last}}` or `{{limit.ID.after}}`"
        )),
        ["numbing", "minutes"] => Ok(Ref::NumbingMinutes),
        ["procedure", "minutes"] => Ok(Ref::ProcedureMinutes),
        ["clinic", "name"] => Ok(Ref::ClinicName),
        ["clinic", "phone"] => Ok(Ref::ClinicPhone),
        ["clinic", "after_hours_phone"] => Ok(Ref::ClinicAfterHoursPhone),
        ["visit", addon] => Ok(Ref::Visit {
            addon: addon.to_string(),
        }),
        _ => Err(unknown()),
    }
}

/// The template with each reference replaced by `…`: the literal text an
/// author wrote, for checks that look for numbers in prose.
pub fn literal_view(text: &Text) -> std::borrow::Cow<'_, str> {
    let Some(template) = &text.template else {
        return std::borrow::Cow::Borrowed(&text.value);
    };
    match parse(template) {
        Ok(pieces) => std::borrow::Cow::Owned(
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Literal(s) => s.as_str(),
                    Piece::Ref(..) => "…",
                })
                .collect(),
        ),
        Err(_) => std::borrow::Cow::Borrowed(template),
    }
}

/// The text as written, with each reference blanked out by spaces (the
/// same length, so positions still match the template): the literal text
/// an author wrote, for checks that look for numbers in prose.
pub fn blanked(text: &Text) -> String {
    let Some(template) = &text.template else {
        return text.value.to_string();
    };
    let Ok(pieces) = parse(template) else {
        return template.clone();
    };
    let mut out = template.clone().into_bytes();
    for p in &pieces {
        if let Piece::Ref(_, range) = p {
            for b in &mut out[range.clone()] {
                *b = b' ';
            }
        }
    }
    // Only ASCII braces and path characters were replaced.
    String::from_utf8(out).unwrap_or_else(|_| template.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_text_and_references() {
        let p = parse("From {limit.no-pools.after} you may swim. {{x}}").unwrap();
        assert_eq!(
            p,
            [
                Piece::Literal("From ".into()),
                Piece::Ref(
                    Ref::Limit {
                        id: "no-pools".into(),
                        which: Which::After
                    },
                    5..27
                ),
                Piece::Literal(" you may swim. {x}".into()),
            ]
        );
    }

    #[test]
    fn mistakes_say_what_was_expected() {
        let e = parse("Wait {numbing.minute}.").unwrap_err();
        assert_eq!(e.range, 5..21);
        assert!(
            e.message.contains("did you mean `{numbing.minutes}`?"),
            "{}",
            e.message
        );
        let e = parse("Until {limit.no-sun.end}.").unwrap_err();
        assert!(
            e.message.contains("`first`, `last` or `after`"),
            "{}",
            e.message
        );
        let e = parse("Until {limit.no-sun.after").unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        let e = parse("a } b").unwrap_err();
        assert_eq!(e.range, 2..3);
    }
}

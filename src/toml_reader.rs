//! Reads a spanned TOML document key by key, collecting every problem instead
//! of stopping at the first one.
//!
//! serde's derived deserializers stop at the first error; an author fixing a
//! guide wants all of them at once, each with its line and column. A
//! [`Table`] remembers which keys its reader asked for, so when it is
//! finished every other key is reported as unknown, with the closest known
//! key suggested.

use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::guide::diagnostic::Diagnostics;
use crate::guide::model::Text;
use crate::text::{describe_char, first_unsafe_char};

/// Parses `source` as TOML. Syntax errors are reported; the returned table
/// holds whatever could be recovered, or `None` when nothing could.
pub fn parse_document<'i>(source: &'i str, d: &mut Diagnostics) -> Option<Spanned<DeTable<'i>>> {
    let (doc, errors) = DeTable::parse_recoverable(source);
    let had_errors = !errors.is_empty();
    for e in errors {
        d.error(e.span(), format!("TOML syntax: {}", e.message()));
    }
    (!had_errors).then_some(doc)
}

/// What kind of value a TOML value is, in words for messages.
pub fn describe_value(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The known key closest to `unknown`, if one is close enough to be a typo.
pub fn closest<'k>(unknown: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let norm = |s: &str| s.to_lowercase().replace('-', "_");
    let u = norm(unknown);
    known
        .into_iter()
        .map(|k| (k, strsim::damerau_levenshtein(&u, &norm(k))))
        .filter(|&(k, dist)| dist <= (k.chars().count().max(u.chars().count()) / 3).max(1))
        .min_by_key(|&(_, dist)| dist)
        .map(|(k, _)| k)
}

/// The "did you mean" tail of an unknown-key message.
pub fn suggestion(unknown: &str, known: &[&str]) -> String {
    match closest(unknown, known.iter().copied()) {
        Some(k) => format!(", did you mean `{k}`?"),
        None if known.is_empty() => String::new(),
        None => {
            let mut unique: Vec<&str> = Vec::new();
            for k in known {
                if !unique.contains(k) {
                    unique.push(k);
                }
            }
            format!("; expected one of: {}", unique.join(", "))
        }
    }
}

/// An item of a list that may hold texts or tables.
pub enum ListItem<'a, 'i> {
    Text(Text),
    Table(Table<'a, 'i>),
}

/// One TOML table being read.
pub struct Table<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    /// How messages name it (shared by the items of one list).
    name: std::rc::Rc<str>,
    asked: Vec<&'static str>,
    is_map: bool,
}

impl<'a, 'i> Table<'a, 'i> {
    /// The document's top-level table.
    pub fn root(doc: &'a Spanned<DeTable<'i>>) -> Self {
        Self::new(doc.get_ref(), 0..0, "the top level")
    }

    fn new(table: &'a DeTable<'i>, span: Range<usize>, name: impl Into<std::rc::Rc<str>>) -> Self {
        Self {
            table,
            span,
            name: name.into(),
            asked: Vec::new(),
            is_map: false,
        }
    }

    /// How messages name this table, e.g. `[numbing]`.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        if !self.asked.contains(&key) {
            self.asked.push(key);
        }
        self.table.get(key)
    }

    /// Whether the key is present (and marks it as known).
    pub fn has(&mut self, key: &'static str) -> bool {
        self.get(key).is_some()
    }

    fn missing(&self, d: &mut Diagnostics, key: &str, what: &str) {
        d.error(
            self.span.clone(),
            format!("missing key `{key}` in {}: expected {what}", self.name),
        );
    }

    fn wrong_type(&self, d: &mut Diagnostics, key: &str, value: &Spanned<DeValue<'_>>, what: &str) {
        d.error(
            value.span(),
            format!(
                "`{key}` in {} must be {what}, found {}",
                self.name,
                describe_value(value.get_ref())
            ),
        );
    }

    /// A required text.
    pub fn text(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<Text> {
        let text = self.opt_text(d, key);
        if self.table.get(key).is_none() {
            self.missing(d, key, "a text");
        }
        text
    }

    /// An optional text.
    pub fn opt_text(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<Text> {
        let value = self.get(key)?;
        read_text(d, key, &self.name, value)
    }

    /// A required id: lowercase letters, digits and hyphens.
    pub fn id(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<Text> {
        let text = self.text(d, key)?;
        self.checked_id(d, key, text)
    }

    /// An optional id.
    pub fn opt_id(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<Text> {
        let text = self.opt_text(d, key)?;
        self.checked_id(d, key, text)
    }

    fn checked_id(&self, d: &mut Diagnostics, key: &str, text: Text) -> Option<Text> {
        if !is_id(&text) {
            d.error(
                text.span.clone(),
                format!(
                    "`{key}` in {} must use only lowercase letters, digits and hyphens (like `sweaty-exercise`), found `{}`",
                    self.name, text.value
                ),
            );
            return None;
        }
        Some(text)
    }

    /// A required whole number within `range`.
    pub fn int(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        range: RangeInclusive<i64>,
    ) -> Option<Spanned<i64>> {
        let n = self.opt_int(d, key, range);
        if self.table.get(key).is_none() {
            self.missing(d, key, "a whole number");
        }
        n
    }

    /// An optional whole number within `range`.
    pub fn opt_int(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        range: RangeInclusive<i64>,
    ) -> Option<Spanned<i64>> {
        let value = self.get(key)?;
        read_int(d, key, &self.name, value, &range)
    }

    /// An optional `true` or `false`.
    pub fn opt_bool(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(d, key, value, "true or false");
                None
            }
        }
    }

    /// A required date (a TOML date such as `2026-11-20`, or the same in a string).
    pub fn date(&mut self, d: &mut Diagnostics, key: &'static str) -> Option<jiff::civil::Date> {
        let Some(value) = self.get(key) else {
            self.missing(d, key, "a date like 2026-11-20");
            return None;
        };
        let raw = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            DeValue::String(s) => s.to_string(),
            _ => {
                self.wrong_type(d, key, value, "a date like 2026-11-20");
                return None;
            }
        };
        match crate::dates::parse_date(&raw) {
            Ok(date) => Some(date),
            Err(e) => {
                d.error(value.span(), format!("`{key}` in {}: {e}", self.name));
                None
            }
        }
    }

    /// A list of texts. `required` reports a missing or empty list.
    pub fn text_list(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        required: bool,
    ) -> Vec<Text> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(d, key, "a list of texts");
            }
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(d, key, value, "a list of texts, like [\"...\", \"...\"]");
            return Vec::new();
        };
        if required && items.is_empty() {
            d.error(
                value.span(),
                format!("`{key}` in {} must have at least one line", self.name),
            );
        }
        items
            .iter()
            .filter_map(|item| read_text(d, key, &self.name, item))
            .collect()
    }

    /// A list whose items are texts or tables (`["...", { id = "x", text = "..." }]`).
    /// `required` reports a missing or empty list.
    pub fn items(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        required: bool,
    ) -> Vec<ListItem<'a, 'i>> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(d, key, "a list of texts");
            }
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(d, key, value, "a list of texts, like [\"...\", \"...\"]");
            return Vec::new();
        };
        if required && items.is_empty() {
            d.error(
                value.span(),
                format!("`{key}` in {} must have at least one line", self.name),
            );
        }
        let name: std::rc::Rc<str> = format!("a line of `{key}` in {}", self.name).into();
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => {
                    Some(ListItem::Table(Table::new(t, item.span(), name.clone())))
                }
                _ => read_text(d, key, &self.name, item).map(ListItem::Text),
            })
            .collect()
    }

    /// A required list of whole numbers, each within `range`, with `len` items.
    pub fn int_list(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        range: RangeInclusive<i64>,
        len: RangeInclusive<usize>,
    ) -> Option<Spanned<Vec<i64>>> {
        let Some(value) = self.get(key) else {
            self.missing(d, key, "a list of whole numbers");
            return None;
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(d, key, value, "a list of whole numbers, like [30, 60]");
            return None;
        };
        if !len.contains(&items.len()) {
            d.error(
                value.span(),
                format!(
                    "`{key}` in {} must have {} to {} numbers, found {}",
                    self.name,
                    len.start(),
                    len.end(),
                    items.len()
                ),
            );
            return None;
        }
        let numbers: Vec<i64> = items
            .iter()
            .filter_map(|item| read_int(d, key, &self.name, item, &range).map(|n| *n.get_ref()))
            .collect();
        (numbers.len() == items.len()).then(|| Spanned::new(value.span(), numbers))
    }

    /// A required sub-table.
    pub fn table(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        name: &str,
    ) -> Option<Table<'a, 'i>> {
        let t = self.opt_table(d, key, name);
        if self.table.get(key).is_none() {
            self.missing(d, key, &format!("a table {name}"));
        }
        t
    }

    /// An optional sub-table.
    pub fn opt_table(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        name: &str,
    ) -> Option<Table<'a, 'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some(Table::new(t, value.span(), name)),
            _ => {
                self.wrong_type(d, key, value, &format!("a table {name}"));
                None
            }
        }
    }

    /// An array of tables (`[[key]]`); missing means empty unless `required`.
    pub fn tables(
        &mut self,
        d: &mut Diagnostics,
        key: &'static str,
        name: &str,
        required: bool,
    ) -> Vec<Table<'a, 'i>> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(d, key, &format!("one or more {name} tables"));
            }
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(d, key, value, &format!("a list of {name} tables"));
            return Vec::new();
        };
        if required && items.is_empty() {
            d.error(
                value.span(),
                format!("{} needs at least one {name}", self.name),
            );
        }
        let shared: std::rc::Rc<str> = name.into();
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(Table::new(t, item.span(), shared.clone())),
                other => {
                    d.error(
                        item.span(),
                        format!(
                            "each `{key}` must be a table {name}, found {}",
                            describe_value(other)
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// Reads this table as a map with author-chosen keys (such as category
    /// ids): every entry must be a table. Unknown-key checks are the caller's.
    pub fn entries(
        &mut self,
        d: &mut Diagnostics,
        name: impl Fn(&str) -> String,
    ) -> Vec<(Text, Table<'a, 'i>)> {
        self.is_map = true;
        let mut out = Vec::new();
        for (key, value) in self.table.iter() {
            let key_text = Text::new(&key.get_ref()[..], key.span());
            match value.get_ref() {
                DeValue::Table(t) => {
                    out.push((key_text, Table::new(t, value.span(), name(key.get_ref()))))
                }
                other => d.error(
                    value.span(),
                    format!(
                        "`{}` in {} must be a table, found {}",
                        key.get_ref(),
                        self.name,
                        describe_value(other)
                    ),
                ),
            }
        }
        out
    }

    /// Reports every key that was not asked for as unknown, suggesting the
    /// closest known key.
    pub fn finish(self, d: &mut Diagnostics) {
        if self.is_map {
            return;
        }
        for (key, _) in self.table.iter() {
            let k: &str = key.get_ref();
            if !self.asked.contains(&k) {
                d.error(
                    key.span(),
                    format!(
                        "unknown key `{k}` in {}{}",
                        self.name,
                        suggestion(k, &self.asked)
                    ),
                );
            }
        }
    }
}

fn read_text(
    d: &mut Diagnostics,
    key: &str,
    table: &str,
    value: &Spanned<DeValue<'_>>,
) -> Option<Text> {
    let DeValue::String(s) = value.get_ref() else {
        d.error(
            value.span(),
            format!(
                "`{key}` in {table} must be a text in quotes, found {}",
                describe_value(value.get_ref())
            ),
        );
        return None;
    };
    if let Some((index, c)) = first_unsafe_char(s) {
        d.error(
            value.span(),
            format!(
                "`{key}` in {table} contains {} at character {}: guide text must be plain text, with no control or invisible characters",
                describe_char(c),
                index + 1
            ),
        );
        return None;
    }
    if s.trim().is_empty() {
        d.error(value.span(), format!("`{key}` in {table} is empty"));
        return None;
    }
    let mut text = Text::new(s.trim(), value.span());
    if text.value.contains(['{', '}']) {
        // It may refer to values the guide holds; they are filled in later.
        text.template = Some(text.value.to_string());
    }
    Some(text)
}

fn read_int(
    d: &mut Diagnostics,
    key: &str,
    table: &str,
    value: &Spanned<DeValue<'_>>,
    range: &RangeInclusive<i64>,
) -> Option<Spanned<i64>> {
    let DeValue::Integer(i) = value.get_ref() else {
        d.error(
            value.span(),
            format!(
                "`{key}` in {table} must be a whole number, found {}",
                describe_value(value.get_ref())
            ),
        );
        return None;
    };
    let parsed = i64::from_str_radix(i.as_str(), i.radix())
        .ok()
        .filter(|n| range.contains(n));
    if parsed.is_none() {
        d.error(
            value.span(),
            format!(
                "`{key}` in {table} must be a whole number from {} to {}, found {}",
                range.start(),
                range.end(),
                i.as_str()
            ),
        );
    }
    parsed.map(|n| Spanned::new(value.span(), n))
}

/// Ids are lowercase ASCII letters, digits and hyphens, starting with a letter or digit.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_but_not_strangers() {
        let known = ["sun_avoidance", "minutes", "steps"];
        assert_eq!(closest("sun_avodance", known), Some("sun_avoidance"));
        assert_eq!(closest("minuts", known), Some("minutes"));
        assert_eq!(closest("Steps", known), Some("steps"));
        assert_eq!(closest("colour", known), None);
    }

    #[test]
    fn ids() {
        assert!(is_id("sweaty-exercise"));
        assert!(is_id("prp2"));
        assert!(!is_id("Sweaty"));
        assert!(!is_id("-x"));
        assert!(!is_id("a_b"));
        assert!(!is_id(""));
    }
}

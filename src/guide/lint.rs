//! Plain-language checks that warn rather than fail: terms a patient may not
//! know must be in the glossary.

use std::collections::HashSet;

use super::diagnostic::Diagnostics;
use super::model::*;
use super::readability::{self, Measure, words};
use super::sections::patient_sections;

/// The jargon list for a language: (terms, all-capitals words that are not terms).
fn jargon(language: &str) -> (HashSet<String>, HashSet<String>) {
    let list = match language.split('-').next().unwrap_or("") {
        "en" => include_str!("jargon/en.txt"),
        "es" => include_str!("jargon/es.txt"),
        _ => "",
    };
    let mut terms = HashSet::new();
    let mut not_terms = HashSet::new();
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_prefix('!') {
            Some(word) => not_terms.insert(word.to_string()),
            None => terms.insert(line.to_lowercase()),
        };
    }
    (terms, not_terms)
}

/// An all-capitals word of two or more letters, such as SPF or PRP.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().next().is_some_and(char::is_alphabetic)
}

/// The word and the singular forms it might have (retinoids → retinoid).
fn singulars(word: &str) -> impl Iterator<Item = &str> {
    [
        Some(word),
        word.strip_suffix("es"),
        word.strip_suffix('s'),
        word.strip_suffix("'s"),
    ]
    .into_iter()
    .flatten()
}

/// Warns about each term used in patient text without a glossary entry
/// (once per term, at its first use).
pub fn glossary_use(g: &Guide, d: &mut Diagnostics) {
    let (jargon, not_terms) = jargon(&g.language);
    let defined: HashSet<String> = g
        .glossary
        .iter()
        .chain(g.addons.iter().flat_map(|a| &a.glossary))
        .flat_map(|e| e.spellings())
        .flat_map(|s| words(s).map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let mut reported = HashSet::new();
    for section in patient_sections(g) {
        for text in &section.texts {
            for word in words(text) {
                let acronym = is_acronym(word) && !not_terms.contains(word);
                // No jargon word is shorter than four letters.
                if !acronym && word.len() < 4 {
                    continue;
                }
                let lower: std::borrow::Cow<str> = if word.bytes().all(|b| b.is_ascii_lowercase()) {
                    std::borrow::Cow::Borrowed(word)
                } else {
                    std::borrow::Cow::Owned(word.to_lowercase())
                };
                let is_term = acronym || singulars(&lower).any(|s| jargon.contains(s));
                if !is_term || singulars(&lower).any(|s| defined.contains(s)) {
                    continue;
                }
                if reported.insert(lower.into_owned()) {
                    d.warning(
                        text.span.clone(),
                        format!(
                            "`{word}` ({}) is a term a patient may not know, and the [[glossary]] does not define it",
                            section.name
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_acronyms() {
        let w: Vec<&str> = words("Don't use SPF 30+ (retinoids), ok?").collect();
        assert_eq!(w, ["Don't", "use", "SPF", "30", "retinoids", "ok"]);
        assert!(is_acronym("SPF"));
        assert!(is_acronym("NSAID"));
        assert!(!is_acronym("I"));
        assert!(!is_acronym("Sun"));
        assert!(!is_acronym("30"));
    }
}

/// Sentences longer than this are hard to follow.
pub const MAX_SENTENCE_WORDS: usize = 25;

/// Plain-language checks on every patient text: long sentences, and
/// percentages or fractions (people read "about half" more easily than
/// "50%"; numbers should not need arithmetic).
pub fn plain_language(g: &Guide, d: &mut Diagnostics) {
    for section in patient_sections(g) {
        for text in &section.texts {
            for sentence in readability::sentences(text) {
                let n = words(sentence)
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count();
                if n > MAX_SENTENCE_WORDS {
                    d.warning(
                        text.span.clone(),
                        format!(
                            "a sentence of {n} words in {}: keep sentences to {MAX_SENTENCE_WORDS} words or fewer",
                            section.name
                        ),
                    );
                }
            }
            if let Some(what) = percent_or_fraction(text) {
                d.warning(
                    text.span.clone(),
                    format!(
                        "{what} in {}: patient text should give numbers people need no arithmetic for \
                         (\"most people\", \"about half\", \"Day 3\")",
                        section.name
                    ),
                );
            }
        }
    }
}

/// Describes the first percentage or fraction in a text, if any.
fn percent_or_fraction(text: &str) -> Option<String> {
    if text.contains('%') {
        return Some("a percentage (`%`)".into());
    }
    // The word's tail in either case is enough ("Percent", "PERCENT").
    for (word, tails) in [
        ("percent", ["ercent", "ERCENT"]),
        ("per cent", ["er cent", "ER CENT"]),
        ("por ciento", ["or ciento", "OR CIENTO"]),
    ] {
        if tails.iter().any(|t| text.contains(t)) {
            return Some(format!("a percentage (`{word}`)"));
        }
    }
    if let Some(c) = text
        .chars()
        .find(|c| matches!(c, '½' | '⅓' | '⅔' | '¼' | '¾' | '⅕' | '⅛'))
    {
        return Some(format!("a fraction (`{c}`)"));
    }
    if !text.contains(['/', '⁄']) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    for i in 1..chars.len().saturating_sub(1) {
        if (chars[i] == '/' || chars[i] == '⁄')
            && chars[i - 1].is_ascii_digit()
            && chars[i + 1].is_ascii_digit()
        {
            let start = (0..i)
                .rev()
                .take_while(|&j| chars[j].is_ascii_digit())
                .last()
                .unwrap_or(i - 1);
            let end = (i + 1..chars.len())
                .take_while(|&j| chars[j].is_ascii_digit())
                .last()
                .unwrap_or(i + 1);
            return Some(format!(
                "a fraction (`{}`)",
                chars[start..=end].iter().collect::<String>()
            ));
        }
    }
    None
}

/// One section's reading score.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionScore {
    pub name: String,
    pub score: f64,
    /// The second measure, in words: "SMOG 7.2", "INFLESZ bastante fácil (72.0)".
    pub companion: String,
    pub span: std::ops::Range<usize>,
}

/// The reading levels of a guide, by section.
#[derive(Clone, Debug)]
pub struct Levels {
    pub measure: Measure,
    pub sections: Vec<SectionScore>,
    /// The mean of the sections' scores.
    pub average: f64,
    /// The second measure over the whole guide.
    pub companion: String,
}

/// The reading score of every patient section, with a warning for each
/// section above the limit and each sentence above the sentence limit
/// (at its line and column). `None` when careguide has no measure for
/// the language. `g` has its references filled in; `source` is its file.
pub fn readability(g: &Guide, source: &str, d: &mut Diagnostics) -> Option<Levels> {
    let measure = Measure::for_language(&g.language)?;
    let mut sections = Vec::new();
    let mut total = readability::Counts::default();
    let mut sum = 0.0;
    for section in patient_sections(g) {
        let lines: Vec<&str> = section.texts.iter().map(|t| t.as_str()).collect();
        let counts = measure.count(&lines);
        total += counts;
        let score = measure.score(counts);
        sum += score;
        let span = section.texts.first().map_or(0..0, |t| t.span.clone());
        if measure.too_hard(score) {
            d.warning(
                span.clone(),
                format!(
                    "section `{}` is hard to read: {} {score:.1}; patient text should be {}",
                    section.name,
                    measure.name(),
                    measure.limit()
                ),
            );
        }
        for text in &section.texts {
            for sentence in readability::sentences(text) {
                let c = measure.count_sentence(sentence);
                if measure.sentence_too_hard(c) {
                    let at = sentence.as_ptr() as usize - text.value.as_ptr() as usize;
                    let at = at + (sentence.len() - sentence.trim_start().len());
                    // A filled-in text's words are not where the file has them.
                    let offset = if text.template.is_some() {
                        text.span.start..text.span.start
                    } else {
                        super::diagnostic::text_offset(source, text, at)
                    };
                    d.warning(
                        offset,
                        format!(
                            "a hard sentence in {} ({} words, {} {:.1}; a sentence should be {}): \"{}\"",
                            section.name,
                            c.words,
                            measure.name(),
                            measure.score(c),
                            measure.sentence_limit(),
                            sentence.trim()
                        ),
                    );
                }
            }
        }
        sections.push(SectionScore {
            name: section.name,
            score,
            companion: measure.companion(counts),
            span,
        });
    }
    let average = if sections.is_empty() {
        0.0
    } else {
        sum / sections.len() as f64
    };
    Some(Levels {
        measure,
        sections,
        average,
        companion: measure.companion(total),
    })
}

/// Words that start a line telling the patient what not to do.
fn says_do_not(language: &str, text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let starts: &[&str] = match language.split('-').next().unwrap_or("") {
        "en" => &[
            "do not ", "don't ", "don’t ", "never ", "no ", "avoid ", "stop ",
        ],
        "es" => &["no ", "nunca ", "evite ", "deje de "],
        _ => &[],
    };
    starts.iter().any(|s| lower.starts_with(s))
}

/// A `do` line that says what not to do reads "Do: Do not ..."; it belongs
/// under `avoid`, which is labelled "Avoid".
pub fn care_labels(g: &Guide, d: &mut Diagnostics) {
    if g.format_version < 2 {
        return;
    }
    let mut warn = |text: &Text| {
        if says_do_not(&g.language, text) {
            d.warning(
                text.span.clone(),
                format!(
                    "this `do` line says what not to do, so it would read \"Do: {}\"; move it to `avoid`",
                    text.value.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
                ),
            );
        }
    };
    for e in &g.aftercare {
        for c in &e.care {
            for l in c.lines.iter().filter(|l| l.kind == CareKind::Do) {
                warn(&l.text);
            }
        }
    }
    // Add-ons' care lines, their visits' included.
    for a in &g.addons {
        for e in a
            .aftercare
            .iter()
            .chain(a.visit.iter().flat_map(|v| &v.aftercare))
        {
            for c in &e.care {
                for (_, l) in c.lines.iter().filter(|(k, _)| *k == CareKind::Do) {
                    if let Some(t) = &l.text {
                        warn(t);
                    }
                }
            }
        }
    }
}

pub use super::stated::stated_values;

#[cfg(test)]
mod plain_tests {
    use super::percent_or_fraction;

    #[test]
    fn finds_percentages_and_fractions() {
        assert_eq!(
            percent_or_fraction("Most people, 80% of them"),
            Some("a percentage (`%`)".into())
        );
        assert_eq!(
            percent_or_fraction("Wait 1/2 an hour"),
            Some("a fraction (`1/2`)".into())
        );
        assert_eq!(
            percent_or_fraction("Use ½ a pump"),
            Some("a fraction (`½`)".into())
        );
        assert_eq!(
            percent_or_fraction("el 50 por ciento"),
            Some("a percentage (`por ciento`)".into())
        );
        assert_eq!(
            percent_or_fraction("SPF 30 on Day 3, 24/7 care"),
            Some("a fraction (`24/7`)".into())
        );
        assert_eq!(percent_or_fraction("Use SPF 30 or higher."), None);
        assert_eq!(percent_or_fraction("and/or"), None);
    }
}

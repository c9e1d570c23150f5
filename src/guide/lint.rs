//! Plain-language checks that warn rather than fail: terms a patient may not
//! know must be in the glossary.

use std::collections::HashSet;

use super::diagnostic::Diagnostics;
use super::model::*;
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

/// The words of a text: runs of letters and digits (apostrophes inside words
/// are kept, so "don't" is one word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
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
                let lower = word.to_lowercase();
                let is_term = (is_acronym(word) && !not_terms.contains(word))
                    || singulars(&lower).any(|s| jargon.contains(s));
                if !is_term || singulars(&lower).any(|s| defined.contains(s)) {
                    continue;
                }
                if reported.insert(lower) {
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

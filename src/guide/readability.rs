//! Reading-level measures for patient text: Flesch-Kincaid grade and SMOG
//! for English, Fernández-Huerta readability and the INFLESZ scale
//! (Szigriszt-Pazos) for Spanish. All count sentences, words and
//! syllables; the syllable counters are heuristics, tested against
//! dictionary counts below.

/// The words of a text: runs of letters and digits (apostrophes inside words
/// are kept, so "don't" is one word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// A sentence of at least this many words is held to [`Measure::sentence_too_hard`]
/// (the formulas mean little for shorter ones).
pub const SENTENCE_MIN_WORDS: usize = 8;

/// Counts of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// Words of three or more syllables (for SMOG).
    pub polysyllables: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Self) {
        self.sentences += o.sentences;
        self.words += o.words;
        self.syllables += o.syllables;
        self.polysyllables += o.polysyllables;
    }
}

/// A language's measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Flesch-Kincaid grade level (English): lower is easier.
    FleschKincaid,
    /// Fernández-Huerta readability (Spanish), 0 to 100: higher is easier.
    FernandezHuerta,
}

impl Measure {
    /// The measure for a language, if careguide has one.
    pub fn for_language(code: &str) -> Option<Self> {
        match code.split('-').next().unwrap_or("") {
            "en" => Some(Measure::FleschKincaid),
            "es" => Some(Measure::FernandezHuerta),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::FleschKincaid => "Flesch-Kincaid grade",
            Measure::FernandezHuerta => "Fernández-Huerta",
        }
    }

    /// The score of a text's counts.
    pub fn score(self, c: Counts) -> f64 {
        if c.words == 0 || c.sentences == 0 {
            return match self {
                Measure::FleschKincaid => 0.0,
                Measure::FernandezHuerta => 100.0,
            };
        }
        let words = c.words as f64;
        match self {
            // Very short texts can come out below zero; no grade is lower than 0.
            Measure::FleschKincaid => {
                (0.39 * (words / c.sentences as f64) + 11.8 * (c.syllables as f64 / words) - 15.59)
                    .max(0.0)
            }
            Measure::FernandezHuerta => {
                206.84
                    - 0.60 * (100.0 * c.syllables as f64 / words)
                    - 1.02 * (100.0 * c.sentences as f64 / words)
            }
        }
    }

    /// Whether a score is above an 8th-grade reading level. Fernández-Huerta
    /// 60 to 70 is "normal" (about grades 7 to 8); below 60 is harder.
    pub fn too_hard(self, score: f64) -> bool {
        match self {
            Measure::FleschKincaid => score > 8.0,
            Measure::FernandezHuerta => score < 60.0,
        }
    }

    /// The limit, in words, for messages.
    pub fn limit(self) -> &'static str {
        match self {
            Measure::FleschKincaid => "grade 8 or below",
            Measure::FernandezHuerta => "60 or above (about grade 8 or below)",
        }
    }

    /// Syllables in one word.
    pub fn syllables(self, word: &str) -> usize {
        match self {
            Measure::FleschKincaid => english_syllables(word),
            Measure::FernandezHuerta => spanish_syllables(word),
        }
    }

    /// Counts a text (one entry per line; a line without final punctuation
    /// still ends a sentence, as list items do).
    pub fn count(self, lines: &[&str]) -> Counts {
        let mut c = Counts::default();
        for line in lines {
            for sentence in sentences(line) {
                c += self.count_sentence(sentence);
            }
        }
        c
    }

    /// Counts one sentence (no sentence when it has no words).
    pub fn count_sentence(self, sentence: &str) -> Counts {
        let mut c = Counts::default();
        for w in words(sentence).filter(|w| w.chars().any(char::is_alphabetic)) {
            let n = self.syllables(w);
            c.words += 1;
            c.syllables += n;
            c.polysyllables += usize::from(n >= 3);
        }
        c.sentences = usize::from(c.words > 0);
        c
    }

    /// Whether one sentence is too hard on its own: a long sentence
    /// ([`SENTENCE_MIN_WORDS`] words or more) above Flesch-Kincaid grade 12
    /// (past high school), or below Fernández-Huerta 30 ("muy difícil",
    /// the university band of its scale: the same level).
    pub fn sentence_too_hard(self, c: Counts) -> bool {
        c.words >= SENTENCE_MIN_WORDS
            && match self {
                Measure::FleschKincaid => self.score(c) > 12.0,
                Measure::FernandezHuerta => self.score(c) < 30.0,
            }
    }

    /// The sentence limit, in words, for messages.
    pub fn sentence_limit(self) -> &'static str {
        match self {
            Measure::FleschKincaid => "grade 12 or below",
            Measure::FernandezHuerta => "30 or above",
        }
    }

    /// The second measure printed beside this one: SMOG grade for English
    /// (what health-literacy guidance recommends for patient materials),
    /// the INFLESZ band of the Szigriszt-Pazos score for Spanish.
    pub fn companion(self, c: Counts) -> String {
        match self {
            Measure::FleschKincaid => format!("SMOG {:.1}", smog(c)),
            Measure::FernandezHuerta => {
                let p = szigriszt_pazos(c);
                format!("INFLESZ {} ({p:.1})", inflesz_band(p))
            }
        }
    }
}

/// SMOG grade (McLaughlin 1969): 1.043 × √(polysyllables × 30 / sentences) + 3.1291.
pub fn smog(c: Counts) -> f64 {
    if c.sentences == 0 {
        return 0.0;
    }
    1.043 * (c.polysyllables as f64 * 30.0 / c.sentences as f64).sqrt() + 3.1291
}

/// Szigriszt-Pazos perspicuity: 206.835 − 62.3 × syllables/words − words/sentences.
pub fn szigriszt_pazos(c: Counts) -> f64 {
    if c.words == 0 || c.sentences == 0 {
        return 100.0;
    }
    206.835 - 62.3 * (c.syllables as f64 / c.words as f64) - (c.words as f64 / c.sentences as f64)
}

/// The INFLESZ band of a Szigriszt-Pazos score (Barrio-Cantalejo et al., 2008).
pub fn inflesz_band(p: f64) -> &'static str {
    match p {
        p if p < 40.0 => "muy difícil",
        p if p < 55.0 => "algo difícil",
        p if p < 65.0 => "normal",
        p if p <= 80.0 => "bastante fácil",
        _ => "muy fácil",
    }
}

/// Splits a line into sentences at `.`, `!`, `?` (and `;`, `:` ending a clause
/// in a list) followed by a space or the end. Decimals such as "2.5" stay whole.
pub fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        if matches!(c, '.' | '!' | '?' | ';') {
            let next = bytes.get(i + 1).copied();
            if next.is_none() || next == Some(b' ') {
                out.push(&line[start..=i]);
                start = i + 1;
            }
        }
    }
    if line[start..].trim().chars().any(char::is_alphanumeric) {
        out.push(&line[start..]);
    }
    out
}

fn is_vowel_en(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// English syllables by vowel groups, with the common corrections (silent
/// final e, "-le", "-ed", "-es").
pub fn english_syllables(word: &str) -> usize {
    let w: String = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let chars: Vec<char> = w.chars().collect();
    let mut count = 0;
    let mut prev_vowel = false;
    for (i, &c) in chars.iter().enumerate() {
        let vowel = is_vowel_en(c) && !(c == 'y' && i == 0);
        if vowel && !prev_vowel {
            count += 1;
        }
        prev_vowel = vowel;
    }
    let n = chars.len();
    let ends = |s: &str| w.ends_with(s);
    // Silent final e ("make"), but not "-le" after a consonant ("simple").
    let silent_e = (ends("e") && !ends("le") && !ends("ee") && !ends("ye"))
        || (ends("le") && n > 2 && is_vowel_en(chars[n - 3]));
    if silent_e && count > 1 {
        count -= 1;
    }
    // "-ed" and "-es" are silent unless after t/d ("started") or s/x/z/ch/sh/ge/ce ("boxes").
    if ends("ed")
        && n > 3
        && !matches!(chars[n - 3], 't' | 'd')
        && !is_vowel_en(chars[n - 3])
        && count > 1
    {
        count -= 1;
    }
    if ends("es")
        && n > 3
        && !matches!(chars[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h')
        && !is_vowel_en(chars[n - 3])
        && count > 1
    {
        count -= 1;
    }
    // "-ely" after a consonant: the e is silent ("lately", "immediately").
    if ends("ely") && n > 4 && !is_vowel_en(chars[n - 4]) && count > 2 {
        count -= 1;
    }
    // Vowel pairs said as two syllables: "medial", "radio", "actual",
    // "medium", but not "social", "nation", "quality", "language".
    for i in 1..n.saturating_sub(1) {
        let (a, b, before) = (chars[i], chars[i + 1], chars[i - 1]);
        let split = match (a, b) {
            ('i', 'a') | ('i', 'o') | ('i', 'u') => !matches!(before, 'c' | 't' | 's' | 'g' | 'x'),
            ('u', 'a') | ('u', 'o') => !matches!(before, 'q' | 'g'),
            _ => false,
        };
        if split {
            count += 1;
        }
    }
    count.max(1)
}

/// Spanish syllables: one per vowel nucleus. Strong vowels (a, e, o and
/// accented í, ú) stand apart; weak i, u (and ü) join a neighbour into a
/// diphthong; "qu" and "gu" before e or i have a silent u; final y is a vowel.
pub fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú');
    let weak = |c: char| matches!(c, 'i' | 'u' | 'ü');
    let mut count = 0;
    let mut prev: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1)
                .is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'í'));
        let final_y = c == 'y' && i + 1 == w.len() && i > 0;
        let is_vowel = (strong(c) || weak(c) || final_y) && !silent_u;
        if !is_vowel {
            prev = None;
            continue;
        }
        match prev {
            // Two strong vowels are a hiatus: a new syllable.
            Some(p) if strong(p) && strong(c) => count += 1,
            // A weak vowel next to another vowel joins it (a diphthong).
            Some(_) => {}
            None => count += 1,
        }
        prev = Some(c);
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dictionary syllable counts (Merriam-Webster).
    #[test]
    fn english_syllables_match_the_dictionary() {
        let known = [
            ("the", 1),
            ("skin", 1),
            ("make", 1),
            ("water", 2),
            ("simple", 2),
            ("table", 2),
            ("started", 2),
            ("washed", 1),
            ("boxes", 2),
            ("makes", 1),
            ("redness", 2),
            ("sunscreen", 2),
            ("exercise", 3),
            ("treatment", 2),
            ("provider", 3),
            ("collagen", 3),
            ("anesthetic", 4),
            ("moisturizer", 4),
            ("every", 3),
            ("infection", 3),
            ("medicine", 3),
            ("clinic", 2),
            ("area", 3),
            ("video", 3),
            ("radio", 3),
            ("ideas", 3),
            ("swelling", 2),
            ("immediately", 5),
            ("lately", 2),
            ("medium", 3),
            ("actual", 3),
            ("social", 2),
            ("nation", 2),
            ("quality", 3),
            ("yes", 1),
        ];
        let mut wrong = Vec::new();
        for (word, n) in known {
            if english_syllables(word) != n {
                wrong.push((word, english_syllables(word), n));
            }
        }
        // A heuristic: at most a few misses in this list.
        assert!(wrong.len() <= 3, "{wrong:?}");
    }

    #[test]
    fn spanish_syllables_match_the_rules() {
        let known = [
            ("piel", 1),
            ("sol", 1),
            ("agua", 2),
            ("día", 2),
            ("cuidado", 3),
            ("tratamiento", 4),
            ("crema", 2),
            ("que", 1),
            ("guía", 2),
            ("aceite", 3),
            ("leer", 2),
            ("poeta", 3),
            ("hoy", 1),
            ("después", 2),
            ("clínica", 3),
            ("anestesia", 4),
            ("rojez", 2),
            ("protector", 3),
            ("maquillaje", 4),
            ("microagujas", 5),
        ];
        for (word, n) in known {
            assert_eq!(spanish_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_split_at_ends_but_not_decimals() {
        assert_eq!(
            sentences("Wash. Rinse! Dry? Then rest"),
            ["Wash.", " Rinse!", " Dry?", " Then rest"]
        );
        assert_eq!(
            sentences("Use SPF 30. Reapply every 2.5 hours."),
            ["Use SPF 30.", " Reapply every 2.5 hours."]
        );
    }

    #[test]
    fn flesch_kincaid_of_known_texts() {
        let fk = Measure::FleschKincaid;
        // Short words, short sentences: an early grade.
        let easy = fk.score(fk.count(&["The cat sat on the mat.", "It is red."]));
        assert!(easy < 2.0, "{easy}");
        // Long words in a long sentence: university level.
        let hard = fk.score(fk.count(&[
            "Postinflammatory hyperpigmentation constitutes a frequently encountered complication \
             following microneedling procedures, particularly among individuals demonstrating \
             constitutionally elevated melanocytic responsiveness.",
        ]));
        assert!(hard > 16.0, "{hard}");
        assert!(fk.too_hard(hard) && !fk.too_hard(easy));
        // The formula itself: 100 words, 5 sentences, 150 syllables.
        let c = Counts {
            sentences: 5,
            words: 100,
            syllables: 150,
            polysyllables: 0,
        };
        assert!((fk.score(c) - (0.39 * 20.0 + 11.8 * 1.5 - 15.59)).abs() < 1e-9);
        assert_eq!(fk.score(fk.count(&["Go."])), 0.0, "never below grade 0");
    }

    #[test]
    fn fernandez_huerta_of_known_texts() {
        let fh = Measure::FernandezHuerta;
        // 6 words, 2 sentences, 9 syllables: 206.84 - 0.6 * 150 - 1.02 * 33.3 = 82.8.
        let easy = fh.score(fh.count(&["Use agua.", "No tome sol hoy."]));
        assert!((easy - 82.84).abs() < 0.01, "{easy}");
        let hard = fh.score(fh.count(&[
            "La hiperpigmentación postinflamatoria constituye una complicación frecuentemente \
             observada tras procedimientos de microagujas, particularmente entre individuos con \
             respuestas melanocíticas constitucionalmente elevadas.",
        ]));
        assert!(hard < 30.0, "{hard}");
        assert!(fh.too_hard(hard) && !fh.too_hard(easy));
    }

    #[test]
    fn smog_and_inflesz() {
        // 30 sentences with 30 polysyllables: 1.043 × √30 + 3.1291 ≈ 8.84.
        let c = Counts {
            sentences: 30,
            words: 300,
            syllables: 400,
            polysyllables: 30,
        };
        assert!((smog(c) - 8.8419).abs() < 0.001, "{}", smog(c));
        assert_eq!(inflesz_band(30.0), "muy difícil");
        assert_eq!(inflesz_band(60.0), "normal");
        assert_eq!(inflesz_band(70.0), "bastante fácil");
        assert_eq!(inflesz_band(85.0), "muy fácil");
        let sp = szigriszt_pazos(Counts {
            sentences: 2,
            words: 10,
            syllables: 20,
            polysyllables: 2,
        });
        assert!((sp - (206.835 - 124.6 - 5.0)).abs() < 1e-9);
    }

    #[test]
    fn one_hard_sentence_is_too_hard_on_its_own() {
        let fk = Measure::FleschKincaid;
        let hard = "Postinflammatory hyperpigmentation constitutes a frequently encountered \
                    complication following microneedling procedures, particularly among individuals.";
        assert!(fk.sentence_too_hard(fk.count_sentence(hard)));
        assert!(!fk.sentence_too_hard(
            fk.count_sentence("Wash your face with cool water and pat it dry.")
        ));
        // Short sentences are not judged: the formulas mean little there.
        assert!(!fk.sentence_too_hard(fk.count_sentence("Ask about isotretinoin.")));
    }
}

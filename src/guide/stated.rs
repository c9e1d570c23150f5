//! Numbers written in prose that the data already holds, and that disagree
//! with it: "no peel until Day 4" beside a limit that ends on Day 3.
//!
//! The rule (documented in guides/FORMAT.md, "Values written once"):
//!
//! 1. A sentence talks about a restriction when it is the restriction's own
//!    label or note, or when it shares a keyword with the label (the label's
//!    words of four letters or more, less common words such as "skin",
//!    "area" or "products").
//! 2. In such a sentence, a day written out is read by the word before it:
//!    - "until / through / hasta (el) Day N": N must be the limit's last day;
//!    - "from / starting / desde / a partir del Day N" and "before / antes del
//!      Day N": N must be its first day or the day after it ends;
//!    - "after / past / después del Day N": N must be its last day;
//!    - any other "Day N": N must be its first day, last day or the day after.
//! 3. "N days (or weeks) before" must be how long before Day 0 the limit
//!    starts; "N days (weeks) after" how long after Day 0 it ends (Day N or
//!    Day N+1).
//! 4. In the numbing section (and any sentence about numbing), a single
//!    "N minutes" must be the numbing minutes; in the procedure section,
//!    "N minutes" or "N to M minutes" must match its duration.
//!
//! A sentence that talks about several restrictions is fine when a day
//! fits any of them. Ranges of days ("Days 4 to 7"), counts that are not
//! before or after ("redness fades in 1 to 3 days") and hours are not
//! checked: they are expectations, not limits. Each warning suggests the
//! reference to write instead, and a base sentence is also checked against
//! each add-on's stricter limits.

use std::collections::HashSet;

use super::diagnostic::{Diagnostics, text_offset};
use super::fill_in::Values;
use super::model::*;
use super::readability::sentences;
use super::references::blanked;
use super::walk::Scope;

/// One word of a sentence, lowercased, with its byte offset.
#[derive(Clone, Debug)]
struct Token {
    word: String,
    start: usize,
    number: Option<i64>,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |out: &mut Vec<Token>, s: usize, e: usize| {
        let word = text[s..e].to_lowercase();
        // "-7" after a space is a negative day.
        let neg = s > 0 && text[..s].ends_with('-') && (s < 2 || text[..s - 1].ends_with(' '));
        let number = word.parse::<i64>().ok().map(|n| if neg { -n } else { n });
        out.push(Token {
            word,
            start: s,
            number,
        });
    };
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '\'' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(&mut out, s, i);
                start = None;
            }
            _ => {}
        }
        // A dash between numbers is a range: keep it as a word.
        if matches!(c, '-' | '–' | '—')
            && out.last().is_some_and(|t| t.number.is_some())
            && start.is_none()
        {
            out.push(Token {
                word: "–".into(),
                start: i,
                number: None,
            });
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// The words of a language this check knows.
struct Words {
    day: &'static [&'static str],
    week: &'static [&'static str],
    minute: &'static [&'static str],
    before: &'static [&'static str],
    after: &'static [&'static str],
    range: &'static [&'static str],
    until: &'static [&'static [&'static str]],
    from: &'static [&'static [&'static str]],
    before_day: &'static [&'static [&'static str]],
    after_day: &'static [&'static [&'static str]],
    numbing: &'static [&'static str],
    common: &'static [&'static str],
    /// Words that give permission ("you may", "is fine"): with them, "from
    /// Day N" says when a limit is over.
    may: &'static [&'static str],
}

const EN: Words = Words {
    day: &["day", "days"],
    week: &["week", "weeks"],
    minute: &["minute", "minutes", "min"],
    before: &["before", "earlier"],
    after: &["after", "later"],
    range: &["to", "–", "and", "or"],
    until: &[
        &["until"],
        &["till"],
        &["through"],
        &["thru"],
        &["up", "to"],
    ],
    from: &[
        &["from"],
        &["starting"],
        &["starting", "on"],
        &["start", "on"],
        &["since"],
        &["beginning"],
        &["as", "of"],
    ],
    before_day: &[&["before"]],
    after_day: &[&["after"], &["past"]],
    numbing: &["numbing", "numb", "anesthetic"],
    common: &[
        "your",
        "with",
        "only",
        "every",
        "other",
        "area",
        "skin",
        "treatment",
        "treatments",
        "product",
        "products",
        "clinic",
        "gives",
        "give",
        "hard",
        "days",
        "until",
        "after",
        "before",
        "higher",
        "from",
        "that",
        "this",
        "have",
        "keep",
        "doing",
        "cream",
        "face",
        "more",
        "than",
        "about",
        "them",
        "they",
        "what",
        "when",
        "where",
        "will",
        "into",
        "next",
        "morning",
        "week",
        "weeks",
        "later",
        "again",
        "first",
        "last",
        "time",
        "wait",
        "then",
        "most",
        "some",
        "also",
        "each",
        "very",
        "well",
        "just",
        "less",
        "once",
        "both",
        "even",
        "still",
        "back",
        "full",
        "light",
        "tell",
        "your",
        "using",
        "every",
    ],
    may: &[
        "may", "can", "fine", "okay", "again", "allowed", "resume", "restart", "back",
    ],
};

const ES: Words = Words {
    day: &["día", "días", "dia", "dias"],
    week: &["semana", "semanas"],
    minute: &["minuto", "minutos", "min"],
    before: &["antes"],
    after: &["después", "despues"],
    range: &["a", "–", "y", "o", "al"],
    until: &[&["hasta", "el"], &["hasta"]],
    from: &[
        &["desde", "el"],
        &["desde"],
        &["a", "partir", "del"],
        &["a", "partir", "de"],
    ],
    before_day: &[&["antes", "del"], &["antes", "de"]],
    after_day: &[&["después", "del"], &["despues", "del"], &["después", "de"]],
    numbing: &[
        "anestésica",
        "anestésico",
        "adormecer",
        "adormece",
        "adormecimiento",
    ],
    common: &[
        "sobre",
        "piel",
        "zona",
        "área",
        "tratamiento",
        "tratamientos",
        "otros",
        "otras",
        "otro",
        "productos",
        "producto",
        "clínica",
        "todos",
        "todas",
        "días",
        "cada",
        "desde",
        "hasta",
        "antes",
        "después",
        "para",
        "como",
        "más",
        "crema",
        "cara",
        "usar",
        "hacer",
        "nada",
        "solo",
        "sólo",
        "mayor",
        "menos",
        "entre",
        "también",
        "este",
        "esta",
        "estos",
        "estas",
        "haga",
        "hace",
        "puede",
        "pueda",
        "siguiente",
        "mañana",
        "semana",
        "semanas",
        "luego",
        "primer",
        "primero",
        "último",
        "tiempo",
        "espere",
        "vuelva",
        "todo",
        "toda",
        "mucho",
        "poco",
        "nuevo",
        "nueva",
        "volver",
        "usted",
        "ningún",
        "ninguna",
        "sudar",
    ],
    may: &[
        "puede",
        "pueden",
        "vuelva",
        "volver",
        "nuevo",
        "retome",
        "reanude",
        "permitido",
    ],
};

fn words_for(language: &str) -> Option<&'static Words> {
    match language.split('-').next().unwrap_or("") {
        "en" => Some(&EN),
        "es" => Some(&ES),
        _ => None,
    }
}

/// The keywords of a restriction's label: words of four letters or more,
/// singular, less the language's common words.
fn keywords(w: &Words, label: &str) -> HashSet<String> {
    tokens(label)
        .into_iter()
        .filter(|t| t.number.is_none() && t.word.chars().count() >= 4)
        .filter(|t| !w.common.contains(&t.word.as_str()))
        .map(|t| singular(&t.word))
        .collect()
}

fn singular(word: &str) -> String {
    word.strip_suffix("es")
        .filter(|s| s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh"))
        .or_else(|| word.strip_suffix('s'))
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(word)
        .to_string()
}

/// How a day is read by the words before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayRole {
    Until,
    From,
    Before,
    After,
    Other,
}

fn role(w: &Words, before: &[Token]) -> (DayRole, usize) {
    let ends_with = |phrase: &[&str]| {
        before.len() >= phrase.len()
            && before[before.len() - phrase.len()..]
                .iter()
                .zip(phrase)
                .all(|(t, p)| t.word == *p)
    };
    for (phrases, role) in [
        (w.until, DayRole::Until),
        (w.from, DayRole::From),
        (w.before_day, DayRole::Before),
        (w.after_day, DayRole::After),
    ] {
        if let Some(p) = phrases.iter().find(|p| ends_with(p)) {
            return (role, p.len());
        }
    }
    (DayRole::Other, 0)
}

/// One number written in a sentence, and what it claims.
#[derive(Clone, Debug)]
enum Claim {
    /// "until Day 4": a plan day, read by its role.
    Day(DayRole, i64),
    /// "7 days before": a limit starts this many days before Day 0.
    DaysBefore(i64),
    /// "2 weeks after": a limit ends this many days after Day 0.
    DaysAfter(i64),
    /// "30 minutes" (single) or "30 to 60 minutes".
    Minutes(i64, Option<i64>),
}

fn claims(w: &Words, sentence: &str) -> Vec<(Claim, usize, usize)> {
    let t = tokens(sentence);
    let mut out = Vec::new();
    let is = |i: usize, set: &[&str]| t.get(i).is_some_and(|x| set.contains(&x.word.as_str()));
    let num = |i: usize| t.get(i).and_then(|x| x.number);
    for i in 0..t.len() {
        // "Day N", not part of "Days N to M".
        if is(i, w.day)
            && let Some(n) = num(i + 1)
        {
            let is_range = is(i + 2, w.range) && num(i + 3).is_some();
            if !is_range {
                let (role, len) = role(w, &t[..i]);
                // Spanish puts the article before "día": "hasta el día 4".
                let start = t[i.saturating_sub(len)].start;
                let end = t[i + 1].start + t[i + 1].word.len();
                out.push((Claim::Day(role, n), start, end));
            }
        }
        // "N days before/after", "N weeks after".
        if let Some(n) = num(i)
            && (is(i + 1, w.day) || is(i + 1, w.week))
            && !(i >= 2 && is(i - 1, w.range) && num(i - 2).is_some())
        {
            let days = if is(i + 1, w.week) { n * 7 } else { n };
            let end = t.get(i + 2).map_or(0, |x| x.start + x.word.len());
            if is(i + 2, w.before) {
                out.push((Claim::DaysBefore(days), t[i].start, end));
            } else if is(i + 2, w.after) {
                out.push((Claim::DaysAfter(days), t[i].start, end));
            }
        }
        // "N minutes", "N to M minutes".
        if let Some(n) = num(i) {
            if is(i + 1, w.minute) && !(i >= 2 && is(i - 1, w.range) && num(i - 2).is_some()) {
                out.push((
                    Claim::Minutes(n, None),
                    t[i].start,
                    t[i + 1].start + t[i + 1].word.len(),
                ));
            } else if is(i + 1, w.range)
                && let Some(m) = num(i + 2)
                && is(i + 3, w.minute)
            {
                out.push((
                    Claim::Minutes(n, Some(m)),
                    t[i].start,
                    t[i + 3].start + t[i + 3].word.len(),
                ));
            }
        }
    }
    out
}

/// Where a text sits, for the minutes rule.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Numbing,
    Procedure,
    Other,
}

/// A text to check: the restrictions it belongs to (label, note), its
/// section, and whose values it is read with.
struct Subject<'g> {
    text: &'g Text,
    own_limit: Option<&'g str>,
    section: Section,
    scope: Scope,
    /// A visit's text counts its days from the visit: (its earliest day,
    /// the visit's own restrictions, the only ones it is checked against).
    visit: Option<(i64, Vec<&'g str>)>,
}

fn subjects(g: &Guide) -> Vec<Subject<'_>> {
    use std::collections::HashMap;
    let key = |t: &Text| t as *const Text;
    let mut section: HashMap<*const Text, Section> = HashMap::new();
    let n = &g.numbing;
    for t in std::iter::once(&n.what)
        .chain(&n.lines.steps)
        .chain(&n.lines.feel)
        .chain(&n.lines.safety)
        .chain(&n.notes.key_points)
    {
        section.insert(key(t), Section::Numbing);
    }
    let p = &g.procedure;
    for t in p
        .lines
        .steps
        .iter()
        .chain(&p.lines.feel)
        .chain(&p.lines.right_after)
        .chain(&p.notes.key_points)
    {
        section.insert(key(t), Section::Procedure);
    }
    let mut own: HashMap<*const Text, &str> = HashMap::new();
    for r in &g.restrictions {
        for t in std::iter::once(&r.label).chain(&r.notes) {
            own.insert(key(t), r.id.as_str());
        }
    }
    for a in &g.addons {
        for r in a
            .restrictions
            .iter()
            .chain(a.visit.iter().flat_map(|v| &v.restrictions))
        {
            for t in r.label.iter().chain(&r.note) {
                own.insert(key(t), r.id.as_str());
            }
        }
    }
    let mut visit_texts: HashMap<*const Text, (i64, Vec<&str>)> = HashMap::new();
    for a in &g.addons {
        let Some(visit) = &a.visit else { continue };
        let ids: Vec<&str> = visit.restrictions.iter().map(|r| r.id.as_str()).collect();
        let mut texts: Vec<&Text> = vec![&visit.name];
        for r in &visit.restrictions {
            texts.extend(r.label.iter().chain(&r.note));
        }
        for e in &visit.aftercare {
            for c in &e.care {
                texts.extend(c.lines.iter().filter_map(|(_, l)| l.text.as_ref()));
            }
        }
        for t in texts {
            visit_texts.insert(key(t), (visit.earliest_day, ids.clone()));
        }
    }
    let mut v = Vec::new();
    super::walk::texts(g, |text, scope| {
        v.push(Subject {
            text,
            own_limit: own.get(&key(text)).copied(),
            section: section.get(&key(text)).copied().unwrap_or(Section::Other),
            scope,
            visit: visit_texts.get(&key(text)).cloned(),
        })
    });
    v
}

/// The days a claim may name for one restriction. `permits`: the sentence
/// gives permission ("you may", "is fine"), so "from Day N" says when the
/// limit is over; without it, "from Day N, wear a hat" speaks of a day
/// inside the limit.
fn fits(claim: &Claim, (first, last): (i64, i64), permits: bool) -> bool {
    match *claim {
        Claim::Day(DayRole::Until, n) | Claim::Day(DayRole::After, n) => n == last,
        Claim::Day(DayRole::From, n) | Claim::Day(DayRole::Before, n) if permits => n == last + 1,
        Claim::Day(DayRole::From, n) | Claim::Day(DayRole::Before, n) => {
            (first..=last + 1).contains(&n)
        }
        Claim::Day(DayRole::Other, n) => n == first || n == last || n == last + 1,
        Claim::DaysBefore(n) => first < 0 && n == -first,
        Claim::DaysAfter(n) => n == last || n == last + 1,
        Claim::Minutes(..) => true,
    }
}

/// The reference to write instead.
fn suggestion(claim: &Claim, id: &str, (first, _last): (i64, i64)) -> String {
    match claim {
        Claim::Day(DayRole::Until, _) | Claim::Day(DayRole::After, _) => {
            format!("{{limit.{id}.last}}")
        }
        Claim::Day(_, _) => format!("{{limit.{id}.after}}"),
        Claim::DaysBefore(_) if first < 0 => format!("{{limit.{id}.first}}"),
        _ => format!("{{limit.{id}.last}}"),
    }
}

fn describe(claim: &Claim, (first, last): (i64, i64)) -> String {
    let range = if first == last {
        format!("Day {first} only")
    } else {
        format!("Day {first} to Day {last}")
    };
    match claim {
        Claim::DaysBefore(_) if first >= 0 => {
            format!("starts on Day {first}, not before treatment")
        }
        _ => format!("runs {range}"),
    }
}

/// Warns where a sentence writes a day or a count that the data it talks
/// about contradicts (see the module documentation for the rule).
pub fn stated_values(g: &Guide, source: &str, d: &mut Diagnostics) {
    let Some(w) = words_for(&g.language) else {
        return;
    };
    // Which restrictions each keyword points at.
    let mut restrictions: Vec<(&str, HashSet<String>)> = g
        .restrictions
        .iter()
        .map(|r| (r.id.as_str(), keywords(w, &r.label)))
        .collect();
    for a in &g.addons {
        for r in a
            .restrictions
            .iter()
            .chain(a.visit.iter().flat_map(|v| &v.restrictions))
        {
            if let Some(label) = &r.label
                && !restrictions.iter().any(|(id, _)| *id == r.id.as_str())
            {
                restrictions.push((r.id.as_str(), keywords(w, label)));
            }
        }
    }
    let base = Values::of_scope(g, Scope::Guide);
    let scopes: Vec<(String, Values)> = g
        .addons
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.value.to_string(), Values::of_scope(g, Scope::Addon(i))))
        .collect();

    // Keyword → the restrictions whose label has it.
    let mut by_keyword: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, (_, k)) in restrictions.iter().enumerate() {
        for word in k {
            by_keyword.entry(word.as_str()).or_default().push(i);
        }
    }

    let mut reported = HashSet::new();
    for subject in subjects(g) {
        let text = subject.text;
        let written = blanked(text);
        for sentence in sentences(&written) {
            let offset = sentence.as_ptr() as usize - written.as_ptr() as usize;
            let found = claims(w, sentence);
            if found.is_empty() {
                continue;
            }
            // The restrictions this sentence talks about.
            let words: HashSet<String> = tokens(sentence)
                .into_iter()
                .map(|t| singular(&t.word))
                .collect();
            // Most keywords shared first: the message names the likeliest.
            let mut shared: std::collections::HashMap<usize, usize> =
                std::collections::HashMap::new();
            for word in &words {
                for &i in by_keyword.get(word.as_str()).into_iter().flatten() {
                    *shared.entry(i).or_default() += 1;
                }
            }
            let mut linked: Vec<(usize, usize)> = shared.into_iter().collect();
            linked.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
            let mut linked: Vec<&str> =
                linked.into_iter().map(|(i, _)| restrictions[i].0).collect();
            let permits = words.iter().any(|x| w.may.contains(&x.as_str()));
            if let Some(own) = subject.own_limit
                && !linked.contains(&own)
            {
                linked.insert(0, own);
            }
            let about_numbing = subject.section == Section::Numbing
                || words.iter().any(|x| w.numbing.contains(&x.as_str()));
            for (claim, start, end) in found {
                let at = text_offset(source, text, offset + start);
                let said = sentence[start..end].trim();
                if let Claim::Minutes(n, m) = claim {
                    let warning = if about_numbing
                        && m.is_none()
                        && n != i64::from(g.numbing.minutes)
                    {
                        Some(format!(
                            "`{said}` disagrees with the numbing time in the data ({} minutes): write {{numbing.minutes}} so the text follows it",
                            g.numbing.minutes
                        ))
                    } else if subject.section == Section::Procedure {
                        let (lo, hi) = g.procedure.duration_minutes;
                        let ok = match m {
                            None => n == i64::from(lo) || n == i64::from(hi),
                            Some(m) => (n, m) == (i64::from(lo), i64::from(hi)),
                        };
                        (!ok).then(|| format!(
                            "`{said}` disagrees with the procedure's `duration_minutes` ({}): write {{procedure.minutes}} so the text follows it",
                            if lo == hi { format!("{lo}") } else { format!("{lo} to {hi}") }
                        ))
                    } else {
                        None
                    };
                    if let Some(message) = warning
                        && reported.insert(at.start)
                    {
                        d.warning(at, message);
                    }
                    continue;
                }
                if linked.is_empty() {
                    continue;
                }
                // A visit's text: its own limits only, counted from the visit.
                if let Some((_, ids)) = &subject.visit {
                    linked.retain(|id| ids.contains(id));
                    if linked.is_empty() {
                        continue;
                    }
                }
                let shift = subject.visit.as_ref().map_or(0, |(day, _)| *day);
                let values_of = |v: &Values, id: &str| {
                    v.limits
                        .get(id)
                        .map(|(from, to)| (from - shift, to - shift))
                };
                let check = |v: &Values| -> Option<(&str, (i64, i64))> {
                    let known: Vec<(&str, (i64, i64))> = linked
                        .iter()
                        .filter_map(|id| values_of(v, id).map(|days| (*id, days)))
                        .collect();
                    if known.is_empty()
                        || known.iter().any(|(_, days)| fits(&claim, *days, permits))
                    {
                        None
                    } else {
                        Some(known[0])
                    }
                };
                let own_scope = match subject.scope {
                    Scope::Guide => &base,
                    Scope::Addon(i) => &scopes[i].1,
                };
                let mut problem = check(own_scope).map(|p| (p, None));
                if problem.is_none() && subject.scope == Scope::Guide {
                    problem = scopes
                        .iter()
                        .find_map(|(addon, v)| check(v).map(|p| (p, Some(addon.as_str()))));
                }
                if let Some(((id, days), addon)) = problem
                    && reported.insert(at.start)
                {
                    let with = addon
                        .map(|a| format!(" with add-on `{a}`"))
                        .unwrap_or_default();
                    let from_visit = if shift != 0 {
                        " (counted from the visit)"
                    } else {
                        ""
                    };
                    d.warning(
                        at,
                        format!(
                            "`{said}` disagrees with restriction `{id}`, which{with} {}{from_visit}: write {} so the text follows the data",
                            describe(&claim, days),
                            suggestion(&claim, id, days)
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
    fn days_are_read_by_the_word_before_them() {
        let c = claims(&EN, "Do not have a peel until Day 4.");
        assert!(matches!(c[0].0, Claim::Day(DayRole::Until, 4)));
        let c = claims(&EN, "From Day 4 you may use pools.");
        assert!(matches!(c[0].0, Claim::Day(DayRole::From, 4)));
        let c = claims(&ES, "No use maquillaje hasta el día 2.");
        assert!(matches!(c[0].0, Claim::Day(DayRole::Until, 2)));
        let c = claims(&EN, "Stop 7 days before. Do not tan for 2 weeks after.");
        assert!(matches!(c[0].0, Claim::DaysBefore(7)));
        assert!(matches!(c[1].0, Claim::DaysAfter(14)));
        // Ranges are expectations, not limits.
        assert!(claims(&EN, "Redness fades in 1 to 3 days.").is_empty());
        assert!(claims(&EN, "Days 4 to 7 are calmer.").is_empty());
        let c = claims(&EN, "It takes about 30 to 60 minutes.");
        assert!(matches!(c[0].0, Claim::Minutes(30, Some(60))));
    }

    #[test]
    fn a_day_fits_by_its_role() {
        assert!(fits(&Claim::Day(DayRole::Until, 3), (0, 3), false));
        assert!(!fits(&Claim::Day(DayRole::Until, 4), (0, 3), false));
        assert!(fits(&Claim::Day(DayRole::From, 4), (0, 3), true));
        // "Light makeup is fine from Day 1" when makeup is out on Days 0-1.
        assert!(!fits(&Claim::Day(DayRole::From, 1), (0, 1), true));
        // "From Day 1, wear a wide hat" inside a Days 0-3 limit.
        assert!(fits(&Claim::Day(DayRole::From, 1), (0, 3), false));
        assert!(fits(&Claim::DaysBefore(7), (-7, 7), false));
        assert!(fits(&Claim::DaysAfter(14), (-14, 14), false));
    }

    #[test]
    fn keywords_leave_out_common_words() {
        let k = keywords(&EN, "No peels, lasers or other skin treatments on the area");
        assert!(k.contains("peel") && k.contains("laser"), "{k:?}");
        assert!(!k.contains("skin") && !k.contains("area"), "{k:?}");
    }
}

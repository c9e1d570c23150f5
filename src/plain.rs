//! Plain mode: the same plan as a linear, screen-reader-friendly walk. No
//! box drawing, no colour, no cursor movement: numbered questions, then one
//! section at a time, Enter to go on. Used with `--plain`, when `TERM=dumb`,
//! or when input or output is not a terminal (then it prints straight through).

use std::io::{self, BufRead, Write};

use jiff::civil::Date;

use crate::config::ClinicContact;
use crate::guide::{Guide, Library};
use crate::i18n::{UiText, fill};
use crate::output::document::{self, Block};
use crate::output::text::{self, TextOptions};
use crate::plan::Plan;

/// What plain mode is asked for (anything missing is asked, when it can be).
#[derive(Clone, Debug)]
pub struct PlainOptions {
    pub language: Option<String>,
    pub guide: Option<String>,
    pub addons: Option<Vec<String>>,
    pub treatment_date: Option<Date>,
    pub today: Date,
    pub contact: ClinicContact,
    /// Lines are wrapped this wide.
    pub width: usize,
    /// Ask questions and wait for Enter between sections.
    pub interactive: bool,
}

/// A line read from the user; `None` at the end of input.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

/// Asks to choose one of `items` by number; the first when input ends.
fn choose(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    question: &str,
    invalid: &str,
    items: &[String],
) -> io::Result<usize> {
    loop {
        writeln!(out, "{question}")?;
        for (i, item) in items.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, crate::text::sanitize(item))?;
        }
        out.flush()?;
        let Some(answer) = read_line(input)? else {
            return Ok(0);
        };
        if answer.is_empty() {
            return Ok(0);
        }
        match answer.parse::<usize>() {
            Ok(n) if (1..=items.len()).contains(&n) => return Ok(n - 1),
            _ => writeln!(out, "{invalid}")?,
        }
    }
}

/// The language question, asked in every language at once, and the
/// languages' names as its answers (plain mode and the plain kiosk).
pub(crate) fn language_question(languages: &[&str]) -> (String, Vec<String>) {
    let question = languages
        .iter()
        .map(|code| UiText::for_language(code).plain_choose_language.to_string())
        .collect::<Vec<_>>()
        .join(" / ");
    let names = languages
        .iter()
        .map(|code| UiText::for_language(code).language_name.clone())
        .collect();
    (question, names)
}

/// Each guide's title in `language` (else in any language, else its id).
pub(crate) fn guide_titles(library: &Library, ids: &[&str], language: &str) -> Vec<String> {
    ids.iter()
        .map(|id| {
            library
                .find(id, Some(language))
                .or_else(|| library.find(id, None))
                .map_or(id.to_string(), |g| g.title.value.to_string())
        })
        .collect()
}

/// The add-ons typed as numbers ("1 3", "1,3"; nothing for none), as ids;
/// `None` when a number is not an add-on's.
pub(crate) fn parse_addons(answer: &str, guide: &Guide) -> Option<Vec<String>> {
    answer
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| match s.parse::<usize>() {
            Ok(n) if (1..=guide.addons.len()).contains(&n) => {
                Some(guide.addons[n - 1].id.value.to_string())
            }
            _ => None,
        })
        .collect()
}

/// Runs plain mode to the end of the plan (or until the user types q).
pub fn run(
    library: &Library,
    options: &PlainOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<()> {
    let ask = options.interactive;
    // The language: asked in every language at once.
    let languages = library.languages();
    let language = match &options.language {
        Some(l) if languages.contains(&l.as_str()) => l.clone(),
        _ if ask && languages.len() > 1 => {
            let (question, names) = language_question(&languages);
            let i = choose(input, out, &question, "1, 2, ...", &names)?;
            languages[i].to_string()
        }
        _ => languages
            .first()
            .map_or("en".to_string(), |l| l.to_string()),
    };
    let ui = UiText::for_language(&language);

    let ids = library.ids();
    let id = match &options.guide {
        Some(id) => id.clone(),
        None if ask && ids.len() > 1 => {
            let titles = guide_titles(library, &ids, &language);
            ids[choose(
                input,
                out,
                &ui.plain_choose_guide,
                &ui.plain_invalid,
                &titles,
            )?]
            .to_string()
        }
        None => ids.first().map(|s| s.to_string()).unwrap_or_default(),
    };
    let guide = library
        .find(&id, Some(&language))
        .or_else(|| library.find(&id, None))
        .ok_or_else(|| io::Error::other(format!("no guide `{id}`")))?;

    let addons: Vec<String> = match &options.addons {
        Some(a) => a.clone(),
        None if ask && !guide.addons.is_empty() => loop {
            writeln!(out, "{}", ui.plain_choose_addons)?;
            for (i, a) in guide.addons.iter().enumerate() {
                writeln!(out, "  {}. {}", i + 1, crate::text::sanitize(&a.label))?;
            }
            out.flush()?;
            let answer = read_line(input)?.unwrap_or_default();
            match parse_addons(&answer, guide) {
                Some(p) => break p,
                None => writeln!(out, "{}", ui.plain_invalid)?,
            }
        },
        None => Vec::new(),
    };

    let date = match options.treatment_date {
        Some(d) => Some(d),
        None if ask => loop {
            writeln!(out, "{}", ui.plain_date)?;
            out.flush()?;
            match read_line(input)? {
                None => break None,
                Some(a) if a.is_empty() => break None,
                Some(a) => match crate::dates::parse_date(&a) {
                    Ok(d) => break Some(d),
                    Err(e) => writeln!(out, "{e}")?,
                },
            }
        },
        None => None,
    };

    let plan = Plan::with_contact(guide, &addons, date, |c| options.contact.apply(c))
        .map_err(io::Error::other)?;
    let doc = document::build(&plan, ui, Some(options.today));
    let text_options = TextOptions {
        width: options.width,
        underline: false,
        chart: false,
    };
    // One page per top-level section.
    let mut pages: Vec<&[Block]> = Vec::new();
    let mut start = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        if matches!(b, Block::Heading(..)) && i > start {
            pages.push(&doc.blocks[start..i]);
            start = i;
        }
    }
    pages.push(&doc.blocks[start..]);

    writeln!(out)?;
    write!(out, "{}", text::join(&text::title(&doc, &text_options)))?;
    let total = pages.len();
    for (n, page) in pages.into_iter().enumerate() {
        write!(
            out,
            "{}",
            text::join(&text::blocks(page, ui, &text_options))
        )?;
        if n + 1 < total && ask {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                fill(&ui.plain_continue, &[("n", &(n + 1)), ("total", &total)])
            )?;
            out.flush()?;
            match read_line(input)? {
                Some(a) if a.eq_ignore_ascii_case("q") => return Ok(()),
                None => {}
                Some(_) => {}
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", ui.plain_end)?;
    out.flush()
}

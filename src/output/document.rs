//! The whole plan as a linear document: what `careguide print` writes (as
//! text, markdown or HTML) and what plain mode reads out, in one order.

use jiff::civil::Date;

use crate::guide::model::*;
use crate::i18n::{UiText, fill};
use crate::plan::Plan;

/// A printable plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub language: String,
    /// The clinic's contact, for formats that repeat it up front.
    pub contact: Contact,
    pub blocks: Vec<Block>,
    /// What the take-home QR code holds ([`crate::qr::payload`]), for the
    /// formats that draw it (HTML, beside the contact); `None` draws none.
    /// [`build`] leaves it unset: the caller knows the config's `qr_url`.
    pub qr: Option<String>,
}

/// The document's top-level sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    MainMessage,
    About,
    Preparation,
    Numbing,
    Procedure,
    Aftercare,
    Restrictions,
    WarningSigns,
    Contact,
    Glossary,
    Disclaimer,
}

impl Part {
    /// The phases of treatment, which start a new printed page.
    pub fn is_phase(self) -> bool {
        matches!(
            self,
            Part::Preparation
                | Part::Numbing
                | Part::Procedure
                | Part::Aftercare
                | Part::Restrictions
        )
    }

    /// A name for styling (CSS classes).
    pub fn class(self) -> &'static str {
        match self {
            Part::MainMessage => "main-message",
            Part::About => "about",
            Part::Preparation => "preparation",
            Part::Numbing => "numbing",
            Part::Procedure => "procedure",
            Part::Aftercare => "aftercare",
            Part::Restrictions => "restrictions",
            Part::WarningSigns => "warning-signs",
            Part::Contact => "contact",
            Part::Glossary => "glossary",
            Part::Disclaimer => "disclaimer",
        }
    }
}

/// One block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A top-level section: main message, preparation, numbing, ...
    Heading(Part, String),
    /// A part of a section: a day, a category.
    Subheading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    /// Questions to answer yes or no.
    Checkboxes(Vec<String>),
    /// Text that must stand out (the main message, emergency signs).
    Important(Vec<String>),
    /// What to expect and do in one care category on a day.
    Care {
        category: String,
        /// (label, text): ("Expect", "...") or ("Do", "...").
        lines: Vec<(String, String)>,
    },
    /// The restrictions with their days, as a chart where the format allows.
    Timeline(Timeline),
    /// What is normal beside what means "call us": (heading of each column,
    /// then the pairs).
    Compare {
        normal: String,
        call: String,
        pairs: Vec<(String, String)>,
    },
}

/// The restrictions over the plan's days.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub first_day: i64,
    pub last_day: i64,
    pub today: Option<i64>,
    pub rows: Vec<TimelineRow>,
    /// Visits on other days that add-ons bring, marked on their day.
    pub visits: Vec<TimelineVisit>,
}

/// A visit on the timeline: its name, its (earliest) day, and that day in
/// words ("Day 14 (Fri 4 Dec) or later").
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineVisit {
    pub label: String,
    pub day: i64,
    pub when: String,
    /// Its day, short: "Fri 4 Dec", or "Day 14" undated.
    pub short: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub label: String,
    pub kind: RestrictionKind,
    pub from: i64,
    pub to: i64,
    /// "Day 0 to Day 3 (Fri 20 Nov 2026 to Mon 23 Nov 2026)".
    pub when: String,
    /// When it ends, short: "until Mon 23 Nov", or "until Day 3" undated.
    pub until: String,
    /// The guide's note, then any add-on's (marked).
    pub notes: Vec<String>,
}

/// A text, marked with its add-on when it came from one: "... (with PRP)".
pub fn tagged(plan: &Plan, ui: &UiText, t: &Text) -> String {
    match plan.origin_addon(t.origin) {
        Some(addon) => format!(
            "{} {}",
            t.value,
            fill(&ui.from_addon, &[("label", &addon.label)])
        ),
        None => t.value.to_string(),
    }
}

fn lines(plan: &Plan, ui: &UiText, texts: &[Text]) -> Vec<String> {
    texts.iter().map(|t| tagged(plan, ui, t)).collect()
}

/// "Day 0 to Day 3", with dates when the plan has a treatment date.
pub fn restriction_when(plan: &Plan, ui: &UiText, from: i64, to: i64) -> String {
    if from == to {
        return ui.day_with_date(from, plan.date_of(from));
    }
    let days = fill(&ui.restriction_until, &[("from", &from), ("to", &to)]);
    match (plan.date_of(from), plan.date_of(to)) {
        (Some(a), Some(b)) => format!("{days} ({} – {})", ui.date(a), ui.date(b)),
        _ => days,
    }
}

/// When a limit ending on Day `to` ends, short: "until Mon 23 Nov" when
/// the plan is dated, else "until Day 3".
pub fn limit_end(plan: &Plan, ui: &UiText, to: i64) -> String {
    match plan.date_of(to) {
        Some(date) => fill(&ui.limit_until_date, &[("date", &ui.date_short(date))]),
        None => fill(&ui.limit_until, &[("n", &to)]),
    }
}

/// "Day 0 to Day 7 (...)", plus "(longer with a chemical peel)" when an
/// add-on widened the range.
pub fn widened(plan: &Plan, ui: &UiText, r: &Restriction, when: String) -> String {
    let labels: Vec<&str> = r
        .widened_by
        .iter()
        .filter_map(|&i| plan.guide.addons.get(i))
        .map(|a| a.label.as_str())
        .collect();
    if labels.is_empty() {
        when
    } else {
        format!(
            "{when} {}",
            fill(&ui.widened, &[("label", &labels.join(", "))])
        )
    }
}

/// The restrictions as timeline rows, in guide order.
pub fn timeline(plan: &Plan, ui: &UiText, today: Option<Date>) -> Timeline {
    let (first_day, last_day) = plan.guide.day_span();
    Timeline {
        first_day,
        last_day,
        today: today.and_then(|t| plan.day_of(t)),
        rows: plan
            .guide
            .restrictions
            .iter()
            .map(|r| TimelineRow {
                label: tagged(plan, ui, &r.label),
                kind: r.kind,
                from: r.days.from,
                to: r.days.to,
                when: widened(
                    plan,
                    ui,
                    r,
                    restriction_when(plan, ui, r.days.from, r.days.to),
                ),
                until: limit_end(plan, ui, r.days.to),
                notes: r.notes.iter().map(|n| tagged(plan, ui, n)).collect(),
            })
            .collect(),
        visits: plan
            .guide
            .visits
            .iter()
            .map(|v| TimelineVisit {
                label: tagged(plan, ui, &v.name),
                day: v.day,
                when: visit_when(plan, ui, v),
                short: plan
                    .date_of(v.day)
                    .map_or_else(|| ui.day(v.day), |d| ui.date_short(d)),
            })
            .collect(),
    }
}

/// "Day 14 (Fri 4 Dec) or later": a visit's earliest day in words.
pub fn visit_when(plan: &Plan, ui: &UiText, v: &PlannedVisit) -> String {
    let day = crate::guide::fill_in::day_phrase(ui, v.day, plan.date_of(v.day));
    fill(&ui.visit_when, &[("day", &day)])
}

/// Builds the whole plan in reading order: main message, what it is,
/// preparation, numbing, procedure, aftercare day by day, restrictions,
/// warning signs, contact, disclaimer. The contact is the plan's (the
/// clinic's details are put in when the plan is made, so the text and the
/// contact block say the same phone).
pub fn build(plan: &Plan, ui: &UiText, today: Option<Date>) -> Document {
    build_from(plan, ui, today, None)
}

/// Like [`build`]; with `from_day`, only the days still to come: no
/// preparation once the treatment is past, no aftercare day or limit that
/// ended before `from_day`.
pub fn build_from(
    plan: &Plan,
    ui: &UiText,
    today: Option<Date>,
    from_day: Option<i64>,
) -> Document {
    let g = &plan.guide;
    let contact = &g.contact;
    let still_to_come = |to: i64| from_day.is_none_or(|f| to >= f);
    let mut b = Vec::new();

    // Header: what plan this is, for which date.
    let mut header = vec![g.treatment.value.clone()];
    for addon in plan.chosen_addons() {
        header.push(addon.label.value.clone());
    }
    b.push(Block::Paragraph(header.join(", ")));
    match plan.treatment_date {
        Some(date) => b.push(Block::Paragraph(format!(
            "{}: {}",
            ui.treatment_date,
            ui.date(date)
        ))),
        None => b.push(Block::Paragraph(ui.no_treatment_date.to_string())),
    }

    b.push(Block::Heading(
        Part::MainMessage,
        ui.main_message.to_string(),
    ));
    b.push(Block::Important(vec![g.main_message.value.to_string()]));

    b.push(Block::Heading(Part::About, ui.what_it_is.to_string()));
    for p in &g.overview.about {
        b.push(Block::Paragraph(p.value.to_string()));
    }
    key_points(&mut b, plan, ui, &g.overview.notes);
    let addons: Vec<&Addon> = plan.chosen_addons().collect();
    if !addons.is_empty() {
        b.push(Block::Subheading(ui.addons.to_string()));
        for a in addons {
            b.push(Block::Paragraph(format!(
                "{}: {}",
                a.name,
                join_text(&a.about)
            )));
        }
    }

    // Preparation, grouped by day (not when only what is to come is asked
    // for and the treatment is past).
    let prep_done = from_day.is_some_and(|f| f > 0);
    if !prep_done {
        b.push(Block::Heading(
            Part::Preparation,
            ui.preparation.to_string(),
        ));
        let mut steps = g.preparation.steps.iter().peekable();
        while let Some(first) = steps.next() {
            let day = first.day;
            let mut group = vec![tagged(plan, ui, &first.text)];
            while let Some(next) = steps.next_if(|s| s.day == day) {
                group.push(tagged(plan, ui, &next.text));
            }
            let when = ui.days_before(day);
            let heading = match plan.date_of(day) {
                Some(date) => format!("{when} ({})", ui.date(date)),
                None => when,
            };
            b.push(Block::Subheading(heading));
            b.push(Block::Bullets(group));
        }
        if !g.preparation.screening.is_empty() {
            b.push(Block::Subheading(ui.screening.to_string()));
            b.push(Block::Checkboxes(
                g.preparation
                    .screening
                    .iter()
                    .map(|q| tagged(plan, ui, &q.question))
                    .collect(),
            ));
        }
        key_points(&mut b, plan, ui, &g.preparation.notes);
    }

    // Numbing.
    let n = &g.numbing;
    b.push(Block::Heading(Part::Numbing, ui.numbing.to_string()));
    b.push(Block::Paragraph(n.what.value.to_string()));
    b.push(Block::Paragraph(fill(
        &ui.numbing_minutes,
        &[("minutes", &ui.minutes(n.minutes, n.minutes))],
    )));
    list(&mut b, &ui.what_happens, lines(plan, ui, &n.lines.steps));
    list(&mut b, &ui.what_you_feel, lines(plan, ui, &n.lines.feel));
    list(&mut b, &ui.safety, lines(plan, ui, &n.lines.safety));
    key_points(&mut b, plan, ui, &n.notes);

    // Procedure.
    let p = &g.procedure;
    b.push(Block::Heading(Part::Procedure, ui.procedure.to_string()));
    b.push(Block::Paragraph(fill(
        &ui.procedure_duration,
        &[(
            "minutes",
            &ui.minutes(p.duration_minutes.0, p.duration_minutes.1),
        )],
    )));
    list(&mut b, &ui.what_happens, lines(plan, ui, &p.lines.steps));
    list(&mut b, &ui.what_you_feel, lines(plan, ui, &p.lines.feel));
    list(
        &mut b,
        &ui.right_after,
        lines(plan, ui, &p.lines.right_after),
    );
    key_points(&mut b, plan, ui, &p.notes);

    // Aftercare, day by day.
    b.push(Block::Heading(Part::Aftercare, ui.aftercare.to_string()));
    let today_day = today.and_then(|t| plan.day_of(t));
    for entry in g.aftercare.iter().filter(|e| still_to_come(e.days.to)) {
        let mut heading = aftercare_heading(plan, ui, entry);
        if today_day.is_some_and(|d| entry.days.contains(d)) {
            heading = format!("{heading} [{}]", ui.today_marker);
        }
        b.push(Block::Subheading(heading));
        for v in g.visits.iter().filter(|v| entry.days.contains(v.day)) {
            b.push(Block::Important(vec![format!(
                "{}: {}",
                tagged(plan, ui, &v.name),
                visit_when(plan, ui, v)
            )]));
        }
        for care in &entry.care {
            let name = g
                .category(&care.category)
                .map_or(care.category.value.to_string(), |c| {
                    c.name.value.to_string()
                });
            let lines = care
                .lines
                .iter()
                .map(|l| {
                    (
                        care_label(ui, l.kind).to_string(),
                        tagged(plan, ui, &l.text),
                    )
                })
                .collect();
            b.push(Block::Care {
                category: name,
                lines,
            });
        }
        key_points(&mut b, plan, ui, &entry.notes);
    }

    if !g.restrictions.is_empty() {
        b.push(Block::Heading(
            Part::Restrictions,
            ui.restrictions.to_string(),
        ));
        let mut t = timeline(plan, ui, today);
        t.rows.retain(|r| still_to_come(r.to));
        t.visits.retain(|v| still_to_come(v.day));
        b.push(Block::Timeline(t));
    }

    b.push(Block::Heading(
        Part::WarningSigns,
        ui.warning_signs.to_string(),
    ));
    // The most urgent first, in the same order as on screen.
    b.push(Block::Subheading(ui.emergency.to_string()));
    let mut urgent = lines(plan, ui, &g.warning_signs.emergency);
    if let Some(how) = &g.warning_signs.emergency_call {
        urgent.push(how.value.to_string());
    }
    b.push(Block::Important(urgent));
    let w = &g.warning_signs;
    if !w.compare.is_empty() {
        b.push(Block::Subheading(ui.normal_or_call.to_string()));
        b.push(Block::Compare {
            normal: ui.normal_heading.to_string(),
            call: ui.call_heading.to_string(),
            pairs: w
                .compare
                .iter()
                .map(|c| (tagged(plan, ui, &c.normal), tagged(plan, ui, &c.call)))
                .collect(),
        });
    }
    list(
        &mut b,
        &ui.call_clinic,
        lines(plan, ui, &g.warning_signs.call_clinic),
    );

    b.push(Block::Heading(Part::Contact, ui.contact.to_string()));
    b.push(Block::Paragraph(contact.name.value.to_string()));
    for (label, value) in contact_lines(contact, ui) {
        b.push(Block::Paragraph(format!("{label}: {value}")));
    }

    if !g.glossary.is_empty() {
        b.push(Block::Heading(Part::Glossary, ui.glossary.to_string()));
        // In the language's own alphabetical order, as the app's words
        // window shows them.
        b.push(Block::Bullets(
            plan.glossary_in_order()
                .iter()
                .map(|e| format!("{}: {}", e.term, e.definition))
                .collect(),
        ));
    }

    b.push(Block::Heading(Part::Disclaimer, ui.disclaimer.to_string()));
    b.push(Block::Paragraph(g.disclaimer.value.to_string()));
    b.push(Block::Paragraph(fill(
        &ui.content_version,
        &[
            ("version", &g.content_version),
            ("date", &ui.date(g.reviewed)),
        ],
    )));

    Document {
        title: g.title.value.to_string(),
        language: g.language.value.to_string(),
        contact: contact.clone(),
        blocks: b,
        qr: None,
    }
}

/// The label of a care line: "Expect", "Do", "Avoid".
pub fn care_label(ui: &UiText, kind: CareKind) -> &str {
    match kind {
        CareKind::Expect => &ui.expect_short,
        CareKind::Do => &ui.do_short,
        CareKind::Avoid => &ui.avoid_short,
    }
}

/// The clinic's phone, in words when the guide has no number.
pub fn phone(contact: &Contact, ui: &UiText) -> String {
    contact
        .phone
        .as_ref()
        .map_or_else(|| ui.phone_unknown.to_string(), |p| p.value.to_string())
}

/// The contact's lines after its name: (label, value).
pub fn contact_lines(contact: &Contact, ui: &UiText) -> Vec<(String, String)> {
    let mut out = vec![(ui.contact_phone.to_string(), phone(contact, ui))];
    let after = match (&contact.after_hours_phone, &contact.after_hours) {
        (Some(p), Some(t)) => Some(format!("{p}. {t}")),
        (Some(p), None) => Some(p.value.to_string()),
        (None, Some(t)) => Some(t.value.to_string()),
        (None, None) => None,
    };
    if let Some(after) = after {
        out.push((ui.contact_after_hours.to_string(), after));
    }
    out
}

/// "Day 2, Sun 22 Nov 2026: The second day" or "Days 4 to 7: ...".
pub fn aftercare_heading(plan: &Plan, ui: &UiText, entry: &AftercareEntry) -> String {
    let days = if entry.days.is_single() {
        ui.day_with_date(entry.days.from, plan.date_of(entry.days.from))
    } else {
        let range = ui.day_range(entry.days.from, entry.days.to);
        match (plan.date_of(entry.days.from), plan.date_of(entry.days.to)) {
            (Some(a), Some(b)) => format!("{range}, {} – {}", ui.date(a), ui.date(b)),
            _ => range,
        }
    };
    match &entry.title {
        Some(title) => format!("{days}: {title}"),
        None => days,
    }
}

fn join_text(texts: &[Text]) -> String {
    texts
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn list(b: &mut Vec<Block>, heading: &str, items: Vec<String>) {
    if !items.is_empty() {
        b.push(Block::Subheading(heading.to_string()));
        b.push(Block::Bullets(items));
    }
}

fn key_points(b: &mut Vec<Block>, plan: &Plan, ui: &UiText, notes: &SectionNotes) {
    list(b, &ui.key_points, lines(plan, ui, &notes.key_points));
}

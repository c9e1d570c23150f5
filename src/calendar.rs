//! The plan's reminders as a calendar file (iCalendar, `.ics`): one
//! all-day event per milestone ([`crate::plan::Plan::milestones`]) on its
//! date, each with a reminder at 09:00 that morning. The file holds the
//! guide's text, the clinic's name and phone, and dates: no patient data.

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, Trigger};
use jiff::civil::Date;

use crate::i18n::{UiText, fill};
use crate::plan::Plan;

/// Why a calendar could not be made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("a calendar needs the treatment date: add --date YYYY-MM-DD")]
    NoDate,
}

fn naive(date: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    )
    .unwrap_or_default()
}

/// The event's UID: the guide, the date and the milestone's place in the
/// plan's list, so the same plan always gives the same UIDs (a calendar app
/// updates instead of duplicating) and no two events share one.
pub fn uid(plan: &Plan, date: Date, index: usize) -> String {
    let mut id = plan.guide.id.value.to_string();
    for a in plan.chosen_addons() {
        id.push('-');
        id.push_str(&a.id.value);
    }
    format!("{id}-{date}-{index}@careguide")
}

/// The plan's milestones as an iCalendar file. `today` stamps the events
/// (DTSTAMP), so the same plan made on the same day gives the same file.
pub fn render(plan: &Plan, today: Date) -> Result<String, CalendarError> {
    let treatment = plan.treatment_date.ok_or(CalendarError::NoDate)?;
    let ui = UiText::for_language(&plan.guide.language);
    let contact = &plan.guide.contact;
    let phone = contact
        .phone
        .as_ref()
        .map_or(ui.phone_unknown.as_str(), |p| &*p.value);
    let about = format!(
        "{}\n{}",
        fill(&ui.calendar_guide, &[("title", &plan.guide.title.value)]),
        fill(
            &ui.calendar_contact,
            &[("clinic", &contact.name.value), ("phone", &phone)]
        ),
    );
    let stamp = Utc
        .from_utc_datetime(&naive(today).and_hms_opt(0, 0, 0).unwrap_or_default())
        .to_owned();
    let mut cal = Calendar::new();
    cal.name(&plan.guide.title.value);
    for (index, m) in plan.milestones().iter().enumerate() {
        let Some(date) = crate::dates::date_of_day(treatment, m.day) else {
            continue;
        };
        let start = naive(date);
        let text = crate::text::sanitize(&m.text).into_owned();
        let uid = uid(plan, date, index);
        // Stamped and named like its event, so the file is the same each time.
        let alarm = Alarm::display(&text, Trigger::after_start(TimeDelta::hours(9)))
            .timestamp(stamp)
            .uid(&format!("alarm-{uid}"))
            .done();
        let event = icalendar::Event::new()
            .uid(&uid)
            .timestamp(stamp)
            .summary(&text)
            .description(&format!("{text}\n\n{about}"))
            .starts(start)
            .ends(start + TimeDelta::days(1))
            .alarm(alarm)
            .done();
        cal.push(event);
    }
    Ok(cal.done().to_string())
}

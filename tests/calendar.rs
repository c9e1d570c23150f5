//! The plan's milestones and the calendar file (`print --format ics`),
//! on the test guides.

mod common;

use std::collections::HashSet;

use careguide::plan::{Plan, PlanMilestone};
use common::{app_library, run_app, stderr, stdout};
use icalendar::{Calendar, Component, DatePerhapsTime};
use jiff::civil::{Date, date};

const TREATMENT: Date = date(2026, 11, 20);

fn plan(lang: &str, addons: &[&str]) -> Plan {
    let library = app_library();
    let guide = library.find("needling", Some(lang)).expect("needling");
    Plan::new(guide, addons, Some(TREATMENT)).expect("a plan")
}

fn has(ms: &[PlanMilestone], day: i64, text: &str) -> bool {
    ms.iter().any(|m| m.day == day && m.text == text)
}

#[test]
fn milestones_come_from_the_limits_the_guide_and_the_addons() {
    let ms = plan("en", &["prp"]).milestones();
    // The restriction's own reminder, on the first day after the limit.
    assert!(has(&ms, 3, "Back to full workouts."), "{ms:#?}");
    // Worded from the label without one.
    assert!(
        has(&ms, 4, "From today, this limit is over: No direct sun"),
        "{ms:#?}"
    );
    assert!(has(
        &ms,
        15,
        "From today, this limit is over: No tanning or tanning beds"
    ));
    // A thing to keep doing: on its first day.
    assert!(has(
        &ms,
        1,
        "Start today: Sunscreen every day, SPF 30 or higher"
    ));
    // The add-on's own limit and milestone.
    assert!(has(
        &ms,
        1,
        "From today, this limit is over: No face washing until the next morning"
    ));
    assert!(has(
        &ms,
        7,
        "Check the spot where blood was drawn. It should have healed."
    ));
    // The guide's [[milestones]].
    assert!(has(&ms, 28, "Your next session is usually about now."));
    // `remind = false` leaves a limit out.
    assert!(!ms.iter().any(|m| m.text.contains("No makeup")), "{ms:#?}");
    // Day order, no duplicates.
    assert!(ms.windows(2).all(|w| w[0].day <= w[1].day));
    let unique: HashSet<_> = ms.iter().map(|m| (m.day, m.text.clone())).collect();
    assert_eq!(unique.len(), ms.len());
    // A limit that ends before the treatment (none in this guide) or a
    // limit's end every day: every avoid limit lasting into the treatment
    // has one.
    let p = plan("en", &["prp"]);
    for r in &p.guide.restrictions {
        if r.remind && r.days.to >= 0 {
            let day = match r.kind {
                careguide::guide::model::RestrictionKind::Avoid => r.days.to + 1,
                careguide::guide::model::RestrictionKind::Do => r.days.from,
            };
            assert!(
                ms.iter().any(|m| m.day == day),
                "no milestone for {}",
                r.id.value
            );
        }
    }
}

#[test]
fn milestones_follow_the_chosen_addons_and_the_language() {
    let plain = plan("en", &[]).milestones();
    assert!(!plain.iter().any(|m| m.text.contains("blood")));
    assert!(!plain.iter().any(|m| m.text.contains("face washing")));
    let es = plan("es", &["prp"]).milestones();
    assert!(
        has(&es, 3, "Ya puede hacer ejercicio como siempre."),
        "{es:#?}"
    );
    assert!(has(
        &es,
        28,
        "Su próxima sesión suele ser por estas fechas."
    ));
    assert!(es.iter().any(|m| m.text.starts_with("Desde hoy termina")));
    assert_eq!(es.len(), plan("en", &["prp"]).milestones().len());
}

fn ics(lang: &str) -> String {
    let out = run_app(&[
        "--today",
        "2026-11-20",
        "print",
        "needling",
        "--date",
        "2026-11-20",
        "--addon",
        "prp",
        "--format",
        "ics",
        "--lang",
        lang,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn check_calendar(lang: &str) -> Calendar {
    let text = ics(lang);
    let cal: Calendar = text.parse().expect("the calendar parses");
    let milestones = plan(lang, &["prp"]).milestones();
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), milestones.len());
    let mut uids = HashSet::new();
    for (e, m) in events.iter().zip(&milestones) {
        let expected = TREATMENT
            .checked_add(jiff::Span::new().days(m.day))
            .unwrap();
        let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
            panic!("not an all-day event: {e:?}");
        };
        assert_eq!(start.to_string(), expected.to_string(), "{}", m.text);
        assert_eq!(e.get_summary(), Some(m.text.as_str()));
        let description = e.get_description().expect("a description");
        assert!(description.contains("555-0100"), "{description}");
        let uid = e.get_uid().expect("a uid");
        assert!(uid.ends_with("@careguide") && uid.starts_with("needling-prp-"));
        assert!(uids.insert(uid.to_string()), "duplicate uid {uid}");
        let alarms: Vec<_> = e
            .components()
            .iter()
            .filter(|c| c.component_kind() == "VALARM")
            .collect();
        assert_eq!(alarms.len(), 1, "{}", m.text);
        assert_eq!(alarms[0].property_value("ACTION"), Some("DISPLAY"));
        // 09:00 that morning: nine hours after the all-day start.
        let trigger = alarms[0].property_value("TRIGGER");
        assert!(matches!(trigger, Some("PT9H" | "PT32400S")), "{trigger:?}");
    }
    cal
}

#[test]
fn the_calendar_has_one_event_with_an_alarm_per_milestone() {
    let cal = check_calendar("en");
    let description = cal.events().next().unwrap().get_description().unwrap();
    assert!(description.contains("Needling test guide: your care plan"));
    // The same plan on the same day gives the same file.
    assert_eq!(ics("en"), ics("en"));
}

#[test]
fn the_calendar_speaks_the_plans_language() {
    let cal = check_calendar("es");
    let summaries: Vec<_> = cal.events().filter_map(|e| e.get_summary()).collect();
    assert!(summaries.contains(&"Ya puede hacer ejercicio como siempre."));
    let description = cal.events().next().unwrap().get_description().unwrap();
    assert!(description.contains("Guía de prueba de microagujas"));
}

#[test]
fn a_calendar_needs_the_treatment_date() {
    let out = run_app(&["print", "needling", "--format", "ics"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

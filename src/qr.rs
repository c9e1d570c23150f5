//! The take-home QR code: what it holds ([`payload`]: the clinic's page
//! when the config sets `[export] qr_url`, else a short plain-text
//! [`summary`] of the plan), drawn for the terminal ([`half_blocks`]) and
//! for the take-home page ([`svg`]). No patient data goes in it.

use jiff::civil::Date;
use qrcode::{Color, EcLevel, QrCode};

use crate::guide::model::RestrictionKind;
use crate::i18n::{UiText, fill};
use crate::plan::Plan;

/// The summary's size limit, in bytes: a QR code of version 11 at most
/// (61 modules; with its quiet zone 69 columns by 35 rows of half blocks),
/// which fits a 100×40 kiosk screen and any phone camera reads at a glance.
pub const MAX_SUMMARY_BYTES: usize = 300;

/// Modules of light margin around the code (the standard's quiet zone).
pub const QUIET_ZONE: usize = 4;

/// A short plain-text summary of the plan in its language, one fact a line:
/// the treatment (and date), the day each limit still in force on `today`
/// ends (with its date when the treatment date is known), the clinic's
/// phone, and how to get emergency care. Kept under
/// [`MAX_SUMMARY_BYTES`]: the limits that end soonest are left out first.
pub fn summary(plan: &Plan, ui: &UiText, today: Date) -> String {
    let g = &plan.guide;
    let mut treatment = g.treatment.value.to_string();
    for a in plan.chosen_addons() {
        treatment.push_str(", ");
        treatment.push_str(&a.label.value);
    }
    let head = match plan.treatment_date {
        Some(d) => fill(
            &ui.qr_treatment,
            &[("treatment", &treatment), ("date", &ui.date(d))],
        ),
        None => treatment,
    };
    let today_day = plan.day_of(today);
    // (last day, line) for each limit still to keep, in the guide's order.
    let mut limits: Vec<(i64, String)> = g
        .restrictions
        .iter()
        .filter(|r| r.kind == RestrictionKind::Avoid && r.days.to >= 0)
        .filter(|r| today_day.is_none_or(|t| r.days.to >= t))
        .map(|r| {
            let until = match plan.date_of(r.days.to) {
                Some(d) => ui.date_short(d),
                None => ui.day(r.days.to),
            };
            let line = fill(
                &ui.qr_limit_until,
                &[("label", &r.label.value), ("date", &until)],
            );
            (r.days.to, crate::text::sanitize(&line).into_owned())
        })
        .collect();
    let phone = g
        .contact
        .phone
        .as_ref()
        .map_or(ui.phone_unknown.as_str(), |p| &*p.value);
    let contact = fill(
        &ui.calendar_contact,
        &[("clinic", &g.contact.name.value), ("phone", &phone)],
    );
    let emergency = g
        .warning_signs
        .emergency_call
        .as_ref()
        .map(|c| fill(&ui.qr_emergency, &[("call", &c.value)]));
    let assemble = |limits: &[(i64, String)]| {
        let mut lines = vec![head.clone()];
        lines.extend(limits.iter().map(|(_, l)| l.clone()));
        lines.push(contact.clone());
        lines.extend(emergency.clone());
        lines.join("\n")
    };
    let mut text = assemble(&limits);
    while text.len() > MAX_SUMMARY_BYTES && !limits.is_empty() {
        // The limit that ends soonest matters least to take home.
        let soonest = limits
            .iter()
            .enumerate()
            .min_by_key(|(i, (to, _))| (*to, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        limits.remove(soonest);
        text = assemble(&limits);
    }
    text
}

/// What the QR code holds: the clinic's page (`url`, from the config's
/// `[export] qr_url`) when set, else the plan's [`summary`].
pub fn payload(plan: &Plan, ui: &UiText, today: Date, url: Option<&str>) -> String {
    match url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => u.to_string(),
        None => summary(plan, ui, today),
    }
}

fn code(payload: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::L).ok()
}

/// The code for a terminal: one string per row, two modules per cell
/// (`▀` `▄` `█` and spaces), with a [`QUIET_ZONE`] margin; `None` when
/// the payload is too long for a QR code.
///
/// It is drawn **inverse**: a *light* module is ink (`█`), a dark module
/// is a space. Paint it with a light foreground on a dark background (e.g.
/// white on black, whatever the theme): the code then reads as a normal
/// QR code. On a terminal's own dark background with light text it reads
/// as is.
pub fn half_blocks(payload: &str) -> Option<Vec<String>> {
    let code = code(payload)?;
    let n = code.width();
    let colors = code.to_colors();
    let size = n + 2 * QUIET_ZONE;
    let light = |x: usize, y: usize| -> bool {
        if x < QUIET_ZONE || y < QUIET_ZONE || x >= n + QUIET_ZONE || y >= n + QUIET_ZONE {
            return true;
        }
        colors[(y - QUIET_ZONE) * n + (x - QUIET_ZONE)] == Color::Light
    };
    let rows = (0..size.div_ceil(2))
        .map(|row| {
            (0..size)
                .map(|x| {
                    let top = light(x, 2 * row);
                    // Past the bottom edge counts as margin.
                    let bottom = 2 * row + 1 >= size || light(x, 2 * row + 1);
                    match (top, bottom) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    }
                })
                .collect()
        })
        .collect();
    Some(rows)
}

/// The code as an inline SVG element for an HTML page (`class="qr"`, no
/// namespace): a white square with the quiet zone, then the dark modules as
/// one `<path>` of `M x y h w v h H x V y` squares, 4 user units a module.
/// `None` when the payload is too long for a QR code. The payload itself is
/// not written in it.
pub fn svg(payload: &str) -> Option<String> {
    let code = code(payload)?;
    let drawn = code
        .render::<qrcode::render::svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .build();
    // An element for inline HTML: no XML declaration, and no namespace
    // (the HTML parser puts <svg> in its own; the page names no web
    // address); a class to style it.
    let start = drawn.find("<svg")?;
    Some(
        drawn[start..]
            .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
            .replacen(" version=\"1.1\"", "", 1)
            .replacen("<svg ", "<svg class=\"qr\" role=\"img\" ", 1),
    )
}

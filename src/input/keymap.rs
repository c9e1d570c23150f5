//! The key table: one list of bindings that turns keys into actions, draws
//! the footer's hints and writes the help window, so the three always
//! agree. Who may use a binding is not written here: the mode's
//! permissions ([`crate::app::permissions`]) decide, for keys and clicks
//! alike.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, App, KioskPath, Mode, Overlay, Screen};
use crate::i18n::UiText;

/// A key with its modifiers (Shift is folded into the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// Every screen (with no window open).
    Everywhere,
    /// One screen.
    Screen(Screen),
    /// Any window (help, words, index, ...).
    Window,
    /// Windows that offer choices: the section index, what to print.
    Choices,
    /// The "new patient?" window.
    Confirm,
}

/// One row of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub on: On,
    /// Shown in the footer's hints (help lists every binding).
    pub footer: bool,
    /// What it does, in the reader's language.
    pub says: fn(&UiText) -> &str,
}

use KeyCode::{
    Backspace as BACKSPACE, Down as DOWN, End as END, Enter as ENTER, Esc as ESC, Home as HOME,
    Left as LEFT, PageDown as PGDN, PageUp as PGUP, Right as RIGHT, Tab as TAB, Up as UP,
};
use On::{Choices, Confirm, Everywhere, Window};

/// Every binding, most specific first: a key bound on a screen wins over the
/// same key bound everywhere.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Windows over the screen.
    Binding { keys: &[k(ESC), c('q')],         action: Action::Close,        on: Window,  footer: true,  says: |u| &u.key_close },
    Binding { keys: &[c('y'), k(ENTER)],       action: Action::Confirm,      on: Confirm, footer: true,  says: |u| &u.yes_clear },
    Binding { keys: &[c('n')],                 action: Action::Close,        on: Confirm, footer: true,  says: |u| &u.no_keep },
    Binding { keys: &[k(DOWN), c('j')],        action: Action::CursorDown,   on: Window,  footer: true,  says: |u| &u.key_move },
    Binding { keys: &[k(UP), c('k')],          action: Action::CursorUp,     on: Window,  footer: false, says: |u| &u.key_move },
    Binding { keys: &[k(PGDN)],                action: Action::ScrollPage(1),  on: Window, footer: false, says: |u| &u.key_page_down },
    Binding { keys: &[k(PGUP)],                action: Action::ScrollPage(-1), on: Window, footer: false, says: |u| &u.key_page_up },
    Binding { keys: &[k(HOME), c('g')],        action: Action::ScrollHome,   on: Window,  footer: false, says: |u| &u.key_top },
    Binding { keys: &[k(END), c('G')],         action: Action::ScrollEnd,    on: Window,  footer: false, says: |u| &u.key_bottom },
    Binding { keys: &[k(ENTER), c(' ')],       action: Action::Submit,       on: Choices, footer: true,  says: |u| &u.key_choose },
    // The guide picker.
    Binding { keys: &[c(' ')],                 action: Action::Toggle,       on: On::Screen(Screen::Picker), footer: true,  says: |u| &u.key_choose },
    Binding { keys: &[c('L')],                 action: Action::CycleLanguage, on: On::Screen(Screen::Picker), footer: true, says: |u| &u.key_language },
    Binding { keys: &[k(DOWN), c('j')],        action: Action::CursorDown,   on: On::Screen(Screen::Picker), footer: true,  says: |u| &u.key_move },
    Binding { keys: &[k(UP), c('k')],          action: Action::CursorUp,     on: On::Screen(Screen::Picker), footer: false, says: |u| &u.key_move },
    // The kiosk's welcome and path screens.
    Binding { keys: &[k(LEFT), k(RIGHT), k(UP), k(DOWN)], action: Action::CycleLanguage, on: On::Screen(Screen::Welcome), footer: true, says: |u| &u.key_language },
    Binding { keys: &[k(DOWN), c('j')],        action: Action::CursorDown,   on: On::Screen(Screen::Path), footer: true,  says: |u| &u.key_move },
    Binding { keys: &[k(UP), c('k')],          action: Action::CursorUp,     on: On::Screen(Screen::Path), footer: false, says: |u| &u.key_move },
    Binding { keys: &[c('1')],                 action: Action::ChoosePath(KioskPath::GettingReady), on: On::Screen(Screen::Path), footer: false, says: |u| &u.path_ready },
    Binding { keys: &[c('2')],                 action: Action::ChoosePath(KioskPath::Treated),      on: On::Screen(Screen::Path), footer: false, says: |u| &u.path_treated },
    // The treatment date (digits, `/`, `.` and `-` type into the field).
    Binding { keys: &[c('t')],                 action: Action::DateToday,    on: On::Screen(Screen::Date), footer: true,  says: |u| &u.key_today },
    Binding { keys: &[k(UP), c('+')],          action: Action::DateAdjust(1),  on: On::Screen(Screen::Date), footer: false, says: |u| &u.key_date_later },
    Binding { keys: &[k(DOWN), c('-')],        action: Action::DateAdjust(-1), on: On::Screen(Screen::Date), footer: true, says: |u| &u.key_date_earlier },
    Binding { keys: &[c('s')],                 action: Action::DateSkip,     on: On::Screen(Screen::Date), footer: true,  says: |u| &u.key_skip },
    Binding { keys: &[k(ENTER)],               action: Action::Submit,       on: On::Screen(Screen::Date), footer: true,  says: |u| &u.key_next },
    Binding { keys: &[k(BACKSPACE)],           action: Action::Backspace,    on: On::Screen(Screen::Date), footer: false, says: |u| &u.key_delete },
    // The preparation checklist.
    Binding { keys: &[c(' ')],                 action: Action::Toggle,       on: On::Screen(Screen::Preparation), footer: true,  says: |u| &u.key_tick },
    Binding { keys: &[k(DOWN), c('j')],        action: Action::CursorDown,   on: On::Screen(Screen::Preparation), footer: true,  says: |u| &u.key_move },
    Binding { keys: &[k(UP), c('k')],          action: Action::CursorUp,     on: On::Screen(Screen::Preparation), footer: false, says: |u| &u.key_move },
    // The numbing countdown.
    Binding { keys: &[c('t')],                 action: Action::TimerToggle,  on: On::Screen(Screen::Numbing), footer: true, says: |u| &u.key_timer },
    Binding { keys: &[c('r')],                 action: Action::TimerReset,   on: On::Screen(Screen::Numbing), footer: true, says: |u| &u.key_timer_reset },
    // Aftercare days.
    Binding { keys: &[c(']')],                 action: Action::NextDay,      on: On::Screen(Screen::Aftercare), footer: true,  says: |u| &u.key_next_day },
    Binding { keys: &[c('[')],                 action: Action::PrevDay,      on: On::Screen(Screen::Aftercare), footer: false, says: |u| &u.key_prev_day },
    // Everywhere.
    Binding { keys: &[k(RIGHT), c('l'), c(' '), k(ENTER)], action: Action::Next, on: Everywhere, footer: true, says: |u| &u.key_next },
    Binding { keys: &[k(LEFT), c('h')],        action: Action::Prev,         on: Everywhere, footer: true,  says: |u| &u.key_back },
    Binding { keys: &[k(DOWN), c('j')],        action: Action::CursorDown,   on: Everywhere, footer: true,  says: |u| &u.key_scroll },
    Binding { keys: &[k(UP), c('k')],          action: Action::CursorUp,     on: Everywhere, footer: false, says: |u| &u.key_scroll },
    Binding { keys: &[k(PGDN)],                action: Action::ScrollPage(1),  on: Everywhere, footer: false, says: |u| &u.key_page_down },
    Binding { keys: &[k(PGUP)],                action: Action::ScrollPage(-1), on: Everywhere, footer: false, says: |u| &u.key_page_up },
    Binding { keys: &[k(HOME), c('g')],        action: Action::First,        on: Everywhere, footer: false, says: |u| &u.key_first },
    Binding { keys: &[k(END), c('G')],         action: Action::Last,         on: Everywhere, footer: false, says: |u| &u.key_last },
    Binding { keys: &[c('1'), c('2'), c('3'), c('4'), c('5'), c('6'), c('7')], action: Action::GoToSection(0), on: Everywhere, footer: false, says: |u| &u.key_section_number },
    Binding { keys: &[k(TAB)],                 action: Action::OpenIndex,    on: Everywhere, footer: true,  says: |u| &u.key_index },
    Binding { keys: &[c('T')],                 action: Action::GoToToday,    on: Everywhere, footer: false, says: |u| &u.key_go_today },
    Binding { keys: &[c('D')],                 action: Action::OpenGoToDate, on: Everywhere, footer: false, says: |u| &u.key_go_date },
    Binding { keys: &[c('/')],                 action: Action::OpenSearch,   on: Everywhere, footer: true,  says: |u| &u.key_search },
    Binding { keys: &[c('n')],                 action: Action::SearchNext,   on: Everywhere, footer: false, says: |u| &u.key_search_next },
    Binding { keys: &[c('N')],                 action: Action::SearchPrev,   on: Everywhere, footer: false, says: |u| &u.key_search_prev },
    Binding { keys: &[c('!')],                 action: Action::WhenToCall,   on: Everywhere, footer: true,  says: |u| &u.key_call },
    Binding { keys: &[c('w')],                 action: Action::OpenGlossary, on: Everywhere, footer: false, says: |u| &u.key_glossary },
    Binding { keys: &[c('a')],                 action: Action::ToggleTeachBack, on: Everywhere, footer: false, says: |u| &u.key_teach_back },
    Binding { keys: &[c('L')],                 action: Action::CycleLanguage, on: Everywhere, footer: false, says: |u| &u.key_language },
    Binding { keys: &[c('R')],                 action: Action::ReadAloud,    on: Everywhere, footer: false, says: |u| &u.key_read_aloud },
    Binding { keys: &[c('Q')],                 action: Action::ShowQr,       on: Everywhere, footer: false, says: |u| &u.key_qr },
    Binding { keys: &[c('e')],                 action: Action::Export,       on: Everywhere, footer: false, says: |u| &u.key_export },
    Binding { keys: &[c('c')],                 action: Action::ExportCalendar, on: Everywhere, footer: false, says: |u| &u.key_calendar },
    Binding { keys: &[c('p')],                 action: Action::OpenPrint,    on: Everywhere, footer: false, says: |u| &u.key_print },
    Binding { keys: &[ctrl('n')],              action: Action::NewPatient,   on: Everywhere, footer: false, says: |u| &u.key_new_patient },
    Binding { keys: &[c('?')],                 action: Action::OpenHelp,     on: Everywhere, footer: true,  says: |u| &u.key_help },
    Binding { keys: &[k(ESC)],                 action: Action::Close,        on: Everywhere, footer: false, says: |u| &u.key_close },
    Binding { keys: &[c('q'), ctrl('c')],      action: Action::Quit,         on: Everywhere, footer: true,  says: |u| &u.key_quit },
];

impl Binding {
    /// Whether the binding applies in the app's current state.
    pub fn applies(&self, app: &App) -> bool {
        if !app.mode().allows(&self.action) {
            return false;
        }
        let window = app.overlays.open;
        match self.on {
            Window => window.is_some() && window != Some(Overlay::ConfirmNewPatient),
            Choices => matches!(window, Some(Overlay::Index { .. } | Overlay::Print)),
            Confirm => window == Some(Overlay::ConfirmNewPatient),
            On::Screen(screen) => window.is_none() && app.nav.screen == screen,
            Everywhere => window.is_none(),
        }
    }
}

/// Normalizes a crossterm key: Shift is part of the character already.
pub fn key_of(event: &KeyEvent) -> Key {
    let code = match event.code {
        KeyCode::BackTab => TAB,
        other => other,
    };
    Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    }
}

/// Whether a field has focus that takes this typed character.
fn typed(app: &App, ch: char) -> bool {
    let date_char = ch.is_ascii_digit() || matches!(ch, '/' | '.' | '-');
    match app.overlays.open {
        Some(Overlay::GoToDate) => date_char,
        Some(Overlay::Pin) => ch.is_ascii_digit(),
        Some(_) => false,
        // `-` on an empty or whole date is "a day earlier" (the table's);
        // inside a date being typed, it is typed.
        None => {
            let text = app.date.text.trim();
            let mid_date = !text.is_empty()
                && crate::app::date_entry::parse_typed(text, &app.content.language).is_err();
            app.nav.screen == Screen::Date && date_char && (ch != '-' || mid_date)
        }
    }
}

/// The action for a key press in the app's current state, if any.
pub fn action_for(app: &App, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = key_of(event);
    let kiosk = app.mode() == Mode::Kiosk;
    // The kiosk's staff chord: Ctrl+Alt+S, whatever is open.
    if kiosk
        && matches!(key.code, KeyCode::Char('s' | 'S'))
        && event
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::StaffExit);
    }
    // A text field with focus takes printable characters first.
    if app.search.prompt.is_some() {
        return match (key.code, key.ctrl) {
            (KeyCode::Char('c'), true) => Some(Action::Quit),
            (KeyCode::Char(ch), false) => Some(Action::Input(ch)),
            (BACKSPACE, _) => Some(Action::Backspace),
            (ENTER, _) => Some(Action::Submit),
            (ESC, _) => Some(Action::Close),
            _ => None,
        };
    }
    if matches!(app.overlays.open, Some(Overlay::GoToDate | Overlay::Pin)) {
        let action = match (key.code, key.ctrl) {
            (KeyCode::Char(ch), false) if typed(app, ch) => Some(Action::Input(ch)),
            (BACKSPACE, _) => Some(Action::Backspace),
            (ENTER, _) => Some(Action::Submit),
            (ESC, _) => Some(Action::Close),
            (KeyCode::Char('c'), true) => Some(Action::Quit),
            _ => None,
        };
        return action.or(kiosk.then_some(Action::StillHere));
    }
    if !key.ctrl
        && let KeyCode::Char(ch) = key.code
        && typed(app, ch)
    {
        return Some(Action::Input(ch));
    }
    let binding = BINDINGS
        .iter()
        .find(|b| b.keys.contains(&key) && b.applies(app));
    let Some(binding) = binding else {
        // On the kiosk's welcome screen any other key starts; anywhere else
        // in the kiosk, a key that means nothing still says "I am here".
        if kiosk && app.nav.screen == Screen::Welcome && app.overlays.open.is_none() && !key.ctrl {
            return Some(Action::Next);
        }
        return kiosk.then_some(Action::StillHere);
    };
    Some(match (&binding.action, key.code) {
        (Action::GoToSection(_), KeyCode::Char(ch)) => {
            Action::GoToSection(ch.to_digit(10)? as usize)
        }
        (action, _) => action.clone(),
    })
}

/// How a key is written in hints and help, in the reader's language.
pub fn key_label(key: &Key, ui: &UiText) -> String {
    let name = match key.code {
        RIGHT => "→".into(),
        LEFT => "←".into(),
        UP => "↑".into(),
        DOWN => "↓".into(),
        PGUP => ui.keyname_page_up.to_string(),
        PGDN => ui.keyname_page_down.to_string(),
        HOME => ui.keyname_home.to_string(),
        END => ui.keyname_end.to_string(),
        ENTER => ui.keyname_enter.to_string(),
        ESC => ui.keyname_esc.to_string(),
        TAB => ui.keyname_tab.to_string(),
        BACKSPACE => ui.keyname_backspace.to_string(),
        KeyCode::Char(' ') => ui.keyname_space.to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    if key.ctrl {
        format!("{}-{name}", ui.keyname_ctrl)
    } else {
        name
    }
}

/// The keys of a binding, e.g. "→ l Space Enter" (or "1-7").
pub fn keys_label(binding: &Binding, ui: &UiText) -> String {
    if matches!(binding.action, Action::GoToSection(_)) {
        return "1-7".into();
    }
    binding
        .keys
        .iter()
        .map(|k| key_label(k, ui))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bindings that apply now, each once, in table order; a key already
/// taken by a more specific binding is left out of a later one.
pub fn active(app: &App) -> Vec<(&'static Binding, Vec<Key>)> {
    let mut taken: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.applies(app)) {
        let keys: Vec<Key> = b
            .keys
            .iter()
            .copied()
            .filter(|k| !taken.contains(k))
            .collect();
        taken.extend(keys.iter().copied());
        if !keys.is_empty() {
            out.push((b, keys));
        }
    }
    out
}

/// The footer's hints for the current state: (keys, description, what a
/// click on the hint does).
pub fn hints(app: &App) -> Vec<(String, String, Action)> {
    let ui = app.ui();
    let mut out: Vec<(String, String, Action)> = Vec::new();
    for (b, keys) in active(app) {
        // A hint shows a binding's main key; when a more specific binding
        // took that key, the hint would mislead, so it is left out.
        if !b.footer || keys.first() != b.keys.first() {
            continue;
        }
        // The first key is enough in the footer; help lists them all.
        let label = if keys.contains(&k(DOWN)) {
            "↑↓".to_string()
        } else {
            key_label(&keys[0], ui)
        };
        let text = match b.action {
            // ↑↓ on the date: one hint for both directions.
            Action::DateAdjust(_) => ui.key_date_change.to_string(),
            _ => (b.says)(ui).to_string(),
        };
        if !out.iter().any(|(_, t, _)| *t == text) {
            // Scrolling hints scroll down when clicked.
            let action = match &b.action {
                Action::CursorDown | Action::CursorUp => Action::ScrollBy(3),
                other => other.clone(),
            };
            out.push((label, text, action));
        }
    }
    out
}

/// Where a binding works, in words (for the README and the manual page).
pub fn where_label(on: On, ui: &UiText) -> String {
    match on {
        Everywhere => "everywhere".into(),
        On::Screen(Screen::Welcome) => "kiosk welcome (any other key starts)".into(),
        On::Screen(Screen::Path) => "kiosk path".into(),
        On::Screen(Screen::Picker) => "guide picker".into(),
        On::Screen(Screen::Date) => "treatment date".into(),
        On::Screen(screen) => crate::ui::tab_name(ui, screen).to_lowercase(),
        Window => "in a window".into(),
        Choices => "section index, print window".into(),
        Confirm => "new-patient question".into(),
    }
}

/// Who can use a binding, from the modes' permissions.
pub fn who_label(action: &Action) -> &'static str {
    match (
        Mode::Practitioner.allows(action),
        Mode::Kiosk.allows(action),
    ) {
        (true, true) => "both",
        (true, false) => "practitioner",
        (false, true) => "kiosk",
        (false, false) => "nobody",
    }
}

/// The whole key table as rows: keys, what they do, where, who.
pub fn table(ui: &UiText) -> Vec<[String; 4]> {
    BINDINGS
        .iter()
        .map(|b| {
            [
                keys_label(b, ui),
                (b.says)(ui).to_string(),
                where_label(b.on, ui),
                who_label(&b.action).to_string(),
            ]
        })
        .collect()
}

/// The key table in Markdown (the README's copy is checked against it).
pub fn markdown_table(ui: &UiText) -> String {
    let mut out = String::from("| Keys | What it does | Where | Mode |\n|---|---|---|---|\n");
    for [keys, says, on, who] in table(ui) {
        let keys = keys
            .split(' ')
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!("| {keys} | {says} | {on} | {who} |\n"));
    }
    out
}

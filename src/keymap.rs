//! The key table: one list of bindings that turns keys into actions, draws
//! the footer's hints and writes the help overlay, so the three always agree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, App, KioskPath, Mode, Screen};
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

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Every screen.
    Global,
    /// One screen.
    On(Screen),
    /// While a window (help, glossary, index) is open.
    Overlay,
    /// While the section index is open.
    Index,
}

/// Who gets a binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Everyone,
    Practitioner,
}

/// One row of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub context: Context,
    pub who: Who,
    /// Shown in the footer's hints.
    pub hint: bool,
    pub describe: fn(&UiText) -> &str,
}

macro_rules! bind {
    ($keys:expr, $action:expr, $context:expr, $who:expr, $hint:expr, $field:ident) => {
        Binding {
            keys: $keys,
            action: $action,
            context: $context,
            who: $who,
            hint: $hint,
            describe: |ui: &UiText| ui.$field.as_str(),
        }
    };
}

use Context::{Global, On, Overlay};
use KeyCode::*;
use Who::{Everyone, Practitioner};

/// Every binding, most specific first: a key bound on a screen wins over the
/// same key bound everywhere.
pub static BINDINGS: &[Binding] = &[
    // Windows over the screen.
    bind!(
        &[k(Esc), c('q')],
        Action::Close,
        Overlay,
        Everyone,
        true,
        key_close
    ),
    bind!(
        &[k(Up), c('k')],
        Action::CursorUp,
        Overlay,
        Everyone,
        false,
        key_move
    ),
    bind!(
        &[k(Down), c('j')],
        Action::CursorDown,
        Overlay,
        Everyone,
        true,
        key_move
    ),
    bind!(
        &[k(Enter), c(' ')],
        Action::Submit,
        Overlay,
        Everyone,
        true,
        key_choose
    ),
    // The guide picker.
    bind!(
        &[c(' ')],
        Action::Toggle,
        On(Screen::Picker),
        Everyone,
        true,
        key_choose
    ),
    bind!(
        &[c('L')],
        Action::CycleLanguage,
        On(Screen::Picker),
        Everyone,
        true,
        key_language
    ),
    bind!(
        &[k(Down), c('j')],
        Action::CursorDown,
        On(Screen::Picker),
        Everyone,
        true,
        key_move
    ),
    bind!(
        &[k(Up), c('k')],
        Action::CursorUp,
        On(Screen::Picker),
        Everyone,
        false,
        key_move
    ),
    // The kiosk's welcome and path screens.
    bind!(
        &[k(Left), k(Right), k(Up), k(Down)],
        Action::CycleLanguage,
        On(Screen::Welcome),
        Everyone,
        true,
        key_language
    ),
    bind!(
        &[k(Down), c('j')],
        Action::CursorDown,
        On(Screen::Path),
        Everyone,
        true,
        key_move
    ),
    bind!(
        &[k(Up), c('k')],
        Action::CursorUp,
        On(Screen::Path),
        Everyone,
        false,
        key_move
    ),
    bind!(
        &[c('1')],
        Action::ChoosePath(KioskPath::GettingReady),
        On(Screen::Path),
        Everyone,
        false,
        key_choose
    ),
    bind!(
        &[c('2')],
        Action::ChoosePath(KioskPath::Treated),
        On(Screen::Path),
        Everyone,
        false,
        key_choose
    ),
    // The treatment date.
    bind!(
        &[c('t')],
        Action::DateToday,
        On(Screen::Date),
        Everyone,
        true,
        key_today
    ),
    bind!(
        &[k(Up), c('+')],
        Action::DateAdjust(1),
        On(Screen::Date),
        Everyone,
        false,
        key_date_later
    ),
    bind!(
        &[k(Down)],
        Action::DateAdjust(-1),
        On(Screen::Date),
        Everyone,
        true,
        key_date_change
    ),
    bind!(
        &[c('s')],
        Action::DateSkip,
        On(Screen::Date),
        Everyone,
        true,
        key_skip
    ),
    bind!(
        &[k(Enter)],
        Action::Submit,
        On(Screen::Date),
        Everyone,
        true,
        key_next
    ),
    bind!(
        &[k(Backspace)],
        Action::Backspace,
        On(Screen::Date),
        Everyone,
        false,
        key_delete
    ),
    // The preparation checklist.
    bind!(
        &[c(' ')],
        Action::Toggle,
        On(Screen::Preparation),
        Everyone,
        true,
        key_tick
    ),
    bind!(
        &[k(Down), c('j')],
        Action::CursorDown,
        On(Screen::Preparation),
        Everyone,
        true,
        key_move
    ),
    bind!(
        &[k(Up), c('k')],
        Action::CursorUp,
        On(Screen::Preparation),
        Everyone,
        false,
        key_move
    ),
    // The numbing countdown.
    bind!(
        &[c('t')],
        Action::TimerToggle,
        On(Screen::Numbing),
        Practitioner,
        true,
        key_timer
    ),
    bind!(
        &[c('r')],
        Action::TimerReset,
        On(Screen::Numbing),
        Practitioner,
        true,
        key_timer_reset
    ),
    // Aftercare days.
    bind!(
        &[c(']')],
        Action::NextDay,
        On(Screen::Aftercare),
        Everyone,
        true,
        key_next_day
    ),
    bind!(
        &[c('[')],
        Action::PrevDay,
        On(Screen::Aftercare),
        Everyone,
        false,
        key_prev_day
    ),
    // Everywhere.
    bind!(
        &[k(Right), c('l'), c(' '), k(Enter), k(PageDown)],
        Action::Next,
        Global,
        Everyone,
        true,
        key_next
    ),
    bind!(
        &[k(Left), c('h'), k(PageUp)],
        Action::Prev,
        Global,
        Everyone,
        true,
        key_back
    ),
    bind!(
        &[k(Down), c('j')],
        Action::CursorDown,
        Global,
        Everyone,
        true,
        key_scroll
    ),
    bind!(
        &[k(Up), c('k')],
        Action::CursorUp,
        Global,
        Everyone,
        false,
        key_scroll
    ),
    bind!(
        &[k(Home), c('g')],
        Action::First,
        Global,
        Everyone,
        false,
        key_first
    ),
    bind!(
        &[k(End), c('G')],
        Action::Last,
        Global,
        Practitioner,
        false,
        key_last
    ),
    bind!(
        &[c('1'), c('2'), c('3'), c('4'), c('5'), c('6'), c('7')],
        Action::GoToSection(0),
        Global,
        Practitioner,
        false,
        key_section_number
    ),
    bind!(
        &[k(Tab)],
        Action::OpenIndex,
        Global,
        Practitioner,
        true,
        key_index
    ),
    bind!(
        &[c('/')],
        Action::OpenSearch,
        Global,
        Practitioner,
        true,
        key_search
    ),
    bind!(
        &[c('n')],
        Action::SearchNext,
        Global,
        Practitioner,
        false,
        key_search_next
    ),
    bind!(
        &[c('N')],
        Action::SearchPrev,
        Global,
        Practitioner,
        false,
        key_search_prev
    ),
    bind!(
        &[c('!')],
        Action::WhenToCall,
        Global,
        Everyone,
        true,
        key_call
    ),
    bind!(
        &[c('w')],
        Action::OpenGlossary,
        Global,
        Everyone,
        false,
        key_glossary
    ),
    bind!(
        &[c('a')],
        Action::ToggleTeachBack,
        Global,
        Practitioner,
        false,
        key_teach_back
    ),
    bind!(
        &[c('L')],
        Action::CycleLanguage,
        Global,
        Practitioner,
        false,
        key_language
    ),
    bind!(
        &[c('e')],
        Action::Export,
        Global,
        Practitioner,
        false,
        key_export
    ),
    bind!(&[c('p')], Action::Print, Global, Everyone, false, key_print),
    bind!(
        &[c('?')],
        Action::OpenHelp,
        Global,
        Everyone,
        true,
        key_help
    ),
    bind!(&[k(Esc)], Action::Close, Global, Everyone, false, key_close),
    bind!(
        &[
            c('q'),
            Key {
                code: Char('c'),
                ctrl: true
            }
        ],
        Action::Quit,
        Global,
        Practitioner,
        true,
        key_quit
    ),
];

impl Binding {
    pub fn applies(&self, app: &App) -> bool {
        let who = match self.who {
            Everyone => true,
            Practitioner => app.mode == Mode::Practitioner,
        };
        let context = match self.context {
            Overlay => app.overlay.is_some(),
            Context::Index => matches!(app.overlay, Some(crate::app::Overlay::Index { .. })),
            On(screen) => app.overlay.is_none() && app.screen == screen,
            Global => app.overlay.is_none(),
        };
        who && context
    }
}

/// Normalizes a crossterm key: Shift is part of the character already.
pub fn key_of(event: &KeyEvent) -> Key {
    let code = match event.code {
        BackTab => Tab,
        other => other,
    };
    Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    }
}

/// The action for a key press in the app's current state, if any.
pub fn action_for(app: &App, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = key_of(event);
    // The kiosk's staff chord: Ctrl+Alt+S.
    if app.mode == Mode::Kiosk
        && matches!(key.code, Char('s' | 'S'))
        && event
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::StaffExit);
    }
    // The PIN prompt takes digits.
    if app.overlay == Some(crate::app::Overlay::Pin) {
        return match key.code {
            Char(ch) if ch.is_ascii_digit() && !key.ctrl => Some(Action::Input(ch)),
            Backspace => Some(Action::Backspace),
            Enter => Some(Action::Submit),
            Esc => Some(Action::Close),
            _ => None,
        };
    }
    // A text field with focus takes printable characters first.
    if app.search.prompt.is_some() {
        return match (key.code, key.ctrl) {
            (Char('c'), true) if app.mode == Mode::Practitioner => Some(Action::Quit),
            (Char(ch), false) => Some(Action::Input(ch)),
            (Backspace, _) => Some(Action::Backspace),
            (Enter, _) => Some(Action::Submit),
            (Esc, _) => Some(Action::Close),
            _ => None,
        };
    }
    if app.overlay.is_none()
        && app.screen == Screen::Date
        && !key.ctrl
        && let Char(ch) = key.code
        && (ch.is_ascii_digit() || ch == '-')
    {
        return Some(Action::Input(ch));
    }
    let binding = BINDINGS
        .iter()
        .find(|b| b.applies(app) && b.keys.contains(&key));
    // On the kiosk's welcome screen any other key starts.
    if binding.is_none() && app.screen == Screen::Welcome && app.overlay.is_none() && !key.ctrl {
        return Some(Action::Next);
    }
    let binding = binding?;
    Some(match (&binding.action, key.code) {
        (Action::GoToSection(_), Char(ch)) => Action::GoToSection(ch.to_digit(10)? as usize),
        (action, _) => action.clone(),
    })
}

/// How a key is written in hints and help.
pub fn key_label(key: &Key) -> String {
    let name = match key.code {
        Right => "→".into(),
        Left => "←".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        Backspace => "Backspace".into(),
        Char(' ') => "Space".into(),
        Char(ch) => ch.to_string(),
        F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The keys of a binding, e.g. "→ l Space Enter PgDn" (or "1-7").
pub fn keys_label(binding: &Binding) -> String {
    if matches!(binding.action, Action::GoToSection(_)) {
        return "1-7".into();
    }
    binding
        .keys
        .iter()
        .map(key_label)
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
        if !b.hint || keys.first() != b.keys.first() {
            continue;
        }
        // The first key is enough in the footer; help lists them all.
        let label = if keys.contains(&k(Down)) {
            "↑↓".to_string()
        } else {
            key_label(&keys[0])
        };
        let text = (b.describe)(ui).to_string();
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

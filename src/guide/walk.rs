//! Every piece of text in a guide, visited once: for filling in
//! references, and for the checks that look at all text (references,
//! markup, format version).

use super::model::*;

/// Whose values a text may refer to: the guide's own, or the guide's with
/// one add-on merged in (an add-on's text may name its own limits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Guide,
    Addon(usize),
}

macro_rules! walk_body {
    ($g:ident, $f:ident, $($m:ident)?) => {{
        let s = Scope::Guide;
        $f(& $($m)? $g.title, s);
        $f(& $($m)? $g.treatment, s);
        $f(& $($m)? $g.main_message, s);
        $f(& $($m)? $g.disclaimer, s);
        $f(& $($m)? $g.contact.name, s);
        if let Some(t) = & $($m)? $g.contact.after_hours { $f(t, s); }
        for c in & $($m)? $g.categories { $f(& $($m)? c.name, s); }
        for t in & $($m)? $g.overview.about { $f(t, s); }
        walk_notes!(& $($m)? $g.overview.notes, $f, s, $($m)?);
        for st in & $($m)? $g.preparation.steps { $f(& $($m)? st.text, s); }
        for q in & $($m)? $g.preparation.screening {
            $f(& $($m)? q.question, s);
            if let Some(t) = & $($m)? q.why { $f(t, s); }
        }
        walk_notes!(& $($m)? $g.preparation.notes, $f, s, $($m)?);
        $f(& $($m)? $g.numbing.what, s);
        for t in & $($m)? $g.numbing.lines.steps { $f(t, s); }
        for t in & $($m)? $g.numbing.lines.feel { $f(t, s); }
        for t in & $($m)? $g.numbing.lines.safety { $f(t, s); }
        walk_notes!(& $($m)? $g.numbing.notes, $f, s, $($m)?);
        for t in & $($m)? $g.procedure.lines.steps { $f(t, s); }
        for t in & $($m)? $g.procedure.lines.feel { $f(t, s); }
        for t in & $($m)? $g.procedure.lines.right_after { $f(t, s); }
        walk_notes!(& $($m)? $g.procedure.notes, $f, s, $($m)?);
        for e in & $($m)? $g.aftercare {
            if let Some(t) = & $($m)? e.title { $f(t, s); }
            for c in & $($m)? e.care {
                for l in & $($m)? c.lines { $f(& $($m)? l.text, s); }
            }
            walk_notes!(& $($m)? e.notes, $f, s, $($m)?);
        }
        for r in & $($m)? $g.restrictions {
            $f(& $($m)? r.label, s);
            for t in & $($m)? r.notes { $f(t, s); }
            if let Some(t) = & $($m)? r.reminder { $f(t, s); }
        }
        for ms in & $($m)? $g.milestones { $f(& $($m)? ms.text, s); }
        for t in & $($m)? $g.warning_signs.call_clinic { $f(t, s); }
        for t in & $($m)? $g.warning_signs.emergency { $f(t, s); }
        if let Some(t) = & $($m)? $g.warning_signs.emergency_call { $f(t, s); }
        for c in & $($m)? $g.warning_signs.compare {
            $f(& $($m)? c.normal, s);
            $f(& $($m)? c.call, s);
        }
        for e in & $($m)? $g.glossary { $f(& $($m)? e.definition, s); }
        for v in & $($m)? $g.visits { $f(& $($m)? v.name, s); }
        for (i, a) in (& $($m)? $g.addons).into_iter().enumerate() {
            let s = Scope::Addon(i);
            $f(& $($m)? a.name, s);
            $f(& $($m)? a.label, s);
            for t in & $($m)? a.about { $f(t, s); }
            for st in & $($m)? a.preparation.steps {
                if let Some(t) = & $($m)? st.line.text { $f(t, s); }
            }
            for q in & $($m)? a.preparation.screening {
                $f(& $($m)? q.question, s);
                if let Some(t) = & $($m)? q.why { $f(t, s); }
            }
            for list in [
                & $($m)? a.numbing.steps, & $($m)? a.numbing.feel, & $($m)? a.numbing.safety,
                & $($m)? a.procedure.steps, & $($m)? a.procedure.feel, & $($m)? a.procedure.right_after,
                & $($m)? a.warning_signs.call_clinic, & $($m)? a.warning_signs.emergency,
            ] {
                for l in list { if let Some(t) = & $($m)? l.text { $f(t, s); } }
            }
            for c in & $($m)? a.warning_signs.compare {
                $f(& $($m)? c.normal, s);
                $f(& $($m)? c.call, s);
            }
            for e in & $($m)? a.aftercare { walk_addon_care!(e, $f, s, $($m)?); }
            for r in & $($m)? a.restrictions { walk_addon_restriction!(r, $f, s, $($m)?); }
            for e in & $($m)? a.glossary { $f(& $($m)? e.definition, s); }
            for ms in & $($m)? a.milestones { $f(& $($m)? ms.text, s); }
            if let Some(v) = & $($m)? a.visit {
                $f(& $($m)? v.name, s);
                for e in & $($m)? v.aftercare { walk_addon_care!(e, $f, s, $($m)?); }
                for r in & $($m)? v.restrictions { walk_addon_restriction!(r, $f, s, $($m)?); }
            }
        }
    }};
}

macro_rules! walk_notes {
    ($n:expr, $f:ident, $s:ident, $($m:ident)?) => {{
        let n = $n;
        for t in & $($m)? n.key_points { $f(t, $s); }
        for t in & $($m)? n.teach_back { $f(t, $s); }
    }};
}

macro_rules! walk_addon_care {
    ($e:ident, $f:ident, $s:ident, $($m:ident)?) => {
        for c in & $($m)? $e.care {
            for (_, l) in & $($m)? c.lines {
                if let Some(t) = & $($m)? l.text { $f(t, $s); }
            }
        }
    };
}

macro_rules! walk_addon_restriction {
    ($r:ident, $f:ident, $s:ident, $($m:ident)?) => {
        if let Some(t) = & $($m)? $r.label { $f(t, $s); }
        if let Some(t) = & $($m)? $r.note { $f(t, $s); }
        if let Some(t) = & $($m)? $r.reminder { $f(t, $s); }
    };
}

/// Calls `f` on every text of the guide and its add-ons, with the scope
/// its references are read in.
pub fn texts<'g>(g: &'g Guide, mut f: impl FnMut(&'g Text, Scope)) {
    walk_body!(g, f,)
}

/// Calls `f` on every text of the guide and its add-ons, to change it.
pub fn texts_mut(g: &mut Guide, mut f: impl FnMut(&mut Text, Scope)) {
    walk_body!(g, f, mut)
}

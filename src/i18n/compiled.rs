//! The interface text compiled at build time: `build.rs` runs [`compile`]
//! on each `i18n/*.ftl` file and writes the result as Rust data
//! ([`to_rust`]), so the app never parses its own language files. A
//! message of text, variables and choices by a variable (`{ $n -> [one]
//! ... *[other] ... }`) -- every message the app ships -- is stored as its
//! pieces and filled in without Fluent (`i18n::Messages::write`, tested
//! against Fluent on every message); anything else (a function, a
//! reference to another message) is kept as a small Fluent file of its
//! own, which Fluent parses the first time it is needed.
//!
//! Compiled into the build script too (by `#[path]`): this module uses
//! nothing of the app but `fluent_syntax`.

use std::borrow::Cow;

use fluent_syntax::ast;

/// A piece of a message (`Day { $n }` is a text and a variable).
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(Cow<'static, str>),
    Variable(Cow<'static, str>),
    /// `{ $n -> [one] ... *[other] ... }`: the first variant whose key
    /// matches the variable's value, else the default one.
    Select {
        variable: Cow<'static, str>,
        variants: Cow<'static, [Variant]>,
    },
}

/// One variant of a [`Piece::Select`].
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub key: VariantKey,
    /// Written `*[other]`: taken when no key matches.
    pub default: bool,
    pub pieces: Cow<'static, [Piece]>,
}

/// A variant's key, as written.
#[derive(Clone, Debug, PartialEq)]
pub enum VariantKey {
    /// `[one]`: a plural category (for a number), or a text to equal.
    Name(Cow<'static, str>),
    /// `[0]`: a number to equal.
    Number(Cow<'static, str>),
}

/// One message of a language file.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledMessage {
    /// Its id in the file (`starting-over-in`).
    pub id: Cow<'static, str>,
    /// Its pieces, when it holds nothing but text, variables and choices
    /// by a variable; `None` when it needs Fluent's resolver.
    pub pieces: Option<Cow<'static, [Piece]>>,
}

/// One language file, compiled.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledFile {
    /// Every message, in the file's order (the order the app asks for
    /// them, mostly: see `i18n::from_compiled`).
    pub messages: Cow<'static, [CompiledMessage]>,
    /// The indexes of `messages`, sorted by id.
    pub by_id: Cow<'static, [u16]>,
    /// The messages that need Fluent's resolver, as a Fluent file of their
    /// own (each copied from the file as written).
    pub fluent: Cow<'static, str>,
}

/// The pieces of a message, if it holds nothing but text, variables and
/// choices by a variable (whose variants hold the same).
pub fn pieces_of(pattern: &ast::Pattern<&str>) -> Option<Vec<Piece>> {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => {
                Some(Piece::Text(Cow::Owned(value.to_string())))
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => Some(Piece::Variable(Cow::Owned(id.name.to_string()))),
            ast::PatternElement::Placeable {
                expression:
                    ast::Expression::Select {
                        selector: ast::InlineExpression::VariableReference { id },
                        variants,
                    },
            } => {
                let variants = variants
                    .iter()
                    .map(|v| {
                        Some(Variant {
                            key: match &v.key {
                                ast::VariantKey::Identifier { name } => {
                                    VariantKey::Name(Cow::Owned(name.to_string()))
                                }
                                ast::VariantKey::NumberLiteral { value } => {
                                    VariantKey::Number(Cow::Owned(value.to_string()))
                                }
                            },
                            default: v.default,
                            pieces: Cow::Owned(pieces_of(&v.value)?),
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(Piece::Select {
                    variable: Cow::Owned(id.name.to_string()),
                    variants: Cow::Owned(variants),
                })
            }
            _ => None,
        })
        .collect()
}

/// A language file compiled, as the app reads it: `None` when Fluent
/// would not take it whole (a syntax error, a message defined twice), so
/// that the app falls back to English as it always has for such a file. A
/// message without text is left out (the app finds it missing). Should a
/// file ever use terms or refer to other messages, the Fluent part is the
/// whole file, so that every reference resolves.
#[allow(dead_code)] // used by build.rs and the tests
pub fn compile(source: &str) -> Option<CompiledFile> {
    let resource = fluent_syntax::parser::parse_runtime(source).ok()?;
    let base = source.as_ptr() as usize;
    // Where each entry starts: a message at its id, a term at its `-`.
    let starts: Vec<usize> = resource
        .body
        .iter()
        .map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.as_ptr() as usize - base),
            ast::Entry::Term(t) => Some(t.id.name.as_ptr() as usize - base - 1),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let refers = resource.body.iter().any(|entry| match entry {
        ast::Entry::Message(m) => m.value.as_ref().is_some_and(refers_to_others),
        _ => true,
    });
    let mut messages = Vec::new();
    let mut fluent = String::new();
    for (i, entry) in resource.body.iter().enumerate() {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let Some(value) = &m.value else {
            continue;
        };
        let pieces = pieces_of(value);
        if pieces.is_none() && !refers {
            // From its id to the next entry (comments between are
            // harmless in a Fluent file).
            let end = starts.get(i + 1).copied().unwrap_or(source.len());
            fluent.push_str(&source[starts[i]..end]);
            if !fluent.ends_with('\n') {
                fluent.push('\n');
            }
        }
        messages.push(CompiledMessage {
            id: Cow::Owned(m.id.name.to_string()),
            pieces: pieces.map(Cow::Owned),
        });
    }
    if refers {
        fluent = source.to_string();
    }
    let mut by_id: Vec<u16> = (0..u16::try_from(messages.len()).ok()?).collect();
    by_id.sort_by(|&a, &b| {
        messages[usize::from(a)]
            .id
            .cmp(&messages[usize::from(b)].id)
    });
    if by_id
        .windows(2)
        .any(|w| messages[usize::from(w[0])].id == messages[usize::from(w[1])].id)
    {
        return None;
    }
    Some(CompiledFile {
        messages: Cow::Owned(messages),
        by_id: Cow::Owned(by_id),
        fluent: Cow::Owned(fluent),
    })
}

/// Whether a pattern refers to a term or to another message.
fn refers_to_others(pattern: &ast::Pattern<&str>) -> bool {
    fn expression(e: &ast::Expression<&str>) -> bool {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector) || variants.iter().any(|v| refers_to_others(&v.value))
            }
            ast::Expression::Inline(i) => inline(i),
        }
    }
    fn inline(i: &ast::InlineExpression<&str>) -> bool {
        match i {
            ast::InlineExpression::MessageReference { .. }
            | ast::InlineExpression::TermReference { .. } => true,
            ast::InlineExpression::FunctionReference { arguments, .. } => arguments
                .positional
                .iter()
                .chain(arguments.named.iter().map(|a| &a.value))
                .any(inline),
            ast::InlineExpression::Placeable { expression: e } => expression(e),
            _ => false,
        }
    }
    pattern.elements.iter().any(|element| match element {
        ast::PatternElement::Placeable { expression: e } => expression(e),
        ast::PatternElement::TextElement { .. } => false,
    })
}

/// A compiled file as a Rust expression of type `Option<CompiledFile>`
/// (all borrowed, for a `static`).
#[allow(dead_code)] // used by build.rs and the tests
pub fn to_rust(file: Option<&CompiledFile>) -> String {
    let Some(file) = file else {
        return "None".to_string();
    };
    let mut out = String::from("Some(CompiledFile {\n    messages: Cow::Borrowed(&[\n");
    for m in file.messages.iter() {
        out.push_str(&format!(
            "        CompiledMessage {{ id: Cow::Borrowed({:?}), pieces: ",
            m.id
        ));
        match &m.pieces {
            None => out.push_str("None"),
            Some(pieces) => {
                out.push_str("Some(");
                pieces_to_rust(pieces, &mut out);
                out.push(')');
            }
        }
        out.push_str(" },\n");
    }
    out.push_str(&format!(
        "    ]),\n    by_id: Cow::Borrowed(&{:?}),\n    fluent: Cow::Borrowed({:?}),\n}})",
        file.by_id, file.fluent
    ));
    out
}

/// Pieces as a Rust expression of type `Cow<'static, [Piece]>`.
#[allow(dead_code)] // used by build.rs and the tests
fn pieces_to_rust(pieces: &[Piece], out: &mut String) {
    out.push_str("Cow::Borrowed(&[");
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&format!("Piece::Text(Cow::Borrowed({t:?})), ")),
            Piece::Variable(v) => out.push_str(&format!("Piece::Variable(Cow::Borrowed({v:?})), ")),
            Piece::Select { variable, variants } => {
                out.push_str(&format!(
                    "Piece::Select {{ variable: Cow::Borrowed({variable:?}), variants: Cow::Borrowed(&["
                ));
                for v in variants.iter() {
                    let key = match &v.key {
                        VariantKey::Name(n) => format!("VariantKey::Name(Cow::Borrowed({n:?}))"),
                        VariantKey::Number(n) => {
                            format!("VariantKey::Number(Cow::Borrowed({n:?}))")
                        }
                    };
                    out.push_str(&format!(
                        "Variant {{ key: {key}, default: {}, pieces: ",
                        v.default
                    ));
                    pieces_to_rust(&v.pieces, out);
                    out.push_str(" }, ");
                }
                out.push_str("]) }, ");
            }
        }
    }
    out.push_str("])");
}

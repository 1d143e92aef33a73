//! `textDocument/documentSymbol`: the resume's outline, sections with their roles, read
//! from the engine's `Resume` model.

use super::position;
use super::session::Snapshot;
use hirelint_rules::{Resume, TextRange};
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind,
};

pub fn document_symbols(snap: &Snapshot) -> Option<DocumentSymbolResponse> {
    let analysis = snap.analysis()?;
    let resolved = snap.resolved.as_deref()?;
    let input = snap.input(&analysis.text, resolved, None);
    let resume = Resume::parse(&analysis.text, input.format, &resolved.settings.data);
    let symbol = |name: String, kind, range: TextRange, selection: TextRange, detail| {
        #[allow(deprecated)] // `deprecated` is a required field of the struct.
        DocumentSymbol {
            name,
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: position::range(&snap.rope, range.cover(selection), snap.encoding),
            selection_range: position::range(&snap.rope, selection, snap.encoding),
            children: None,
        }
    };
    let role_symbol = |role: &hirelint_rules::document::Role| {
        let header = role.header.as_ref()?;
        let name = one_line(header.as_str());
        if name.is_empty() {
            return None;
        }
        let detail = role.dates.as_ref().map(|d| one_line(d.as_str()));
        Some(symbol(
            name,
            SymbolKind::OBJECT,
            role.span,
            header.span(),
            detail,
        ))
    };
    let mut symbols = Vec::new();
    for (i, section) in resume.sections.iter().enumerate() {
        let selection = section.heading.as_ref().map_or(section.span, |h| h.span());
        let name = section
            .heading
            .as_ref()
            .map(|h| one_line(h.as_str()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{:?}", section.kind));
        let mut s = symbol(name, SymbolKind::NAMESPACE, section.span, selection, None);
        let roles: Vec<DocumentSymbol> = resume
            .roles
            .iter()
            .filter(|r| r.section == Some(i))
            .filter_map(role_symbol)
            .collect();
        if !roles.is_empty() {
            // A parent's range must contain its children's.
            let mut range = section.span.cover(selection);
            for r in resume.roles.iter().filter(|r| r.section == Some(i)) {
                range = range.cover(r.span);
            }
            s.range = position::range(&snap.rope, range, snap.encoding);
            s.children = Some(roles);
        }
        symbols.push(s);
    }
    // Roles outside any section (a role list at the top level of a YAML file).
    symbols.extend(
        resume
            .roles
            .iter()
            .filter(|r| r.section.is_none())
            .filter_map(role_symbol),
    );
    if snap.caps.hierarchical_symbols {
        return Some(DocumentSymbolResponse::Nested(symbols));
    }
    let mut flat = Vec::new();
    flatten(snap, symbols, None, &mut flat);
    Some(DocumentSymbolResponse::Flat(flat))
}

/// For clients without hierarchical symbols: each symbol with its container's name.
fn flatten(
    snap: &Snapshot,
    symbols: Vec<DocumentSymbol>,
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    for s in symbols {
        #[allow(deprecated)] // `deprecated` is a required field of the struct.
        out.push(SymbolInformation {
            name: s.name.clone(),
            kind: s.kind,
            tags: None,
            deprecated: None,
            location: Location::new(snap.uri.clone(), s.range),
            container_name: container.map(str::to_owned),
        });
        if let Some(children) = s.children {
            flatten(snap, children, Some(&s.name), out);
        }
    }
}

/// The text on one line, whitespace collapsed, at most 80 chars.
fn one_line(s: &str) -> String {
    let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(&text)),
        None => text,
    }
}

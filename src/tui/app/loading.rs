//! Background work arriving: on [`Action::Loaded`] the app asks the source again for what it
//! showed as "berekenen…": the score table, the lens panel's top-tier counts, an area waiting
//! to open, the flagged list of an open area and the flags (under the lens in use) of an open
//! (or about to be shown) entity. Each of these asks [`DataSource::ready`] first, so nothing here waits either.

use super::purpose::Pending;
use super::*;

impl App {
    pub(super) fn loaded(&mut self) {
        if self.loading {
            self.rescore();
        }
        if let Some(code) = self.opening.take() {
            self.open_area(&code);
        }
        self.refresh_flagged();
        self.refresh_entity_flags();
        // Last: the source takes in finished work when asked whether something is ready.
        self.refresh_top_tiers();
    }

    /// The top-tier counts of the lens panel, as far as the source has them.
    fn refresh_top_tiers(&mut self) {
        // Asking about the table in force (ready by now, or wanted anyway) makes the source
        // take in what its worker finished.
        if let Some(req) = self.request() {
            self.source.ready(Need::Scores(&req));
        }
        let fresh = self.source.lenses();
        for l in &mut self.lenses {
            if l.top_tier.is_none()
                && let Some(f) = fresh.iter().find(|f| f.id == l.id)
            {
                l.top_tier = f.top_tier;
            }
        }
    }

    /// The first page of flagged entities of every open area whose lens's flags are now
    /// ready.
    fn refresh_flagged(&mut self) {
        for i in 0..self.stack.len() {
            let Screen::Area(v) = &self.stack[i] else {
                continue;
            };
            if !v.flags_pending || !self.source.ready(Need::Flags(&v.req.lens)) {
                continue;
            }
            let (lens, area) = (v.req.lens.clone(), v.detail.row.code.clone());
            let page = self.source.first_flagged_page(&lens, &area);
            let Screen::Area(v) = &mut self.stack[i] else {
                continue;
            };
            v.flags_pending = false;
            match page {
                Ok(lines) => {
                    v.more = lines.len() >= PAGE;
                    v.detail.flagged = lines;
                    v.flagged = Cursor::default();
                }
                Err(e) => self.say(e, true),
            }
        }
    }

    /// The flags of entity views (on screen, or waiting for their audit entry) that were
    /// opened before every lens's flags were ready.
    fn refresh_entity_flags(&mut self) {
        let waiting = |v: &EntityView| v.flags_pending;
        let any = self
            .stack
            .iter()
            .any(|s| matches!(s, Screen::Entity(v) if waiting(v)))
            || matches!(&self.pending, Some(Pending::Entity(v)) if waiting(v));
        if !any {
            return;
        }
        let lens = self.lens().map(|l| l.id.clone()).unwrap_or_default();
        let all = self.source.ready(Need::Flags(&lens));
        let mut views: Vec<&mut EntityView> = self
            .stack
            .iter_mut()
            .filter_map(|s| match s {
                Screen::Entity(v) => Some(&mut **v),
                _ => None,
            })
            .collect();
        if let Some(Pending::Entity(v)) = &mut self.pending {
            views.push(&mut **v);
        }
        for v in views {
            if !v.flags_pending {
                continue;
            }
            // The same entity again: only its flags are taken, the rest is what was audited.
            if let Ok(d) = self.source.entity(&v.detail.target) {
                v.detail.flags = d.flags;
            }
            v.flags_pending = !all;
        }
    }
}

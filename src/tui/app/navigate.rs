//! Moving around: cursors, panels, opening areas and entities (the screen stack), the score
//! table's lens, level, sort and filter, and live weights.

use super::*;

impl App {
    pub fn selected_row(&self) -> Option<&AreaRow> {
        self.shown.get(self.table.pos).map(|&i| &self.rows[i])
    }

    pub(super) fn select_lens(&mut self, i: usize) {
        let page = self.page();
        self.lens_cursor.set(i, self.lenses.len(), page);
        if let Some((level, compare)) = self.lens().map(|l| (l.level, l.compare)) {
            self.level = level;
            self.compare = compare;
        }
        self.rescore();
    }

    /// Asks the source for the table again, keeping the cursor on the same area if it stays.
    /// While the source is still computing the table it stays empty and `loading` is set;
    /// [`Action::Loaded`] asks again.
    pub fn rescore(&mut self) {
        let keep = self.selected_row().map(|r| r.code.clone());
        let req = self.request();
        self.loading = req
            .as_ref()
            .is_some_and(|r| !self.source.ready(Need::Scores(r)));
        if self.loading {
            self.rows = Vec::new();
            self.rearrange(keep);
            return;
        }
        self.rows = match req.map(|r| self.source.scores(&r)) {
            Some(Ok(rows)) => rows,
            Some(Err(e)) => {
                self.say(e, true);
                Vec::new()
            }
            None => Vec::new(),
        };
        self.rearrange(keep);
    }

    pub(super) fn rearrange(&mut self, keep: Option<String>) {
        self.shown = arrange(&self.rows, &self.filter, self.sort);
        let pos = keep
            .and_then(|c| self.shown.iter().position(|&i| self.rows[i].code == c))
            .unwrap_or(0);
        let page = self.page();
        self.table.set(pos, self.shown.len(), page);
    }

    pub(super) fn sort_by(&mut self, col: Column, asc: bool) {
        self.sort = Some((col, asc));
        self.column = col;
        let keep = self.selected_row().map(|r| r.code.clone());
        self.rearrange(keep);
    }

    pub(super) fn switch_panel(&mut self, forward: bool) {
        match self.stack.last_mut() {
            None => {
                self.focus = match self.focus {
                    Panel::Lenses => Panel::Table,
                    Panel::Table => Panel::Lenses,
                }
            }
            Some(Screen::LensDetail(v)) => v.focus_ranking = !v.focus_ranking,
            Some(Screen::Area(v)) => {
                use AreaPanel::*;
                v.focus = match (v.focus, forward) {
                    (Indicators, true) | (Signals, false) => Flagged,
                    (Flagged, true) | (Indicators, false) => Signals,
                    (Signals, true) | (Flagged, false) => Indicators,
                }
            }
            Some(Screen::Entity(_)) => {}
        }
    }

    pub(super) fn move_cursor(&mut self, mv: Move) {
        let page = self.page();
        let apply = |c: &mut Cursor, len: usize| match mv {
            Move::By(d) => c.move_by(d, len, page),
            Move::To(p) => c.set(p, len, page),
            Move::End => c.set(usize::MAX, len, page),
        };
        let rows = self.shown.len();
        match self.stack.last_mut() {
            None if self.focus == Panel::Lenses => {
                let mut c = self.lens_cursor;
                apply(&mut c, self.lenses.len());
                if c.pos != self.lens_cursor.pos {
                    self.select_lens(c.pos);
                }
                self.lens_cursor = c;
            }
            None => apply(&mut self.table, rows),
            Some(Screen::LensDetail(v)) => {
                if v.focus_ranking {
                    apply(&mut v.ranking, rows);
                } else {
                    let n = self
                        .lenses
                        .get(self.lens_cursor.pos)
                        .map_or(0, |l| l.indicators.len());
                    apply(&mut v.cursor, n);
                }
            }
            Some(Screen::Area(v)) => match v.focus {
                AreaPanel::Indicators => apply(&mut v.indicators, v.detail.indicators.len()),
                AreaPanel::Signals => apply(&mut v.signals, v.detail.signals.len()),
                AreaPanel::Flagged => {
                    let wants_more = match mv {
                        Move::By(d) => {
                            v.flagged.pos as isize + d >= v.detail.flagged.len() as isize
                        }
                        Move::End => true,
                        Move::To(_) => false,
                    };
                    if wants_more && v.more {
                        self.load_flagged();
                    }
                    if let Some(Screen::Area(v)) = self.stack.last_mut() {
                        apply(&mut v.flagged, v.detail.flagged.len());
                    }
                }
            },
            Some(Screen::Entity(v)) => {
                let n = v.targets().len();
                apply(&mut v.cursor, n);
            }
        }
    }

    /// Fetches the next page of flagged entities (keyset: after the last key loaded).
    pub(super) fn load_flagged(&mut self) {
        let Some(Screen::Area(v)) = self.stack.last() else {
            return;
        };
        let Some(last) = v.detail.flagged.last() else {
            return;
        };
        let (lens, area, after) = (
            v.req.lens.clone(),
            v.detail.row.code.clone(),
            last.key.clone(),
        );
        // The source may have let the lens's flags go: the list refills once they are back.
        if !self.source.ready(Need::Flags(&lens)) {
            if let Some(Screen::Area(v)) = self.stack.last_mut() {
                v.flags_pending = true;
                v.more = false;
            }
            return;
        }
        let page = self.source.flagged_page(&lens, &area, &after);
        if let Some(Screen::Area(v)) = self.stack.last_mut() {
            match page {
                Ok(lines) => {
                    v.more = lines.len() >= PAGE;
                    v.detail.flagged.extend(lines);
                }
                Err(e) => {
                    v.more = false;
                    self.say(e, true);
                }
            }
        }
    }

    pub(super) fn open(&mut self) -> Option<Effect> {
        match self.stack.last() {
            None if self.focus == Panel::Lenses => self.push_lens_detail(),
            None => {
                if let Some(code) = self.selected_row().map(|r| r.code.clone()) {
                    self.open_area(&code);
                }
            }
            Some(Screen::LensDetail(v)) => {
                if v.focus_ranking
                    && let Some(&i) = self.shown.get(v.ranking.pos)
                {
                    let code = self.rows[i].code.clone();
                    self.open_area(&code);
                }
            }
            Some(Screen::Area(v)) => {
                let target = match v.focus {
                    AreaPanel::Flagged => v
                        .detail
                        .flagged
                        .get(v.flagged.pos)
                        .map(|l| l.target.clone()),
                    AreaPanel::Signals => v
                        .detail
                        .signals
                        .get(v.signals.pos)
                        .and_then(|s| s.target.clone()),
                    AreaPanel::Indicators => None,
                };
                if let Some(t) = target {
                    return self.open_entity(&t, Via::Open);
                }
            }
            Some(Screen::Entity(v)) => {
                if let Some(t) = v.targets().get(v.cursor.pos).map(|t| (*t).clone()) {
                    return self.open_entity(&t, Via::Open);
                }
            }
        }
        None
    }

    pub(super) fn push_lens_detail(&mut self) {
        if self.lens().is_some() {
            self.stack.push(Screen::LensDetail(LensView {
                cursor: Cursor::default(),
                ranking: Cursor::default(),
                focus_ranking: false,
            }));
        }
    }

    /// Opens an area under the root table's lens and settings.
    /// When the source is still scoring the area's level, the area opens once it is done
    /// (see `loading.rs`); keys keep working meanwhile.
    pub fn open_area(&mut self, code: &str) {
        let Some(req) = self.request() else {
            return;
        };
        if !self.source.ready(Need::Area(&req, code)) {
            self.opening = Some(code.to_owned());
            self.say(L::Computing.t(self.lang).into(), false);
            return;
        }
        self.opening = None;
        let flags_pending = !self.source.ready(Need::Flags(&req.lens));
        match self.source.area_detail(&req, code) {
            Ok(detail) => {
                self.status = None;
                let more = !flags_pending && detail.flagged.len() >= PAGE;
                self.stack.push(Screen::Area(Box::new(AreaView {
                    req,
                    detail,
                    focus: AreaPanel::Flagged,
                    indicators: Cursor::default(),
                    flagged: Cursor::default(),
                    signals: Cursor::default(),
                    more,
                    flags_pending,
                })));
            }
            Err(e) => self.say(e, true),
        }
    }

    pub(super) fn tune(&mut self, action: &Action) {
        let Some(Screen::LensDetail(v)) = self.stack.last() else {
            return;
        };
        let i = v.cursor.pos;
        let Some(lens) = self.lens().cloned() else {
            return;
        };
        let mut w = self.lens_weights(&lens);
        match action {
            Action::WeightUp if i < w.len() => w[i] = (w[i] + 1.0).min(10.0),
            Action::WeightDown if i < w.len() => w[i] = (w[i] - 1.0).max(0.0),
            Action::WeightReset => {
                self.weights.remove(&lens.id);
                self.rescore();
                return;
            }
            _ => return,
        }
        let original: Vec<f64> = lens.indicators.iter().map(|d| d.weight).collect();
        if w == original {
            self.weights.remove(&lens.id);
        } else {
            self.weights.insert(lens.id.clone(), w);
        }
        self.rescore();
    }
}

//! The interface's data source over a real database: lenses from the catalogue, scores from the
//! store's indicator passes and the pure scoring engine, drill-down from the store's bounded
//! queries. It implements [`crate::tui::DataSource`], so the interface itself never sees SQL.
//! Prepared scores are kept per (lens, level, comparison set); changing weights only re-ranks.

mod entity;
mod export;
mod rows;
mod save;
mod source;
mod worker;

use std::collections::HashMap;

use crate::lens::{Lens, RefDate};
use crate::store::{FlaggedEntity, Store};
use crate::tui::{LensSummary, ScoreRequest};
use worker::{Computed, Done, Job, ScoreKey, Worker};

/// How many flagged entities or signals a list shows at most per request.
const LIST_LIMIT: usize = 200;

/// How many lenses' flagged entities are kept at once.
const FLAG_LENSES: usize = 2;

/// The interface's view of one database.
pub struct StoreSource {
    store: Store,
    lenses: Vec<Lens>,
    summaries: Vec<LensSummary>,
    /// The reference date; `None` until the worker has found it (see [`Worker::spawn`]).
    reference: Option<RefDate>,
    computed: HashMap<ScoreKey, Result<Box<Computed>, String>>,
    flags: HashMap<String, Result<Vec<FlaggedEntity>, String>>,
    /// Lenses in `flags`, oldest first.
    flag_order: Vec<String>,
    /// Scores and flags off the input path; `None` for a database in memory, whose work is
    /// done on the spot (there is no second connection to it).
    worker: Option<Worker>,
}

impl StoreSource {
    /// Opens the source. For a database file this starts the background worker on a
    /// read-only connection of its own (one: see [`Store::on_one_connection`]), which scores
    /// every lens at its own settings (the lens panel's top-tier counts) and evaluates its
    /// flags; nothing here waits for that. Without a `reference` date the newest date in the
    /// data is taken, found by the worker too.
    pub fn new(
        store: Store,
        lenses: Vec<Lens>,
        reference: Option<RefDate>,
    ) -> anyhow::Result<Self> {
        let worker = match store.path() {
            Some(path) => Some(Worker::spawn(
                Store::open_read_only(path)?.on_one_connection(),
                lenses.clone(),
                reference,
                worker::initial_jobs(&lenses),
            )?),
            None => None,
        };
        let reference = match (&worker, reference) {
            (None, None) => Some(worker::newest_reference(&store)),
            (_, r) => r,
        };
        Ok(StoreSource {
            store,
            summaries: lenses.iter().map(|l| rows::summary(l, None)).collect(),
            lenses,
            reference,
            computed: HashMap::new(),
            flags: HashMap::new(),
            flag_order: Vec::new(),
            worker,
        })
    }

    /// Waits until the worker has done every job queued so far (for tests and benchmarks
    /// that want the whole database computed).
    pub fn wait_idle(&mut self) {
        let keys: Vec<ScoreKey> = self.lenses.iter().map(worker::own_key).collect();
        for k in keys {
            self.wait_for(&Job::Score(vec![k]));
        }
        let ids: Vec<String> = self.lenses.iter().map(|l| l.id.clone()).collect();
        for id in ids {
            self.wait_for(&Job::Flags(id));
        }
    }

    fn lens(&self, id: &str) -> Result<&Lens, String> {
        self.lenses
            .iter()
            .find(|l| l.id == id)
            .ok_or_else(|| format!("onbekende lens {id}"))
    }

    /// The reference date, waiting for the worker to find it if need be (it is the worker's
    /// first result, so anything scored has it already).
    fn reference(&mut self) -> RefDate {
        while self.reference.is_none() {
            match self.worker.as_ref().and_then(Worker::wait_done) {
                Some(d) => self.take(d),
                None => self.reference = Some(worker::newest_reference(&self.store)),
            }
        }
        self.reference.unwrap_or_else(RefDate::today)
    }

    fn take(&mut self, done: Done) {
        match done {
            Done::Reference(r) => self.reference = Some(r),
            Done::Score(key, result) => {
                if let Some(i) = self.lenses.iter().position(|l| worker::own_key(l) == key) {
                    // A lens that cannot be scored has no area in the top tier.
                    self.summaries[i].top_tier = Some(result.as_ref().map_or(0, |c| c.top_tier));
                }
                self.computed.insert(key, result);
            }
            Done::Flags(id, result) => self.keep_flags(id, result),
        }
    }

    /// Takes in what the worker has finished.
    fn absorb(&mut self) {
        while let Some(d) = self.worker.as_ref().and_then(Worker::try_done) {
            self.take(d);
        }
    }

    fn has(&self, job: &Job) -> bool {
        match job {
            Job::Score(keys) => keys.iter().all(|k| self.computed.contains_key(k)),
            Job::Flags(id) => self.flags.contains_key(id),
        }
    }

    /// Whether the result of `job` is at hand; if not, the worker is asked for it first
    /// (without a worker it is computed here).
    fn need(&mut self, job: Job) -> bool {
        self.absorb();
        if self.has(&job) {
            return true;
        }
        match &self.worker {
            Some(w) => {
                w.urgent(job);
                false
            }
            None => {
                self.compute_here(&job);
                true
            }
        }
    }

    /// The result of `job`, waiting for the worker if need be (the interface asks
    /// [`DataSource::ready`] first, so it never waits here).
    fn wait_for(&mut self, job: &Job) {
        if self.need(job.clone()) {
            return;
        }
        while !self.has(job) {
            match self.worker.as_ref().and_then(Worker::wait_done) {
                Some(d) => self.take(d),
                None => {
                    // The worker is gone: do it here rather than never.
                    self.compute_here(job);
                    return;
                }
            }
        }
    }

    fn compute_here(&mut self, job: &Job) {
        match job {
            Job::Score(keys) => {
                let reference = self.reference();
                for (k, r) in worker::compute(&self.store, &self.lenses, keys, reference) {
                    self.take(Done::Score(k, r));
                }
            }
            Job::Flags(id) => {
                let reference = self.reference();
                let r = self.lens(id).and_then(|l| {
                    self.store
                        .lens_flags(l, reference)
                        .map_err(|e| e.to_string())
                });
                self.keep_flags(id.clone(), r);
            }
        }
    }

    /// Keeps the flags of a lens, letting go of the oldest beyond [`FLAG_LENSES`]: at
    /// national scale one lens's flagged entities take tens of megabytes.
    fn keep_flags(&mut self, id: String, result: Result<Vec<FlaggedEntity>, String>) {
        self.flag_order.retain(|l| *l != id);
        self.flag_order.push(id.clone());
        self.flags.insert(id, result);
        while self.flag_order.len() > FLAG_LENSES {
            let old = self.flag_order.remove(0);
            self.flags.remove(&old);
        }
    }

    /// The prepared scores of a lens at a level and comparison set.
    fn computed(
        &mut self,
        lens_id: &str,
        level: crate::tui::Level,
        compare: crate::tui::Compare,
    ) -> Result<&Computed, String> {
        self.lens(lens_id)?;
        let key = (lens_id.to_owned(), level, compare);
        self.wait_for(&Job::Score(vec![key.clone()]));
        match &self.computed[&key] {
            Ok(c) => Ok(c),
            Err(e) => Err(e.clone()),
        }
    }

    /// The flagged entities of a lens.
    fn flags(&mut self, lens_id: &str) -> Result<&[FlaggedEntity], String> {
        self.lens(lens_id)?;
        self.wait_for(&Job::Flags(lens_id.to_owned()));
        match &self.flags[lens_id] {
            Ok(f) => Ok(f),
            Err(e) => Err(e.clone()),
        }
    }

    fn weights(&self, lens_id: &str, req: &ScoreRequest) -> Result<Vec<f64>, String> {
        let lens = self.lens(lens_id)?;
        Ok(lens
            .indicators
            .iter()
            .map(|i| {
                req.weights
                    .iter()
                    .find(|(id, _)| *id == i.id)
                    .map_or(i.weight, |(_, w)| *w)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests;

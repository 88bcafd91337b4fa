//! The store-backed source's background work: scoring lenses and evaluating their flags,
//! which at national scale take seconds each, on a thread of its own with its own read-only
//! connection, so the interface's input path never waits for them.
//!
//! Jobs wait in one queue. At the start every lens's scores at its own settings are queued,
//! one lens per job: an indicator pass holds every flagged entity of its lenses in memory, so
//! lenses are not batched. A lens's flags are evaluated when the interface first needs them.
//! What the user asks for moves to the front. Each result goes back over a channel and the waker is called, so
//! the event loop can send [`crate::tui::keys::Action::Loaded`]. Dropping the [`Worker`] closes
//! the queue; the thread ends after the job it is running (it is never waited for, so quitting
//! stays prompt).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;

use crate::lens::{CompareWithin, Lens, RefDate};
use crate::model::AreaLevel;
use crate::score::{Prepared, ScoreOptions, Tier as ScoreTier, prepare};
use crate::store::{FlaggedEntity, IndicatorOptions, Store};
use crate::tui::{Compare, Level, Waker};

use super::rows;

/// A lens at a level with a comparison set.
pub type ScoreKey = (String, Level, Compare);

/// Prepared scores of one lens at one level with one comparison set.
pub struct Computed {
    pub prepared: Prepared,
    /// Gemeente code → name.
    pub gemeenten: HashMap<String, String>,
    /// Areas in the top tier under the lens's own weights.
    pub top_tier: usize,
}

/// Work for the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Scores of these keys, all at one level (one indicator pass for all of them).
    Score(Vec<ScoreKey>),
    /// The flagged entities of one lens.
    Flags(String),
}

/// A finished job.
pub enum Done {
    /// The reference date the worker found (sent first, when it was not given).
    Reference(RefDate),
    Score(ScoreKey, Result<Box<Computed>, String>),
    Flags(String, Result<Vec<FlaggedEntity>, String>),
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    closed: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wakeup: Condvar,
    waker: Mutex<Option<Waker>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic on the worker thread leaves nothing half-written that matters here.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The handle the source keeps.
pub struct Worker {
    shared: Arc<Shared>,
    done: Receiver<Done>,
}

impl Worker {
    /// Starts the worker on `store` (a connection of its own) with `jobs` queued.
    /// Without a `reference` the worker first finds the newest date in the data (a scan of
    /// three large tables) and sends it as [`Done::Reference`].
    pub fn spawn(
        store: Store,
        lenses: Vec<Lens>,
        reference: Option<RefDate>,
        jobs: Vec<Job>,
    ) -> std::io::Result<Worker> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue {
                jobs: jobs.into(),
                closed: false,
            }),
            wakeup: Condvar::new(),
            waker: Mutex::new(None),
        });
        let (tx, done) = mpsc::channel();
        let theirs = Arc::clone(&shared);
        thread::Builder::new()
            .name("schouw-worker".into())
            .spawn(move || run(&theirs, &store, &lenses, reference, &tx))?;
        Ok(Worker { shared, done })
    }

    pub fn set_waker(&self, waker: Waker) {
        *lock(&self.shared.waker) = Some(waker);
    }

    /// Moves the queued job holding `key` (or `job` itself) to the front of the queue.
    pub fn urgent(&self, job: Job) {
        let mut q = lock(&self.shared.queue);
        let at = q.jobs.iter().position(|j| match (j, &job) {
            (Job::Score(keys), Job::Score(want)) => want.iter().all(|k| keys.contains(k)),
            (a, b) => a == b,
        });
        let job = at.and_then(|i| q.jobs.remove(i)).unwrap_or(job);
        q.jobs.push_front(job);
        self.shared.wakeup.notify_one();
    }

    /// A finished job, if one is waiting.
    pub fn try_done(&self) -> Option<Done> {
        self.done.try_recv().ok()
    }

    /// Waits for the next finished job; `None` when the worker has stopped.
    pub fn wait_done(&self) -> Option<Done> {
        self.done.recv().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        lock(&self.shared.queue).closed = true;
        self.shared.wakeup.notify_one();
    }
}

/// The jobs queued at the start: every lens's own scores, in catalogue order.
pub fn initial_jobs(lenses: &[Lens]) -> Vec<Job> {
    lenses
        .iter()
        .map(|l| Job::Score(vec![own_key(l)]))
        .collect()
}

/// The key of a lens at its own level and comparison set.
pub fn own_key(lens: &Lens) -> ScoreKey {
    (
        lens.id.clone(),
        rows::level_of(lens.level),
        rows::compare_of(lens.compare_within),
    )
}

/// The reference date of a session opened without one: the newest date in the data, capped
/// at today (today when it cannot be read).
pub fn newest_reference(store: &Store) -> RefDate {
    let today = RefDate::today();
    store.default_reference_date(today).unwrap_or(today)
}

fn run(
    shared: &Shared,
    store: &Store,
    lenses: &[Lens],
    reference: Option<RefDate>,
    tx: &Sender<Done>,
) {
    let reference = match reference {
        Some(r) => r,
        None => {
            let r = newest_reference(store);
            if tx.send(Done::Reference(r)).is_err() {
                return;
            }
            r
        }
    };
    let mut scored: HashSet<ScoreKey> = HashSet::new();
    loop {
        let job = {
            let mut q = lock(&shared.queue);
            loop {
                if q.closed {
                    return;
                }
                if let Some(j) = q.jobs.pop_front() {
                    break j;
                }
                q = shared.wakeup.wait(q).unwrap_or_else(|e| e.into_inner());
            }
        };
        let results: Vec<Done> = match job {
            Job::Score(keys) => {
                let keys: Vec<ScoreKey> =
                    keys.into_iter().filter(|k| !scored.contains(k)).collect();
                scored.extend(keys.iter().cloned());
                compute(store, lenses, &keys, reference)
                    .into_iter()
                    .map(|(k, r)| Done::Score(k, r))
                    .collect()
            }
            Job::Flags(id) => {
                let r = match lenses.iter().find(|l| l.id == id) {
                    Some(l) => store.lens_flags(l, reference).map_err(|e| e.to_string()),
                    None => Err(format!("onbekende lens {id}")),
                };
                vec![Done::Flags(id, r)]
            }
        };
        for d in results {
            if tx.send(d).is_err() {
                return;
            }
        }
        if let Some(w) = lock(&shared.waker).as_ref() {
            w();
        }
    }
}

/// Scores `keys` (all at one level): one indicator pass for all their lenses, then each
/// lens prepared with its comparison set.
pub fn compute(
    store: &Store,
    lenses: &[Lens],
    keys: &[ScoreKey],
    reference: RefDate,
) -> Vec<(ScoreKey, Result<Box<Computed>, String>)> {
    let Some(level) = keys.first().map(|k| k.1) else {
        return Vec::new();
    };
    let mut set: Vec<(ScoreKey, Result<Lens, String>)> = keys
        .iter()
        .map(|k| {
            let lens = lenses
                .iter()
                .find(|l| l.id == k.0)
                .cloned()
                .ok_or_else(|| format!("onbekende lens {}", k.0))
                .map(|mut lens| {
                    lens.level = rows::area_level(level);
                    lens.compare_within = match k.2 {
                        Compare::All => CompareWithin::All,
                        Compare::Gemeente => CompareWithin::Gemeente,
                        Compare::Stedelijkheid => CompareWithin::Stedelijkheid,
                    };
                    lens
                });
            (k.clone(), lens)
        })
        .collect();
    let ok: Vec<&Lens> = set.iter().filter_map(|(_, l)| l.as_ref().ok()).collect();
    let options = IndicatorOptions {
        level: rows::area_level(level),
        year: None,
        reference,
        within: None,
    };
    let shared = store.indicator_data(&ok, &options).and_then(|data| {
        let gemeenten = store
            .areas_at(AreaLevel::Gemeente, data.year, None)?
            .into_iter()
            .map(|a| (a.code.as_str().to_owned(), a.name.to_string()))
            .collect::<HashMap<_, _>>();
        Ok((data, gemeenten))
    });
    set.drain(..)
        .map(|(key, lens)| {
            let result = lens.and_then(|lens| {
                let (data, gemeenten) = shared.as_ref().map_err(|e| e.to_string())?;
                let prepared = prepare(&lens, data.inputs(&lens), &ScoreOptions::at(reference))
                    .map_err(|e| e.to_string())?;
                let top_tier = prepared
                    .score_default()
                    .areas
                    .iter()
                    .filter(|a| a.tier == ScoreTier::Hoog)
                    .count();
                Ok(Box::new(Computed {
                    prepared,
                    gemeenten: gemeenten.clone(),
                    top_tier,
                }))
            });
            (key, result)
        })
        .collect()
}

//! The entity files being written (addresses … signals) and the counters that hand out unique
//! keys: vestigingsnummers, KvK numbers, party pseudonyms and signal ids. Every row passes
//! through here, so uniqueness and the file formats live in one place.

use std::path::Path;

use super::csv_out::CsvOut;
use super::dates::Day;
use super::rng::{Rng, scramble32};

/// Headers of the entity files, in the canonical import format.
pub const ADDRESS_HEADER: &[&str] = &[
    "id",
    "object_id",
    "street",
    "number",
    "letter",
    "addition",
    "postcode",
    "city",
    "buurt",
    "uses",
    "surface_m2",
    "residents",
];
/// `businesses.csv` header.
pub const BUSINESS_HEADER: &[&str] = &[
    "vestigingsnummer",
    "kvk",
    "name",
    "sbi",
    "legal_form",
    "address_id",
    "registered",
    "ended",
    "employees",
];
/// `parties.csv` header.
pub const PARTY_HEADER: &[&str] = &["id", "kind", "kvk", "name", "registered"];
/// `roles.csv` header.
pub const ROLE_HEADER: &[&str] = &["party", "kvk", "role", "started", "ended"];
/// `ownership.csv` header.
pub const OWNERSHIP_HEADER: &[&str] = &["address_id", "party", "acquired", "ended", "price"];
/// `signals.csv` header.
pub const SIGNAL_HEADER: &[&str] = &[
    "id",
    "source",
    "kind",
    "date",
    "entity_kind",
    "entity_id",
    "weight",
    "phase",
    "text",
];

/// One business row.
pub struct BusinessRow<'a> {
    /// 12-digit vestigingsnummer.
    pub vestiging: &'a str,
    /// 8-digit KvK number.
    pub kvk: &'a str,
    /// Trade name.
    pub name: &'a str,
    /// SBI code.
    pub sbi: &'a str,
    /// Legal form.
    pub legal_form: &'a str,
    /// Address id.
    pub address: &'a str,
    /// Registration date.
    pub registered: Day,
    /// End date, if ended.
    pub ended: Option<Day>,
    /// Employees.
    pub employees: i64,
}

/// One signal row (the id is assigned by the sink).
pub struct SignalRow<'a> {
    /// Registering partner.
    pub source: &'a str,
    /// Kind of signal.
    pub kind: &'a str,
    /// Date.
    pub date: Day,
    /// `address`, `business`, `party` or `area`.
    pub entity_kind: &'a str,
    /// The entity's key.
    pub entity_id: &'a str,
    /// Weight 1–5, if given.
    pub weight: Option<f64>,
    /// Phase.
    pub phase: &'a str,
    /// Short neutral text.
    pub text: &'a str,
}

/// The open entity files and key counters.
pub struct Sink {
    /// `addresses.csv`.
    pub addresses: CsvOut,
    businesses: CsvOut,
    parties: CsvOut,
    roles: CsvOut,
    ownership: CsvOut,
    signals: CsvOut,
    rng: Rng,
    next_vestiging: u64,
    next_kvk: u64,
    next_party: u32,
    party_key: u32,
    next_signal: u64,
}

impl Sink {
    /// Creates the six entity files in `dir`.
    pub fn create(dir: &Path, seed: u64) -> anyhow::Result<Self> {
        let mut rng = Rng::for_stream(seed, 0x5111, 0);
        let party_key = rng.next_u64() as u32;
        Ok(Sink {
            addresses: CsvOut::create(&dir.join("addresses.csv"), ADDRESS_HEADER)?,
            businesses: CsvOut::create(&dir.join("businesses.csv"), BUSINESS_HEADER)?,
            parties: CsvOut::create(&dir.join("parties.csv"), PARTY_HEADER)?,
            roles: CsvOut::create(&dir.join("roles.csv"), ROLE_HEADER)?,
            ownership: CsvOut::create(&dir.join("ownership.csv"), OWNERSHIP_HEADER)?,
            signals: CsvOut::create(&dir.join("signals.csv"), SIGNAL_HEADER)?,
            rng,
            next_vestiging: 0,
            next_kvk: 0,
            next_party: 0,
            party_key,
            next_signal: 0,
        })
    }

    /// A fresh 12-digit vestigingsnummer (leading zeros kept).
    pub fn new_vestiging(&mut self) -> String {
        self.next_vestiging += 1;
        let n = 1_000_000 + self.next_vestiging * 7 + self.rng.below(7) as u64;
        format!("{n:012}")
    }

    /// A fresh 8-digit KvK number (may start with 0).
    pub fn new_kvk(&mut self) -> String {
        self.next_kvk += 1;
        let n = 1_000_000 + self.next_kvk * 3 + self.rng.below(3) as u64;
        format!("{n:08}")
    }

    fn new_party_id(&mut self) -> String {
        self.next_party += 1;
        format!("P-{:08x}", scramble32(self.next_party, self.party_key))
    }

    /// Writes a natural person (pseudonym only) and returns its id.
    pub fn natural(&mut self) -> anyhow::Result<String> {
        let id = self.new_party_id();
        self.parties
            .text(&id)
            .text("natural")
            .text("")
            .text("")
            .text("");
        self.parties.end()?;
        Ok(id)
    }

    /// Writes a legal person with a fresh KvK number; returns (party id, kvk).
    pub fn legal(&mut self, name: &str, registered: Day) -> anyhow::Result<(String, String)> {
        let id = self.new_party_id();
        let kvk = self.new_kvk();
        self.parties
            .text(&id)
            .text("legal")
            .text(&kvk)
            .text(name)
            .val(registered);
        self.parties.end()?;
        Ok((id, kvk))
    }

    /// Writes a business row.
    pub fn business(&mut self, b: &BusinessRow<'_>) -> anyhow::Result<()> {
        self.businesses
            .text(b.vestiging)
            .text(b.kvk)
            .text(b.name)
            .text(b.sbi)
            .text(b.legal_form)
            .text(b.address)
            .val(b.registered)
            .opt(b.ended)
            .val(b.employees);
        self.businesses.end()
    }

    /// Writes a role of a party in a business (by KvK number).
    pub fn role(
        &mut self,
        party: &str,
        kvk: &str,
        role: &str,
        started: Day,
        ended: Option<Day>,
    ) -> anyhow::Result<()> {
        self.roles
            .text(party)
            .text(kvk)
            .text(role)
            .val(started)
            .opt(ended);
        self.roles.end()
    }

    /// Writes one ownership row.
    pub fn ownership(
        &mut self,
        address: &str,
        party: &str,
        acquired: Day,
        ended: Option<Day>,
        price: Option<i64>,
    ) -> anyhow::Result<()> {
        self.ownership
            .text(address)
            .text(party)
            .val(acquired)
            .opt(ended)
            .opt(price);
        self.ownership.end()
    }

    /// Writes a signal and returns its id.
    pub fn signal(&mut self, s: &SignalRow<'_>) -> anyhow::Result<String> {
        self.next_signal += 1;
        let id = format!("S-{:07}", self.next_signal);
        self.signals
            .text(&id)
            .text(s.source)
            .text(s.kind)
            .val(s.date)
            .text(s.entity_kind)
            .text(s.entity_id)
            .opt(s.weight.map(|w| format!("{w:.1}")))
            .text(s.phase)
            .text(s.text);
        self.signals.end()?;
        Ok(id)
    }

    /// Flushes all files; returns (file name, data rows) in import order.
    pub fn finish(self) -> anyhow::Result<Vec<(String, u64)>> {
        Ok(vec![
            ("addresses.csv".into(), self.addresses.finish()?),
            ("businesses.csv".into(), self.businesses.finish()?),
            ("parties.csv".into(), self.parties.finish()?),
            ("roles.csv".into(), self.roles.finish()?),
            ("ownership.csv".into(), self.ownership.finish()?),
            ("signals.csv".into(), self.signals.finish()?),
        ])
    }
}

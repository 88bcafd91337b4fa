//! Scratch measurement: raw ImportTx::put_address throughput (not shipped).
fn main() {
    use schouw::model::*;
    let dir = std::env::temp_dir().join("put_bench.db");
    let _ = std::fs::remove_file(&dir);
    drop(schouw::store::Store::open_or_create(&dir).unwrap());
    if std::env::var("NOIDX").is_ok() {
        let c = rusqlite::Connection::open(&dir).unwrap();
        c.execute_batch("DROP INDEX addresses_by_buurt; DROP INDEX addresses_by_postcode;")
            .unwrap();
    }
    let mut store = schouw::store::Store::open(&dir).unwrap();
    let meta = schouw::store::SourceMeta {
        kind: "addresses".into(),
        name: "a.csv".into(),
        sha256: "0".into(),
        imported_by: "x".into(),
        imported_at: "now".into(),
    };
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let t = std::time::Instant::now();
    let mut tx = store.begin_import(&meta).unwrap();
    for i in 0..n {
        let a = Address {
            id: BagId::parse(&format!("99002000{:08}", i)).unwrap(),
            object_id: Some(BagId::parse(&format!("99000100{:08}", i)).unwrap()),
            street: "Kerkstraat".into(),
            number: (i % 300) as i64,
            letter: None,
            addition: None,
            postcode: Some(Postcode::parse("9901AB").unwrap()),
            city: Some("Havenstad".into()),
            buurt: None,
            uses: Some("woonfunctie".into()),
            surface_m2: Some(80.0),
            residents: Some(2),
        };
        tx.put_address(&a, i + 2).unwrap();
    }
    tx.commit(n).unwrap();
    println!("{n} rows in {:.2}s", t.elapsed().as_secs_f64());
    drop(store);
    if std::env::var("NOIDX").is_ok() {
        let t = std::time::Instant::now();
        let c = rusqlite::Connection::open(&dir).unwrap();
        c.execute_batch("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768; CREATE INDEX addresses_by_buurt ON addresses(buurt_code); CREATE INDEX addresses_by_postcode ON addresses(postcode, number);").unwrap();
        println!("indexes in {:.2}s", t.elapsed().as_secs_f64());
    }
}

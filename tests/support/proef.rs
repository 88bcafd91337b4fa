//! A small database of the fictional gemeente Proefstad, built by importing three CSV files
//! through the binary; one buurt is named `=HYPERLINK(1)`. Shared by the score and export
//! tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub fn schouw(args: &[&str], home: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const KWB: &str = "gwb_code_10,gwb_code_8,regio,gm_naam,recs,gwb_code,ind_wbi,a_inw,a_woning,ste_mvs,p_ov_hw,g_wozbag,p_hh_li\n\
GM9901,9901,Proefstad,Proefstad,Gemeente,GM9901,1,8000,4000,2,10,300,10\n\
WK990100,990100,Wijk 00,Proefstad,Wijk,WK990100,1,8000,4000,2,10,300,10\n\
BU99010001,99010001,\"Oost, Noord\",Proefstad,Buurt,BU99010001,1,2000,1000,2,30,200,20\n\
BU99010002,99010002,West,Proefstad,Buurt,BU99010002,1,2000,1000,2,10,300,10\n\
BU99010003,99010003,Zuid,Proefstad,Buurt,BU99010003,1,2000,1000,2,5,400,5\n\
BU99010004,99010004,=HYPERLINK(1),Proefstad,Buurt,BU99010004,1,2000,1000,2,8,350,8\n";

const ADDRESSES: &str = "id,object_id,street,number,letter,addition,postcode,city,buurt,uses,surface_m2,residents\n\
9901200000000001,,Proefstraat,1,,,,Proefstad,BU99010001,woonfunctie,80,2\n\
9901200000000002,,Proefstraat,2,,,,Proefstad,BU99010002,woonfunctie,80,2\n\
9901200000000003,,Proefstraat,3,,,,Proefstad,BU99010003,woonfunctie,80,2\n";

const SIGNALS: &str = "id,source,kind,date,entity_kind,entity_id\n\
S1,politie,hennep_ontmanteld,2024-03-01,address,9901200000000001\n\
S2,politie,hennep_ontmanteld,2024-05-01,address,9901200000000001\n\
S3,netbeheerder,stroomdiefstal,2024-04-01,address,9901200000000001\n\
S4,politie,hennep_vermoeden,2020-01-01,address,9901200000000003\n";

pub fn database(dir: &Path) -> String {
    let db = dir.join("proef.db");
    let db_s = db.to_str().unwrap().to_owned();
    for (kind, name, text) in [
        ("cbs", "kwb2024.csv", KWB),
        ("addresses", "adressen.csv", ADDRESSES),
        ("signals", "signalen.csv", SIGNALS),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let (ok, out, err) = schouw(&["import", &db_s, kind, file.to_str().unwrap()], dir);
        assert!(ok, "{kind}: {out}{err}");
    }
    db_s
}

//! `areas.csv` in the CBS area-dimension format (`Key,Title,Description,Municipality,
//! DetailRegionCode,Year`): one row per gemeente, wijk and buurt, hierarchical order.

use super::csv_out::CsvOut;
use super::layout::Layout;

/// The header of `areas.csv`.
pub const HEADER: &[&str] = &[
    "Key",
    "Title",
    "Description",
    "Municipality",
    "DetailRegionCode",
    "Year",
];

fn row(
    out: &mut CsvOut,
    code: &str,
    title: &str,
    description: &str,
    gm: &str,
) -> anyhow::Result<()> {
    out.text(code)
        .text(title)
        .text(description)
        .text(gm)
        .text(code)
        .val(2024);
    out.end()
}

/// Writes all areas of the layout.
pub fn write(out: &mut CsvOut, layout: &Layout) -> anyhow::Result<()> {
    let mut bi = 0;
    let mut wi = 0;
    for (g, gm) in layout.gemeenten.iter().enumerate() {
        let d = format!("Gemeente '{}' ({})", gm.name, gm.code);
        row(out, &gm.code, &gm.name, &d, &gm.code)?;
        while wi < layout.wijken.len() && layout.wijken[wi].gemeente == g {
            let wk = &layout.wijken[wi];
            let d = format!(
                "Wijk '{}' ({}) is een wijk in de gemeente '{}'.",
                wk.name, wk.code, gm.name
            );
            row(out, &wk.code, &wk.name, &d, &gm.code)?;
            while bi < layout.buurten.len() && layout.buurten[bi].wijk == wi {
                let b = &layout.buurten[bi];
                let d = format!(
                    "Buurt '{}' ({}) is een buurt in wijk '{}' in de gemeente '{}'.",
                    b.name, b.code, wk.name, gm.name
                );
                row(out, &b.code, &b.name, &d, &gm.code)?;
                bi += 1;
            }
            wi += 1;
        }
    }
    Ok(())
}

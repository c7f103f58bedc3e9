//! The offload section of `BENCHMARKS.md`: `MSG_ZEROCOPY`, UDP GSO and `splice` against plain
//! copying, 1 GiB over loopback per run, from `benches/src/bin/offload_probe.rs`.
//!
//! The probe runs each pair alternately (copy, offload, copy, offload ...); every alternation
//! gives one time ratio copy / offload, and the report shows the median ratio with its
//! min–max, next to each variant's median throughput. A ratio above 1 means the offload was
//! faster *here* — on loopback, which has no NIC to offload to: the verdict column says what
//! that does and does not tell about real hardware.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::cmd;

/// The heading of the offload section (where `--offload-only` cuts the old report).
pub const HEADING: &str = "\n## Offloads against copying";

/// Alternations per pair.
const RUNS: &str = "5";

/// (copy variant, offload variant, what is compared, what the result means off loopback).
const PAIRS: &[(&str, &str, &str, &str)] = &[
    (
        "tcp_send",
        "tcp_zerocopy",
        "TCP 1 MiB `send`s vs `ZeroCopySender` (`MSG_ZEROCOPY`)",
        "loopback must copy into the receiver anyway, so zero-copy adds page pinning and \
         completion reads for nothing; the kernel documents it as a win only for large sends \
         (≥ ~10 KB) to a real NIC with scatter-gather — measure there before choosing it",
    ),
    (
        "udp_sendto",
        "udp_gso",
        "UDP 1400-byte datagrams: one `send` each vs `GsoSender` 64 KiB `UDP_SEGMENT` sends",
        "one syscall per ~46 datagrams: the win is per-datagram syscall cost, so it holds on \
         real NICs too (more with hardware segmentation)",
    ),
    (
        "relay_copy",
        "relay_splice",
        "TCP → relay → TCP: `recv` + `send_all` through a 1 MiB buffer vs `SplicePipe::relay`",
        "loopback skbs are small and splice moves them through a pipe page by page; the copy \
         relay with a large buffer makes fewer syscalls — splice pays off when the relay's CPU \
         is the bottleneck with real NICs, not here",
    ),
];

/// One pair's result.
pub struct Row {
    /// Index into [`PAIRS`].
    pair: usize,
    /// Median GiB/s of the copy and the offload variant.
    rates: [f64; 2],
    /// Time ratios copy / offload: median, min, max.
    speedup: [f64; 3],
    /// The UDP rows: the median share of the bytes that reached the reader, per variant.
    delivered: Option<[f64; 2]>,
}

/// Per variant, per run: (seconds, delivered share if printed), in run order.
fn parse(text: &str) -> BTreeMap<String, Vec<(f64, Option<f64>)>> {
    let mut runs: BTreeMap<String, Vec<(f64, Option<f64>)>> = BTreeMap::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let (Some(name), Some(_bytes), Some(secs)) = (words.next(), words.next(), words.next()) else { continue };
        if name == "summary" {
            continue;
        }
        let Ok(secs) = secs.parse::<f64>() else { continue };
        let share = words.find_map(|w| w.strip_prefix("delivered=")).and_then(|v| v.parse().ok());
        runs.entry(name.to_string()).or_default().push((secs, share));
    }
    runs
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The rows the probe's output gives (pairs with no runs are left out).
fn rows(text: &str, gib: f64) -> Vec<Row> {
    let runs = parse(text);
    PAIRS
        .iter()
        .enumerate()
        .filter_map(|(pair, (copy, offload, _, _))| {
            let (a, b) = (runs.get(*copy)?, runs.get(*offload)?);
            let n = a.len().min(b.len());
            if n == 0 {
                return None;
            }
            let mut ratios: Vec<f64> = (0..n).map(|i| a[i].0 / b[i].0).collect();
            let rate = |r: &[(f64, Option<f64>)]| median(&mut r[..n].iter().map(|(s, _)| gib / s).collect::<Vec<_>>());
            let rates = [rate(a), rate(b)];
            let share = |r: &[(f64, Option<f64>)]| {
                let mut v: Vec<f64> = r[..n].iter().filter_map(|(_, d)| *d).collect();
                (!v.is_empty()).then(|| median(&mut v))
            };
            let delivered = share(a).zip(share(b)).map(|(x, y)| [x, y]);
            let med = median(&mut ratios);
            Some(Row { pair, rates, speedup: [med, ratios[0], ratios[n - 1]], delivered })
        })
        .collect()
}

/// Runs the probe (1 GiB per run, [`RUNS`] alternations per pair) and reads its rows.
pub fn measure(root: &Path, cargo: &std::ffi::OsStr) -> Vec<Row> {
    println!("bench-report: offloads (1 GiB per run over loopback, alternating)");
    let built = cmd::run(Command::new(cargo).current_dir(root).args([
        "build",
        "--release",
        "-p",
        "sock-benches",
        "--bin",
        "offload_probe",
    ]));
    if built.is_err() {
        return Vec::new();
    }
    let out = cmd::output(
        Command::new(root.join("target/release/offload_probe"))
            .env("OFFLOAD_PROBE_MIB", "1024")
            .env("OFFLOAD_PROBE_RUNS", RUNS),
    );
    match out {
        Ok(text) => rows(&text, 1.0),
        Err(e) => {
            println!("bench-report: offload_probe failed: {e}");
            Vec::new()
        }
    }
}

/// The offload section.
pub fn render(rows: &[Row]) -> String {
    let mut s = format!(
        "{HEADING} (1 GiB over loopback, alternating runs)\n\n\
         `cargo run --release -p sock-benches --bin offload_probe` runs each pair {RUNS} times, \
         copy and offload alternately; each alternation gives one time ratio copy / offload \
         (above 1: the offload was faster), shown as median (min–max). Loopback has no NIC to \
         offload to, so the last column says what a result means on real hardware.\n\n\
         | pair | copy GiB/s | offload GiB/s | copy / offload time | helps here | off loopback |\n\
         |---|---|---|---|---|---|\n"
    );
    for r in rows {
        let (_, _, what, meaning) = PAIRS[r.pair];
        let delivered = r
            .delivered
            .map(|[a, b]| format!(" (delivered {:.0} % / {:.0} %)", a * 100.0, b * 100.0))
            .unwrap_or_default();
        let helps = if r.speedup[1] > 1.0 {
            "yes"
        } else if r.speedup[2] < 1.0 {
            "no"
        } else {
            "unclear (spread crosses 1)"
        };
        let _ = writeln!(
            s,
            "| {what}{delivered} | {:.2} | {:.2} | {:.2} ({:.2}–{:.2}) | {helps} | {meaning} |",
            r.rates[0], r.rates[1], r.speedup[0], r.speedup[1], r.speedup[2]
        );
    }
    if rows.is_empty() {
        s.push_str("| (offload_probe did not run) | – | – | – | – | – |\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_alternations_and_reports_the_spread() {
        let text = "tcp_send 1073741824 0.5000\ntcp_zerocopy 1073741824 1.0000\n\
                    tcp_send 1073741824 0.4000\ntcp_zerocopy 1073741824 1.0000\n\
                    tcp_send 1073741824 0.6000\ntcp_zerocopy 1073741824 1.0000\n\
                    udp_sendto 1073741824 2.0000 delivered=0.500\nudp_gso 1073741824 0.5000 delivered=1.000\n\
                    summary tcp_send median=2.00GiB/s min=1 max=2\n";
        let rows = rows(text, 1.0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].speedup, [0.5, 0.4, 0.6]);
        assert_eq!(rows[0].rates, [2.0, 1.0]);
        assert_eq!(rows[1].speedup, [4.0, 4.0, 4.0]);
        assert_eq!(rows[1].delivered, Some([0.5, 1.0]));
        let text = render(&rows);
        assert!(text.starts_with(HEADING), "{text}");
        assert!(text.contains("| 2.00 | 1.00 | 0.50 (0.40–0.60) | no |"), "{text}");
        assert!(text.contains("| 4.00 (4.00–4.00) | yes |"), "{text}");
    }
}

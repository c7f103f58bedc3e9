//! The hot-path section of `BENCHMARKS.md`: measures that hold on a noisy shared machine.
//!
//! - **Instructions per round** (valgrind's callgrind, user space) of every hot-path workload
//!   of `benches/src/bin/hotpath_probe.rs` through raw libc, `sock`, std, socket2, nix — and
//!   CPython (`benches/python/hotpath.py`) — as `(count(3000 rounds) - count(1000 rounds)) /
//!   2000`, so process start and setup cancel. Callgrind counts the same number every run.
//! - **Syscalls per round** (`strace -c`), the same difference of two round counts.
//! - **Time ratios from interleaved A/B runs**: the probe alternates implementation A and raw
//!   libc, `RUNS` times each, and the report shows the median ratio with its min–max; a target
//!   is met only when the median meets it, and the spread says how much to trust that.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::bench_report::parse_callgrind;
use crate::cmd;

/// The heading that starts the hot-path sections (where `--hotpath-only` cuts the old report).
pub const HEADING: &str = "\n## Hot path: instructions per round";

/// The workloads, as the probe names them, with what one round is.
pub const WORKLOADS: &[(&str, &str)] = &[
    ("pair", "AF_UNIX datagram pair: `send` + `recv`, 64 B, blocking"),
    ("nonblocking", "the same, non-blocking mode"),
    ("timeout", "the same, timeout mode (std: `SO_RCVTIMEO`)"),
    ("udp", "UDP 127.0.0.1: `send_to` + `recv_from`, 64 B"),
    ("msg", "`send_msg` + `recv_msg` (one iovec, no control data)"),
    ("batch", "`send_many` of 8 byte buffers (connected) + `recv_many` with each sender's address, 64 B"),
];

/// The implementations, as the probe names them; `cpython` runs the Python script.
pub const IMPLS: &[&str] = &["libc", "sock", "std", "socket2", "nix", "cpython"];

/// Alternations of each interleaved A/B timing.
const RUNS: usize = 7;
/// Rounds per timed run (about 0.2–0.5 s each on the 2-core CI machine).
const TIMED_ROUNDS: u64 = 200_000;

/// One workload's measurements: per implementation, instructions and syscalls per round
/// (`None`: no such form, or the tool is missing).
pub struct Row {
    /// The probe's workload name.
    pub workload: &'static str,
    /// Instructions per round, in [`IMPLS`] order.
    pub instructions: Vec<Option<f64>>,
    /// Syscalls per round, in [`IMPLS`] order.
    pub syscalls: Vec<Option<f64>>,
    /// Interleaved time ratios against raw libc: (implementation, median, min, max).
    pub times: Vec<(&'static str, f64, f64, f64)>,
}

fn probe(root: &Path) -> PathBuf {
    root.join("target/release/hotpath_probe")
}

/// The real CPython executable (`python3` may be a shell shim, as pyenv's is, which
/// callgrind and strace would measure instead).
fn python() -> String {
    Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "python3".into())
}

/// The command that runs `imp` on `workload` for `n` rounds.
fn command(root: &Path, workload: &str, imp: &str, n: u64) -> Command {
    if imp == "cpython" {
        let mut c = Command::new(python());
        c.current_dir(root).args(["benches/python/hotpath.py", workload, &n.to_string()]);
        c
    } else {
        let mut c = Command::new(probe(root));
        c.args([workload, imp, &n.to_string()]);
        c
    }
}

/// Runs `tool args... <command>` and returns its stderr if the command ran its workload (the
/// probe exits 2 for a workload an implementation has no form of).
fn traced(tool: &str, tool_args: &[&str], inner: &Command) -> Option<String> {
    let mut c = Command::new(tool);
    c.args(tool_args).arg(inner.get_program()).args(inner.get_args());
    if let Some(dir) = inner.get_current_dir() {
        c.current_dir(dir);
    }
    let out = c.output().ok()?;
    (out.status.code() != Some(2)).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

fn instructions(root: &Path, workload: &str, imp: &str) -> Option<f64> {
    let count = |n| {
        let err = traced(
            "valgrind",
            &["--tool=callgrind", "--callgrind-out-file=/dev/null"],
            &command(root, workload, imp, n),
        )?;
        parse_callgrind(&err)
    };
    let (a, b) = (count(1000)?, count(3000)?);
    Some((b as f64 - a as f64) / 2000.0)
}

/// The total of `strace -c`'s summary table.
pub fn parse_strace_total(text: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.trim_end().ends_with("total"))?;
    // `100.00    0.000123           2      4100        12 total`: calls is the 4th column.
    line.split_whitespace().nth(3)?.parse().ok()
}

fn syscalls(root: &Path, workload: &str, imp: &str) -> Option<f64> {
    let count = |n| {
        let dir = std::env::temp_dir().join(format!("sock-strace-{}", std::process::id()));
        let out = dir.with_extension("txt");
        let out_s = out.to_string_lossy().into_owned();
        traced("strace", &["-f", "-c", "-o", &out_s], &command(root, workload, imp, n))?;
        let text = std::fs::read_to_string(&out).ok()?;
        let _ = std::fs::remove_file(&out);
        parse_strace_total(&text)
    };
    let (a, b) = (count(1000)?, count(3000)?);
    Some((b as f64 - a as f64) / 2000.0)
}

/// Wall-clock seconds of one run, or `None` if it failed or has no form of the workload.
fn timed(root: &Path, workload: &str, imp: &str) -> Option<f64> {
    let t = Instant::now();
    let status = command(root, workload, imp, TIMED_ROUNDS).output().ok()?.status;
    status.success().then(|| t.elapsed().as_secs_f64())
}

/// Median, min and max of the per-alternation ratios `imp / libc`.
fn interleaved(root: &Path, workload: &str, imp: &'static str) -> Option<(&'static str, f64, f64, f64)> {
    let mut ratios = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let base = timed(root, workload, "libc")?;
        let ours = timed(root, workload, imp)?;
        ratios.push(ours / base);
    }
    let (median, min, max) = spread(&mut ratios)?;
    Some((imp, median, min, max))
}

/// Median, min and max of `values` (sorted in place).
pub fn spread(values: &mut [f64]) -> Option<(f64, f64, f64)> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    let median = if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 };
    Some((median, values[0], values[values.len() - 1]))
}

/// Builds the probe and measures every workload.
pub fn measure(root: &Path, cargo: &std::ffi::OsStr) -> Vec<Row> {
    println!("bench-report: hot path (callgrind, strace, interleaved timing)");
    let built = cmd::run(Command::new(cargo).current_dir(root).args([
        "build",
        "--release",
        "-p",
        "sock-benches",
        "--no-default-features",
        "--bin",
        "hotpath_probe",
    ]));
    if built.is_err() {
        return Vec::new();
    }
    let have_valgrind = cmd::find_program("valgrind").is_some();
    let have_strace = cmd::find_program("strace").is_some();
    WORKLOADS
        .iter()
        .map(|(workload, _)| Row {
            workload,
            instructions: IMPLS
                .iter()
                .map(|imp| if have_valgrind { instructions(root, workload, imp) } else { None })
                .collect(),
            syscalls: IMPLS
                .iter()
                .map(|imp| match *imp {
                    "sock" | "std" | "cpython" | "libc" if have_strace => syscalls(root, workload, imp),
                    _ => None,
                })
                .collect(),
            times: ["sock", "socket2", "std"].iter().filter_map(|imp| interleaved(root, workload, imp)).collect(),
        })
        .collect()
}

fn cell(v: Option<f64>, digits: usize) -> String {
    v.map(|v| format!("{v:.digits$}")).unwrap_or_else(|| "–".into())
}

/// The hot-path section, with its targets: `sock` ≤ socket2 in instructions on every workload
/// socket2 has (else ≤ libc + 14 per call), one syscall per operation, and the interleaved time
/// ratios with their spread.
pub fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        return out;
    }
    let label = |w: &str| WORKLOADS.iter().find(|(n, _)| *n == w).map(|(_, l)| *l).unwrap_or("");
    let col = |name: &str| IMPLS.iter().position(|i| *i == name).unwrap_or(0);
    let _ = writeln!(
        out,
        "{HEADING} (callgrind, user space)\n\n\
         One round = one send + one receive with data ready (a batch round: 8 messages each \
         way). Measured as (count(3000 rounds) − count(1000 rounds)) / 2000, so process start \
         and setup cancel; callgrind counts the same number on every run, so these rows do not \
         move with the machine's load (only with the process's environment, by an instruction \
         or so, where code depends on the stack's alignment: the libc batch form's arrays are \
         aligned for that reason). Includes libc's own syscall wrappers. Target: `sock` ≤ \
         socket2 where socket2 has the call, else at most 14 per call over raw libc.\n"
    );
    let _ = writeln!(
        out,
        "| workload | libc | sock | std | socket2 | nix | CPython | sock − libc per call | met |\n|---|---|---|---|---|---|---|---|---|"
    );
    for r in rows {
        let i = |name| r.instructions[col(name)];
        let (libc, sock, s2) = (i("libc"), i("sock"), i("socket2"));
        let over = match (libc, sock) {
            (Some(l), Some(s)) => Some((s - l) / 2.0),
            _ => None,
        };
        let met = match (sock, s2, over) {
            (Some(s), Some(t), _) => Some(s <= t),
            (Some(_), None, Some(o)) => Some(o <= 14.0),
            _ => None,
        };
        let met = match met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "–",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {met} |",
            label(r.workload),
            cell(libc, 0),
            cell(sock, 0),
            cell(i("std"), 0),
            cell(s2, 0),
            cell(i("nix"), 0),
            cell(i("cpython"), 0),
            over.map(|o| format!("{o:+.1}")).unwrap_or_else(|| "–".into()),
        );
    }
    let _ = writeln!(
        out,
        "\n## Hot path: syscalls per round (strace -c)\n\n\
         Target: one syscall per operation when data is ready, in every mode (CPython polls \
         first in timeout mode).\n\n| workload | libc | sock | std | CPython |\n|---|---|---|---|---|"
    );
    for r in rows {
        let s = |name| cell(r.syscalls[col(name)], 2);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            label(r.workload),
            s("libc"),
            s("sock"),
            s("std"),
            s("cpython")
        );
    }
    let _ = writeln!(
        out,
        "\n## Hot path: time, interleaved A/B runs\n\n\
         Each cell: the median of {RUNS} ratios time(implementation) / time(raw libc), each from \
         a pair of back-to-back runs of {TIMED_ROUNDS} rounds (libc first, then the \
         implementation, alternating), with the min–max of the {RUNS} ratios. A target is met \
         only if the median is within it; a wide min–max says the machine was noisy. Target for \
         `sock`: ≤ 1.05.\n\n| workload | sock / libc | socket2 / libc | std / libc | met |\n|---|---|---|---|---|"
    );
    for r in rows {
        let t = |name: &str| {
            r.times
                .iter()
                .find(|(i, ..)| *i == name)
                .map(|(_, med, lo, hi)| format!("{med:.3} ({lo:.3}–{hi:.3})"))
                .unwrap_or_else(|| "–".into())
        };
        let met = match r.times.iter().find(|(i, ..)| *i == "sock") {
            Some((_, med, ..)) if *med <= 1.05 => "yes",
            Some(_) => "**no**",
            None => "–",
        };
        let _ = writeln!(out, "| {} | {} | {} | {} | {met} |", label(r.workload), t("sock"), t("socket2"), t("std"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strace_total_is_the_calls_column() {
        let text = "% time     seconds  usecs/call     calls    errors syscall\n\
                    ------ ----------- ----------- --------- --------- ----------------\n \
                    60.00    0.000300           0      3000           sendto\n\
                    ------ ----------- ----------- --------- --------- ----------------\n\
                    100.00    0.000500           0      6123        12 total\n";
        assert_eq!(parse_strace_total(text), Some(6123));
        assert_eq!(parse_strace_total("no table"), None);
    }

    #[test]
    fn spread_is_median_min_max() {
        assert_eq!(spread(&mut [3.0, 1.0, 2.0]), Some((2.0, 1.0, 3.0)));
        assert_eq!(spread(&mut [4.0, 1.0, 2.0, 3.0]), Some((2.5, 1.0, 4.0)));
        assert_eq!(spread(&mut []), None);
    }

    #[test]
    fn renders_targets_from_counts() {
        let rows = vec![Row {
            workload: "pair",
            instructions: vec![Some(43.0), Some(53.0), Some(70.0), Some(61.0), Some(74.0), Some(4000.0)],
            syscalls: vec![Some(2.0), Some(2.0), Some(2.0), None, None, Some(2.0)],
            times: vec![("sock", 1.01, 0.97, 1.10)],
        }];
        let text = render(&rows);
        assert!(text.contains("| 43 | 53 | 70 | 61 | 74 | 4000 | +5.0 | yes |"), "{text}");
        assert!(text.contains("| 1.010 (0.970–1.100) | – | – | yes |"), "{text}");
    }
}

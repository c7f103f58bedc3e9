//! Reading what the guest reported: the results channel and the kernel console.
//!
//! The guest's init writes to its second serial port (the results channel, free of kernel
//! messages) with these framing lines, each on a line of its own:
//!
//! ```text
//! SOCK-VM-SETUP-FAIL: <what failed while preparing the guest>
//! SOCK-VM-BEGIN <binary>
//! ...the test binary's own output (libtest, with --show-output)...
//! SOCK-VM-END <binary> <exit status>
//! SOCK-VM-DONE
//! ```
//!
//! A binary counts as run only when its output holds a libtest summary line
//! (`test result: ok. 3 passed; 0 failed; 1 ignored; ...`). Tests that printed a
//! `SOCK-SKIP:` line (see `sock_tests::require`) count as skipped, not passed, and so do
//! tests marked ignore: nothing may be skipped silently.

use std::collections::BTreeSet;

/// Marker of a failed guest preparation step.
pub const SETUP_FAIL: &str = "SOCK-VM-SETUP-FAIL:";
/// Marker written before a test binary runs.
pub const BEGIN: &str = "SOCK-VM-BEGIN";
/// Marker written after a test binary ended, with its exit status.
pub const END: &str = "SOCK-VM-END";
/// Marker written once every binary ran.
pub const DONE: &str = "SOCK-VM-DONE";
/// The line a test prints when it skips (`sock_tests::SKIP_MARKER`).
pub const SKIP: &str = "SOCK-SKIP:";

/// What one test binary reported.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BinaryResult {
    /// The test target name (`can` for `tests/tests/can.rs`).
    pub name: String,
    /// Exit status written after it ended; `None` if the guest never got there.
    pub exit: Option<i32>,
    /// Whether a libtest `test result:` line was seen.
    pub has_summary: bool,
    /// Tests that passed and did not skip.
    pub passed: u32,
    /// Tests that failed.
    pub failed: u32,
    /// Tests that printed a `SOCK-SKIP:` line or were marked ignore.
    pub skipped: u32,
    /// Names of the failed tests (from `test x ... FAILED`).
    pub failed_tests: Vec<String>,
    /// Names or lines of the skips.
    pub skips: Vec<String>,
    /// The binary's whole output, for printing when it failed.
    pub output: Vec<String>,
}

impl BinaryResult {
    /// Whether this binary ran to a summary with nothing failed or skipped and exit status 0.
    pub fn is_clean(&self) -> bool {
        self.has_summary && self.failed == 0 && self.skipped == 0 && self.exit == Some(0)
    }
}

/// Everything the results channel held.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    /// Guest preparation steps that failed.
    pub setup_failures: Vec<String>,
    /// The binaries in the order they ran.
    pub binaries: Vec<BinaryResult>,
    /// Whether the guest reached the end of its run.
    pub done: bool,
}

/// Parses the results channel (carriage returns of the serial line are ignored).
pub fn parse_report(text: &str) -> Report {
    let mut report = Report::default();
    let mut current: Option<BinaryResult> = None;
    for raw in text.lines() {
        let stripped = strip_ansi(raw);
        let line = stripped.trim_end_matches('\r');
        if let Some(rest) = line.strip_prefix(SETUP_FAIL) {
            report.setup_failures.push(rest.trim().to_string());
        } else if let Some(rest) = marker_arg(line, BEGIN) {
            if let Some(open) = current.take() {
                report.binaries.push(finish_binary(open));
            }
            current = Some(BinaryResult { name: rest.to_string(), ..Default::default() });
        } else if let Some(rest) = marker_arg(line, END) {
            let mut parts = rest.split_whitespace();
            let name = parts.next().unwrap_or_default();
            let status = parts.next().and_then(|s| s.parse().ok());
            let mut bin = match current.take() {
                Some(b) if b.name == name => b,
                other => {
                    if let Some(o) = other {
                        report.binaries.push(finish_binary(o));
                    }
                    BinaryResult { name: name.to_string(), ..Default::default() }
                }
            };
            bin.exit = status;
            report.binaries.push(finish_binary(bin));
        } else if line.trim() == DONE {
            report.done = true;
        } else if let Some(bin) = current.as_mut() {
            bin.output.push(line.to_string());
        }
    }
    if let Some(open) = current.take() {
        report.binaries.push(finish_binary(open));
    }
    report
}

/// Removes ANSI escape sequences (`ESC [ ... letter`), in case a binary printed colours.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn marker_arg<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    line.strip_prefix(marker).filter(|r| r.starts_with(' ')).map(str::trim)
}

/// The counts of a libtest summary line: (passed, failed, ignored).
pub fn parse_summary(line: &str) -> Option<(u32, u32, u32)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let (_, counts) = rest.split_once(". ")?;
    let mut found = (None, None, None);
    for part in counts.split(';') {
        let mut words = part.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else { continue };
        let Ok(n) = n.parse::<u32>() else { continue };
        match what {
            "passed" => found.0 = Some(n),
            "failed" => found.1 = Some(n),
            "ignored" => found.2 = Some(n),
            _ => {}
        }
    }
    Some((found.0?, found.1?, found.2?))
}

/// Which part of libtest's output a line is in, for attributing skip lines to tests.
enum Section {
    /// Live output (with `--nocapture`) or the test list.
    Live,
    /// A `---- name stdout ----` block under `successes:`.
    Passed(String),
    /// A `---- name stdout ----` block under `failures:`.
    Failed,
}

fn finish_binary(mut bin: BinaryResult) -> BinaryResult {
    let mut in_failures = false;
    let mut section = Section::Live;
    let mut skipped_tests = BTreeSet::new();
    let mut live_skips = BTreeSet::new();
    let (mut passed, mut failed, mut ignored) = (0, 0, 0);
    for line in &bin.output {
        let trimmed = line.trim();
        if trimmed == "failures:" {
            in_failures = true;
            section = Section::Live;
        } else if trimmed == "successes:" {
            in_failures = false;
            section = Section::Live;
        } else if let Some(name) = trimmed.strip_prefix("---- ").and_then(|r| r.strip_suffix(" stdout ----")) {
            section = if in_failures { Section::Failed } else { Section::Passed(name.to_string()) };
        } else if let Some((p, f, i)) = parse_summary(trimmed) {
            bin.has_summary = true;
            passed += p;
            failed += f;
            ignored += i;
            section = Section::Live;
        } else if let Some(name) = trimmed.strip_prefix("test ").and_then(|r| r.strip_suffix(" ... FAILED")) {
            bin.failed_tests.push(name.to_string());
        } else if trimmed.contains(SKIP) {
            match &section {
                Section::Passed(name) => {
                    skipped_tests.insert(name.clone());
                }
                Section::Live => {
                    live_skips.insert(trimmed.to_string());
                }
                Section::Failed => {}
            }
        }
    }
    let skips = skipped_tests.len().max(live_skips.len()) as u32;
    bin.skips =
        if skipped_tests.is_empty() { live_skips.into_iter().collect() } else { skipped_tests.into_iter().collect() };
    bin.passed = passed.saturating_sub(skips);
    bin.failed = failed;
    bin.skipped = ignored + skips;
    bin
}

/// Facts found in the kernel console.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ConsoleFacts {
    /// The `Kernel panic` line, if the kernel panicked.
    pub panic: Option<String>,
    /// Oops/BUG/WARNING lines: reported, not fatal by themselves.
    pub warnings: Vec<String>,
}

/// Scans the kernel console for a panic and for kernel warnings.
pub fn scan_console(text: &str) -> ConsoleFacts {
    let mut facts = ConsoleFacts::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.contains("Kernel panic - not syncing") && facts.panic.is_none() {
            facts.panic = Some(line.trim().to_string());
        } else if ["BUG:", "Oops:", "WARNING:", "general protection fault"].iter().any(|m| line.contains(m)) {
            facts.warnings.push(line.trim().to_string());
        }
    }
    facts
}

/// The panic line when the kernel panicked before any test binary began (a boot fault, which
/// `test-linux` answers with one more boot); `None` when it did not panic or tests had begun.
pub fn panic_before_tests<'a>(report: &Report, console: &'a ConsoleFacts) -> Option<&'a str> {
    console.panic.as_deref().filter(|_| report.binaries.is_empty())
}

/// How the QEMU process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VmEnd {
    /// The guest reached the end and wrote to isa-debug-exit.
    Reported,
    /// QEMU exited without the guest's report (power off or panic).
    NoReport,
    /// The xtask killed QEMU at the hard timeout.
    TimedOut,
}

/// The final tally of a test run.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    /// Tests that passed.
    pub passed: u32,
    /// Tests that failed plus binaries that gave no result.
    pub failed: u32,
    /// Tests that skipped.
    pub skipped: u32,
    /// Everything that makes the run fail, one sentence each.
    pub problems: Vec<String>,
}

impl Tally {
    /// Whether the run passed.
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.failed == 0 && self.skipped == 0
    }

    /// The closing line: `N passed, M failed, K skipped`.
    pub fn closing_line(&self) -> String {
        format!("{} passed, {} failed, {} skipped", self.passed, self.failed, self.skipped)
    }
}

/// Judges a run: `expected` are the binaries that were sent to the guest; `require_tests`
/// says that each of them must have run at least one test (true when nothing was filtered).
pub fn tally(report: &Report, console: &ConsoleFacts, end: VmEnd, expected: &[String], require_tests: bool) -> Tally {
    let mut t = Tally::default();
    for f in &report.setup_failures {
        t.problems.push(format!("guest setup failed: {f}"));
    }
    for name in expected {
        let Some(bin) = report.binaries.iter().find(|b| &b.name == name) else {
            t.failed += 1;
            t.problems.push(format!("{name}: no result (the binary did not run to the end)"));
            continue;
        };
        t.passed += bin.passed;
        t.failed += bin.failed;
        t.skipped += bin.skipped;
        if !bin.has_summary {
            t.failed += 1;
            let how = match bin.exit {
                Some(code) => format!("exited with status {code}"),
                None => "never finished".to_string(),
            };
            t.problems.push(format!("{name}: no libtest result line ({how})"));
        } else if bin.exit != Some(0) && bin.failed == 0 {
            t.failed += 1;
            t.problems.push(format!("{name}: exit status {:?} although no test failed", bin.exit));
        } else if require_tests && bin.passed + bin.failed + bin.skipped == 0 {
            t.problems.push(format!("{name}: ran no test at all (is its feature enabled?)"));
        }
    }
    if let Some(p) = &console.panic {
        t.problems.push(format!("kernel panic: {p}"));
    }
    match end {
        VmEnd::Reported if !report.done => t.problems.push("the guest did not report the end of its run".into()),
        VmEnd::Reported => {}
        VmEnd::NoReport => t.problems.push("the guest powered off without reporting (panic or crash?)".into()),
        VmEnd::TimedOut => t.problems.push("hard timeout: QEMU was killed".into()),
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK_RUN: &str = "\
SOCK-VM-BEGIN core_socket\r
\r
running 3 tests\r
test a ... ok\r
test b ... ok\r
test c ... ignored\r
\r
successes:\r
\r
successes:\r
    a\r
    b\r
\r
test result: ok. 2 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\r
\r
SOCK-VM-END core_socket 0\r
SOCK-VM-DONE\r
";

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn colours_are_ignored() {
        assert_eq!(strip_ansi("test x ... \u{1b}[31mFAILED\u{1b}[0m"), "test x ... FAILED");
        assert_eq!(strip_ansi("\u{1b}"), "");
        let text =
            "SOCK-VM-BEGIN c\ntest a ... \u{1b}[31mFAILED\u{1b}[0m\ntest result: \u{1b}[31mFAILED\u{1b}[0m. 0 passed; \
                    1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\nSOCK-VM-END c 101\n";
        let b = &parse_report(text).binaries[0];
        assert_eq!((b.failed, b.failed_tests.clone()), (1, vec!["a".to_string()]));
    }

    #[test]
    fn summary_lines() {
        assert_eq!(
            parse_summary(
                "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 1.2s"
            ),
            Some((12, 0, 1))
        );
        assert_eq!(
            parse_summary(
                "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 5 filtered out; finished in 0s"
            ),
            Some((3, 2, 0))
        );
        assert_eq!(parse_summary("test result: ok"), None);
        assert_eq!(parse_summary("running 3 tests"), None);
    }

    #[test]
    fn clean_run_counts_ignored_as_skipped() {
        let r = parse_report(OK_RUN);
        assert!(r.done);
        assert_eq!(r.binaries.len(), 1);
        let b = &r.binaries[0];
        assert_eq!((b.passed, b.failed, b.skipped, b.exit), (2, 0, 1, Some(0)));
        let t = tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["core_socket"]), true);
        assert_eq!(t.closing_line(), "2 passed, 0 failed, 1 skipped");
        assert!(!t.ok());
    }

    #[test]
    fn all_passing_is_ok() {
        let text = OK_RUN.replace("1 ignored", "0 ignored");
        let t = tally(&parse_report(&text), &ConsoleFacts::default(), VmEnd::Reported, &names(&["core_socket"]), true);
        assert!(t.ok(), "{t:?}");
        assert_eq!(t.closing_line(), "2 passed, 0 failed, 0 skipped");
    }

    #[test]
    fn failures_are_counted_and_named() {
        let text = "\
SOCK-VM-BEGIN can
running 2 tests
test raw::send ... FAILED
test raw::recv ... ok

failures:

---- raw::send stdout ----
thread 'raw::send' panicked at tests/tests/can.rs:10:5:
AF_CAN sockets is required (SOCK_REQUIRE_ALL=1) but unavailable

failures:
    raw::send

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

SOCK-VM-END can 101
SOCK-VM-DONE
";
        let r = parse_report(text);
        let b = &r.binaries[0];
        assert_eq!(b.failed_tests, vec!["raw::send".to_string()]);
        let t = tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["can"]), true);
        assert_eq!(t.closing_line(), "1 passed, 1 failed, 0 skipped");
        assert!(!t.ok());
    }

    #[test]
    fn skip_lines_under_show_output_count_once_per_test() {
        let text = "\
SOCK-VM-BEGIN alg
running 2 tests
test hash ... ok
test rng ... ok

successes:

---- hash stdout ----
SOCK-SKIP: AF_ALG sockets: Address family not supported by protocol
SOCK-SKIP: AF_ALG sockets: Address family not supported by protocol

---- rng stdout ----

successes:
    hash
    rng

test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

SOCK-VM-END alg 0
SOCK-VM-DONE
";
        let r = parse_report(text);
        let b = &r.binaries[0];
        assert_eq!((b.passed, b.skipped), (1, 1));
        assert_eq!(b.skips, vec!["hash".to_string()]);
        let t = tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["alg"]), true);
        assert_eq!(t.closing_line(), "1 passed, 0 failed, 1 skipped");
        assert!(!t.ok());
    }

    #[test]
    fn live_skip_lines_with_nocapture_are_deduplicated() {
        let text = "\
SOCK-VM-BEGIN tipc
running 1 test
SOCK-SKIP: tipc: no module
SOCK-SKIP: tipc: no module
test rdm ... ok
test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
SOCK-VM-END tipc 0
";
        let b = &parse_report(text).binaries[0];
        assert_eq!((b.passed, b.skipped), (0, 1));
    }

    #[test]
    fn missing_binary_and_missing_summary_fail() {
        let text = "\
SOCK-VM-BEGIN vsock
running 4 tests
thread 'main' has overflowed its stack
SOCK-VM-END vsock 134
SOCK-VM-DONE
";
        let r = parse_report(text);
        let t = tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["vsock", "bt"]), true);
        assert_eq!(t.failed, 2);
        assert!(t.problems.iter().any(|p| p.contains("vsock: no libtest result line (exited with status 134)")));
        assert!(t.problems.iter().any(|p| p.contains("bt: no result")));
        assert!(!t.ok());
    }

    #[test]
    fn binary_cut_off_by_a_crash_has_no_exit() {
        let text = "SOCK-VM-BEGIN can\nrunning 1 test\n";
        let r = parse_report(text);
        assert_eq!(r.binaries[0].exit, None);
        assert!(!r.done);
        let t = tally(&r, &ConsoleFacts::default(), VmEnd::NoReport, &names(&["can"]), true);
        assert!(t.problems.iter().any(|p| p.contains("never finished")));
        assert!(t.problems.iter().any(|p| p.contains("without reporting")));
    }

    #[test]
    fn only_a_panic_before_any_test_is_a_boot_fault() {
        let panicked =
            scan_console("[    1.3] Oops: int3: 0000 [#1]\n[    1.3] Kernel panic - not syncing: Fatal exception\n");
        let booted = parse_report("");
        assert!(panic_before_tests(&booted, &panicked).unwrap().contains("Fatal exception"));
        // Once a binary has begun, a panic is that run's result.
        let begun = parse_report("SOCK-VM-BEGIN can\nrunning 3 tests\n");
        assert_eq!(panic_before_tests(&begun, &panicked), None);
        assert_eq!(panic_before_tests(&booted, &ConsoleFacts::default()), None);
    }

    #[test]
    fn panics_setup_failures_timeouts_and_empty_binaries_fail() {
        let console = scan_console(
            "[    1.0] foo\r\n[    2.5] Kernel panic - not syncing: VFS: Unable to mount root fs\r\n[    2.6] BUG: x\n",
        );
        assert!(console.panic.as_deref().unwrap().contains("Unable to mount root fs"));
        assert_eq!(console.warnings.len(), 1);
        let text =
            "SOCK-VM-SETUP-FAIL: modprobe tipc\n".to_string() + OK_RUN.replace("1 ignored", "0 ignored").as_str();
        let r = parse_report(&text);
        assert_eq!(r.setup_failures, vec!["modprobe tipc".to_string()]);
        let t = tally(&r, &console, VmEnd::TimedOut, &names(&["core_socket"]), true);
        assert_eq!(t.problems.len(), 3, "{:?}", t.problems);
        let empty = "SOCK-VM-BEGIN x\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; \
                     finished in 0.00s\nSOCK-VM-END x 0\nSOCK-VM-DONE\n";
        let r = parse_report(empty);
        assert!(!tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["x"]), true).ok());
        assert!(tally(&r, &ConsoleFacts::default(), VmEnd::Reported, &names(&["x"]), false).ok());
    }

    #[test]
    fn nonzero_exit_without_failed_tests_fails() {
        let text = OK_RUN.replace("1 ignored", "0 ignored").replace("core_socket 0", "core_socket 137");
        let t = tally(&parse_report(&text), &ConsoleFacts::default(), VmEnd::Reported, &names(&["core_socket"]), true);
        assert!(!t.ok());
        assert_eq!(t.failed, 1);
    }
}

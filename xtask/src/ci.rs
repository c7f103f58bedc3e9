//! `cargo xtask ci`: every check of the project in order, stopping at the first failure.
//!
//! Kernels: `ci` runs `test-linux` once per kernel in [`kernel::PINNED`] (Debian's 6.1 and
//! 6.12), each as its own timed step. The second kernel costs only its boot and test run (the
//! test binaries are already built): about 2 minutes under TCG on the 2-core CI machine
//! (measured: 109 s for 232 tests) plus a one-off 107 MB download, well within CI's budget.
//! `--kernel` limits `ci` to the kernels it names (e.g. `cargo xtask ci --kernel 6.1`).

use crate::cmd::{self, Result};
use crate::kernel;
use crate::test_linux::{self, TestOptions};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The facade features that must each build alone (plus no feature at all).
pub const FACADE_FEATURES: &[&str] = &[
    "inet", "unix", "resolve", "can", "packet", "alg", "vsock", "bt", "tipc", "netlink", "qipcrtr", "full", "tokio",
    "async-io",
];

/// The library crates whose docs must build alone (default features) without a warning: the
/// workspace-wide doc build unifies features and hides links that only resolve with another
/// crate's features on.
pub const LIBRARY_CRATES: &[&str] = &[
    "sock-core",
    "sock-resolve",
    "sock-inet",
    "sock-unix",
    "sock-can",
    "sock-packet",
    "sock-alg",
    "sock-vsock",
    "sock-bt",
    "sock-tipc",
    "sock-netlink",
    "sock-qipcrtr",
    "sock-cli",
];

/// Cases per property of the bounded fuzz run (`SOCK_FUZZ_CASES` of tests/tests/fuzz.rs).
pub const FUZZ_CASES: &str = "100000";
/// The bounded fuzz run: the proptest fuzz targets of the integration tests, optimised.
const FUZZ_ARGS: &str = "test --release -p sock-tests --test fuzz";

/// One host step: a label and a cargo command line.
struct Step {
    label: String,
    args: Vec<String>,
    env: Vec<(&'static str, &'static str)>,
}

fn step(label: &str, args: &str) -> Step {
    Step { label: label.to_string(), args: args.split_whitespace().map(str::to_string).collect(), env: Vec::new() }
}

fn steps() -> Vec<Step> {
    let mut v = vec![
        step("fmt", "fmt --all -- --check"),
        step("clippy", "clippy --workspace --all-targets --all-features -- -D warnings"),
        step("test (host)", "test --workspace --all-features"),
        // tests/tests/fuzz.rs runs 256 cases per property in the step above; here it runs in
        // release mode with many more (about 30 s of fuzzing on a 2-core machine, plus the
        // release build).
        Step { env: vec![("SOCK_FUZZ_CASES", FUZZ_CASES)], ..step("fuzz (bounded)", FUZZ_ARGS) },
        Step { env: vec![("RUSTDOCFLAGS", "-Dwarnings")], ..step("doc", "doc --workspace --no-deps --all-features") },
        // The facade alone, as users build its docs: every intra-doc link must resolve with the
        // default features and with `full` too (the workspace build above unifies features).
        Step { env: vec![("RUSTDOCFLAGS", "-Dwarnings")], ..step("doc (facade, default)", "doc -p sock --no-deps") },
        Step {
            env: vec![("RUSTDOCFLAGS", "-Dwarnings")],
            ..step("doc (facade, full)", "doc -p sock --no-deps --features full")
        },
        step("facade, no features", "build -p sock --no-default-features"),
    ];
    for c in LIBRARY_CRATES {
        v.push(Step {
            env: vec![("RUSTDOCFLAGS", "-Dwarnings")],
            ..step(&format!("doc ({c}, default)"), &format!("doc -p {c} --no-deps"))
        });
    }
    for f in FACADE_FEATURES {
        v.push(step(&format!("facade, feature {f}"), &format!("build -p sock --no-default-features --features {f}")));
    }
    v.push(step("bench (build)", "bench --workspace --no-run"));
    v
}

/// Runs all steps, then `test-linux` on each kernel; prints how long each took. Stops at the first failure
/// unless `keep_going` (then every step runs and the failures are listed at the end).
pub fn ci(root: &Path, vm: &TestOptions, keep_going: bool) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut times: Vec<(String, Duration, bool)> = Vec::new();
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    // The host tests use real peers too (ip, socat, python3): install them before any step.
    crate::host::ensure_packages()?;
    for s in steps() {
        println!("\n==> ci: {}", s.label);
        let t = Instant::now();
        let mut c = Command::new(&cargo);
        c.current_dir(root).args(&s.args).envs(s.env.iter().copied());
        let r = cmd::run(&mut c);
        times.push((s.label, t.elapsed(), r.is_ok()));
        if let Err(e) = r {
            failures.push(e);
            if !keep_going {
                break;
            }
        }
    }
    for (label, opts) in test_linux_steps(vm) {
        if !(failures.is_empty() || keep_going) {
            break;
        }
        println!("\n==> ci: {label}");
        let t = Instant::now();
        let r = test_linux::test_linux(root, &opts);
        times.push((label, t.elapsed(), r.is_ok()));
        failures.extend(r.err());
    }
    println!("\n==> ci: step times");
    for (label, d, ok) in &times {
        println!("  {:<28} {:>6.1}s  {}", label, d.as_secs_f64(), if *ok { "ok" } else { "FAILED" });
    }
    println!("  {:<28} {:>6.1}s", "total", started.elapsed().as_secs_f64());
    if failures.is_empty() {
        println!("ci: all steps passed");
        Ok(())
    } else {
        Err(format!("ci failed:\n  {}", failures.join("\n  ")))
    }
}

/// One `test-linux` step per kernel: those named with `--kernel`, else every pinned series.
fn test_linux_steps(vm: &TestOptions) -> Vec<(String, TestOptions)> {
    vm.vm
        .kernels_or(kernel::ci_kernels())
        .into_iter()
        .map(|k| {
            let mut opts = vm.clone();
            opts.vm.kernels = vec![k.clone()];
            (format!("test-linux {k}"), opts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_builds_alone() {
        let s = steps();
        assert_eq!(s[0].args, ["fmt", "--all", "--", "--check"]);
        for f in FACADE_FEATURES {
            assert!(s.iter().any(|st| st.args.ends_with(&["--features".to_string(), f.to_string()])), "{f}");
        }
        assert!(s.iter().any(|st| st.args == ["build", "-p", "sock", "--no-default-features"]));
        assert_eq!(s.last().unwrap().args, ["bench", "--workspace", "--no-run"]);
        for c in LIBRARY_CRATES {
            let doc = s.iter().find(|st| st.args == ["doc", "-p", c, "--no-deps"]).expect("a doc step per crate");
            assert_eq!(doc.env, [("RUSTDOCFLAGS", "-Dwarnings")]);
        }
        let fuzz = s.iter().find(|st| st.label == "fuzz (bounded)").expect("a fuzz step");
        assert_eq!(fuzz.args, ["test", "--release", "-p", "sock-tests", "--test", "fuzz"]);
        assert_eq!(fuzz.env, [("SOCK_FUZZ_CASES", FUZZ_CASES)]);
    }

    #[test]
    fn test_linux_runs_once_per_kernel() {
        let mut opts = TestOptions {
            vm: Default::default(),
            features: crate::test_bins::Features::All,
            only: Vec::new(),
            args: Vec::new(),
        };
        let labels = |o: &TestOptions| test_linux_steps(o).into_iter().map(|(l, _)| l).collect::<Vec<_>>();
        assert_eq!(labels(&opts), ["test-linux 6.1", "test-linux 6.12"]);
        for (_, o) in test_linux_steps(&opts) {
            assert_eq!(o.vm.kernels.len(), 1);
        }
        opts.vm.kernels = kernel::KernelSpec::parse_list("6.12").unwrap();
        assert_eq!(labels(&opts), ["test-linux 6.12"]);
    }
}

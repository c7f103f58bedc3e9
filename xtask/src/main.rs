//! `cargo xtask`: the project's CI and its real-kernel integration tests.
//!
//! ```text
//! cargo xtask ci          fmt, clippy, host tests, docs, each facade feature alone, benches
//!                         (built), then test-linux on Debian's 6.1 and 6.12 kernels (one step
//!                         each); prints the time of each step
//! cargo xtask test-linux  every tests/tests/*.rs binary inside a VM running Debian's kernel
//!                         (6.1 unless --kernel says otherwise)
//! cargo xtask vm-shell    the same VM with an interactive shell instead of the tests
//! cargo xtask bench-report  run the benchmarks and write BENCHMARKS.md (--no-run: reuse results;
//!                           --async-only: only the async instruction counts; --hotpath-only: only
//!                           the hot-path sections; --offload-only: only the offload section)
//!
//! VM options (test-linux, vm-shell, ci):
//!   --kernel <release | series | file.deb>   6.1.0-56-amd64, 6.12 (the pinned 6.12.117+deb12-amd64),
//!                                             ./x.deb; a comma list or repeated --kernel runs
//!                                             the tests on each kernel in turn. Default: 6.1
//!                                             (test-linux, vm-shell); 6.1 and 6.12 (ci)
//!   --accel auto|kvm|tcg                      default auto: KVM only if a probe boot works
//!   --timeout <seconds>                       hard limit for the VM (default 1800)
//! ci option:
//!   --keep-going                              run every step even after a failure
//! test-linux options:
//!   --features <list>                         build sock-tests with only these features
//!   --test <name>                             run only this binary (repeatable)
//!   -- <args>                                 passed to every test binary (e.g. a filter)
//! ```
//!
//! How `test-linux` works (details in the modules):
//! 1. [`host`]: installs missing host packages with apt-get when root, else prints the command.
//! 2. [`kernel`]: fetches Debian's stock `linux-image-<release>` with `apt-get download`
//!    (6.1 from bookworm, 6.12 from bookworm-security), unpacks it under `target/vm/kernels/`
//!    and runs `depmod` on it (cached). Steps 4 to 6 repeat for each kernel.
//! 3. [`test_bins`]: `cargo test -p sock-tests --no-run` builds one binary per
//!    `tests/tests/*.rs`, found through cargo's JSON messages, never from a list.
//! 4. [`guest`]: a tiny initramfs (busybox + 9p modules + init); the guest mounts the host's
//!    root read-only over 9p and runs the binaries there with `chroot`, so host-built
//!    binaries and every real peer work unchanged. See that module for why.
//! 5. [`qemu`]: boots with KVM when a probe boot proves it works, else TCG; a hard timeout.
//! 6. [`results`]: parses the results channel and prints `N passed, M failed, K skipped`;
//!    any failure, skip, missing result, kernel panic or timeout makes the command fail.
//!
//! Everything is std-only, so the xtask builds in seconds before the rest of the workspace.

mod bench_report;
mod ci;
mod cmd;
mod cpio;
mod guest;
mod host;
mod hotpath;
mod json;
mod kernel;
mod modules;
mod offload;
mod qemu;
mod results;
mod test_bins;
mod test_linux;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use test_bins::Features;
use test_linux::{TestOptions, VmOptions};

const USAGE: &str =
    "usage: cargo xtask <ci | test-linux | vm-shell | bench-report [--no-run | --async-only | --hotpath-only | --offload-only]> [--kernel <release|series|file.deb>[,...]] \
[--accel auto|kvm|tcg] [--timeout <secs>] [--features <list>] [--test <name>]... [--keep-going] [-- <test args>]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> cmd::Result<()> {
    let Some((command, rest)) = args.split_first() else { return Err(USAGE.into()) };
    // `--keep-going` is ci's own; everything else is shared with test-linux.
    let split = rest.iter().position(|a| a == "--").unwrap_or(rest.len());
    let keep_going = rest[..split].iter().any(|a| a == "--keep-going");
    let no_run = rest[..split].iter().any(|a| a == "--no-run");
    let async_only = rest[..split].iter().any(|a| a == "--async-only");
    let hotpath_only = rest[..split].iter().any(|a| a == "--hotpath-only");
    let offload_only = rest[..split].iter().any(|a| a == "--offload-only");
    let rest: Vec<String> = rest[..split]
        .iter()
        .filter(|a| {
            !matches!(a.as_str(), "--keep-going" | "--no-run" | "--async-only" | "--hotpath-only" | "--offload-only")
        })
        .chain(&rest[split..])
        .cloned()
        .collect();
    let opts = parse_options(&rest)?;
    let root = workspace_root();
    match command.as_str() {
        "test-linux" => test_linux::test_linux(&root, &opts),
        "vm-shell" => test_linux::vm_shell(&root, &opts.vm),
        "bench-report" if async_only => bench_report::async_only(&root),
        "bench-report" if hotpath_only => bench_report::hotpath_only(&root),
        "bench-report" if offload_only => bench_report::offload_only(&root),
        "bench-report" => bench_report::bench_report(&root, !no_run),
        "ci" => ci::ci(&root, &opts, keep_going),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    }
}

/// The workspace root: the parent of this package's directory.
fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

fn parse_options(args: &[String]) -> cmd::Result<TestOptions> {
    let mut o = TestOptions { vm: VmOptions::default(), features: Features::All, only: Vec::new(), args: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| format!("{flag} needs a value"));
        match flag {
            "--" => {
                o.args = it.by_ref().cloned().collect();
            }
            "--kernel" => {
                for k in kernel::KernelSpec::parse_list(&value()?)? {
                    if !o.vm.kernels.contains(&k) {
                        o.vm.kernels.push(k);
                    }
                }
            }
            "--accel" => {
                o.vm.accel = match value()?.as_str() {
                    "auto" => None,
                    "kvm" => Some(qemu::Accel::Kvm),
                    "tcg" => Some(qemu::Accel::Tcg),
                    v => return Err(format!("--accel {v}: expected auto, kvm or tcg")),
                }
            }
            "--timeout" => {
                let v = value()?;
                let secs: u64 = v.parse().map_err(|_| format!("--timeout {v}: expected seconds"))?;
                o.vm.timeout = Duration::from_secs(secs);
            }
            "--features" => o.features = Features::Only(value()?),
            "--test" => o.only.push(value()?),
            _ => return Err(format!("unknown option `{a}`\n{USAGE}")),
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> cmd::Result<TestOptions> {
        parse_options(&s.split_whitespace().map(str::to_string).collect::<Vec<_>>())
    }

    #[test]
    fn options() {
        let o = parse("--kernel 6.12 --accel=tcg --timeout 60 --test can --test alg --features can,alg -- x --exact")
            .unwrap();
        assert_eq!(o.vm.kernels, [kernel::KernelSpec::Series("6.12".into())]);
        assert_eq!(o.vm.accel, Some(qemu::Accel::Tcg));
        assert_eq!(o.vm.timeout, Duration::from_secs(60));
        assert_eq!(o.only, ["can", "alg"]);
        assert_eq!(o.features, Features::Only("can,alg".into()));
        assert_eq!(o.args, ["x", "--exact"]);
        let d = parse("").unwrap();
        assert_eq!((d.vm.accel, d.features, d.vm.timeout.as_secs()), (None, Features::All, 1800));
        assert!(parse("--accel fast").is_err());
        assert!(parse("--timeout").is_err());
        assert!(parse("--bogus").is_err());
        let k = parse("--kernel 6.1,6.12 --kernel=6.1.0-56-amd64 --kernel 6.12").unwrap().vm.kernels;
        let names: Vec<String> = k.iter().map(|k| k.to_string()).collect();
        assert_eq!(names, ["6.1", "6.12", "6.1.0-56-amd64"]);
        assert!(parse("").unwrap().vm.kernels.is_empty());
        assert!(parse("--kernel").unwrap_err().contains("--kernel needs a value"));
        assert!(parse("--kernel 6.1,foo").unwrap_err().contains("--kernel foo"));
        assert!(parse("--kernel=").unwrap_err().contains("empty kernel spec"));
    }
}

//! `cargo xtask test-linux` and `cargo xtask vm-shell`: the integration tests on a real kernel.

use crate::cmd::{self, Result};
use crate::guest::{self, Mode, Plan};
use crate::host;
use crate::kernel::{self, Kernel, KernelSpec};
use crate::qemu::{self, Accel, Machine};
use crate::results;
use crate::test_bins::{self, Features};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Options shared by every command that boots the guest.
#[derive(Debug, Clone)]
pub struct VmOptions {
    /// `--kernel`: the kernels to boot, in order (empty: the command's default).
    pub kernels: Vec<KernelSpec>,
    /// `--accel`: forced accelerator, or `None` to probe.
    pub accel: Option<Accel>,
    /// `--timeout`: hard limit for the whole boot.
    pub timeout: Duration,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions { kernels: Vec::new(), accel: None, timeout: Duration::from_secs(1800) }
    }
}

/// Options of `test-linux`.
#[derive(Debug, Clone)]
pub struct TestOptions {
    /// The guest.
    pub vm: VmOptions,
    /// Features of `sock-tests` to build.
    pub features: Features,
    /// `--test NAME`: only these binaries (all when empty).
    pub only: Vec<String>,
    /// Arguments after `--`, for every test binary.
    pub args: Vec<String>,
}

/// Seconds after which the guest kills one test binary.
const BINARY_TIMEOUT: u64 = 900;

/// Environment variables handed from the host to the tests in the guest, when set.
const PASS_ENV: &[&str] = &["PATH", "HOME", "USER", "LANG", "LC_ALL", "PYENV_ROOT", "PYENV_VERSION", "RUST_LOG"];

impl VmOptions {
    /// The kernels to boot: those given with `--kernel`, else `default`.
    pub fn kernels_or(&self, default: Vec<KernelSpec>) -> Vec<KernelSpec> {
        if self.kernels.is_empty() {
            default
        } else {
            self.kernels.clone()
        }
    }
}

/// Runs every integration test binary in the guest, once per kernel (the test binaries are
/// built once); `Ok` only if all of them passed on every kernel. A kernel that cannot be
/// fetched or booted fails the command but does not stop the other kernels.
pub fn test_linux(root: &Path, opts: &TestOptions) -> Result<()> {
    let started = Instant::now();
    let kernels = opts.vm.kernels_or(vec![KernelSpec::Series(kernel::DEFAULT_SERIES.into())]);
    host::ensure_packages()?;
    let busybox = host::static_busybox().ok_or("no static busybox found (install busybox-static)")?;
    let mut binaries = test_bins::build(root, &opts.features)?;
    let files = test_bins::test_files(&root.join("tests"));
    for f in &files {
        if !binaries.iter().any(|b| &b.name == f) {
            return Err(format!("tests/tests/{f}.rs produced no test binary"));
        }
    }
    if !opts.only.is_empty() {
        for name in &opts.only {
            if !binaries.iter().any(|b| &b.name == name) {
                return Err(format!("--test {name}: no such test binary (have: {})", names(&binaries)));
            }
        }
        binaries.retain(|b| opts.only.contains(&b.name));
    }
    if binaries.is_empty() {
        return Err("no integration test binary to run (tests/tests/ is empty)".into());
    }
    println!("xtask: {} test binaries: {}", binaries.len(), names(&binaries));
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    let mut total = results::Tally::default();
    for spec in &kernels {
        let t = Instant::now();
        let r = run_on_kernel(root, opts, spec, &binaries, &busybox);
        let secs = t.elapsed().as_secs();
        match r {
            Ok((release, tally)) => {
                lines.push(format!("{release}: {} ({secs}s)", tally.closing_line()));
                if !tally.ok() {
                    failures.push(format!("{release}: {}", tally.closing_line()));
                }
                total.passed += tally.passed;
                total.failed += tally.failed;
                total.skipped += tally.skipped;
            }
            Err(e) => {
                lines.push(format!("{spec}: could not run ({secs}s)"));
                let e = if e.starts_with("--kernel") { e } else { format!("kernel {spec}: {e}") };
                if kernels.len() > 1 {
                    println!("xtask: error: {e}");
                }
                failures.push(e);
            }
        }
    }
    println!("xtask: test-linux took {}s", started.elapsed().as_secs());
    if kernels.len() > 1 {
        for l in &lines {
            println!("xtask:   {l}");
        }
        println!("{} on {} kernels", total.closing_line(), kernels.len());
    } else if failures.len() < kernels.len() {
        println!("{}", total.closing_line());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("test-linux failed: {}", failures.join("; ")))
    }
}

/// Boots of one kernel when the first panics before any test ran.
const BOOT_ATTEMPTS: u32 = 2;

/// Boots one kernel and runs `binaries` in it; returns the release and the tally (which says
/// whether the run passed). `Err` when the kernel could not even be booted.
fn run_on_kernel(
    root: &Path,
    opts: &TestOptions,
    spec: &KernelSpec,
    binaries: &[test_bins::TestBinary],
    busybox: &Path,
) -> Result<(String, results::Tally)> {
    let (kernel, run_dir) = prepare_kernel(root, spec)?;
    // `--show-output` prints the captured output of passing tests too, so that a `SOCK-SKIP:`
    // line can never hide. The results channel is a tty: keep libtest's colours out of it.
    // Threads: libtest's default (one per vCPU, 2), as on the host; the tests are written to
    // run in parallel, and TCG is slow enough that waiting tests should overlap.
    let mut args = vec!["--show-output".to_string(), "--color=never".to_string()];
    args.extend(opts.args.iter().cloned());
    let expected: Vec<String> = binaries.iter().map(|b| b.name.clone()).collect();
    let mode = Mode::Tests {
        binaries: binaries.iter().map(|b| (b.name.clone(), b.path.clone())).collect(),
        args,
        binary_timeout: BINARY_TIMEOUT,
    };
    let plan = plan(root, kernel, mode)?;
    let accel = accel(&opts.vm, &plan, busybox, &run_dir)?;
    let image = write_initramfs(&plan, busybox, &run_dir.join("initramfs.cpio"))?;
    let results_path = run_dir.join("results.log");
    let machine = Machine { kernel: &plan.kernel.vmlinuz, initramfs: &image, accel, results: &results_path };
    let console_path = run_dir.join("console.log");
    let mut attempt = 1;
    let (outcome, report, facts, vm_secs) = loop {
        println!("xtask: booting {} under {accel}; test output follows", plan.kernel.release);
        let boot = Instant::now();
        let outcome = qemu::run(&machine, opts.vm.timeout, true, true)?;
        let vm_secs = boot.elapsed().as_secs();
        let _ = std::fs::write(&console_path, &outcome.console);
        let text = std::fs::read_to_string(&results_path).unwrap_or_default();
        let report = results::parse_report(&text);
        let facts = results::scan_console(&outcome.console);
        // A panic before the first test binary began is the boot's, not a test's doing (seen
        // under TCG: an int3 Oops in the timer code of a stock kernel, a second into boot):
        // boot once more. A panic once tests have begun is a result, never retried.
        match results::panic_before_tests(&report, &facts) {
            Some(panic) if attempt < BOOT_ATTEMPTS => {
                println!("\nxtask: the kernel panicked while booting, before any test ran ({panic}); booting again");
                attempt += 1;
            }
            _ => break (outcome, report, facts, vm_secs),
        }
    };
    let _ = std::fs::remove_file(&image);
    let filtered = !opts.only.is_empty() || !opts.args.is_empty() || opts.features != Features::All;
    let tally = results::tally(&report, &facts, outcome.end, &expected, !filtered);

    println!("\nxtask: results on {} ({accel}, guest ran {vm_secs}s):", plan.kernel.release);
    print_results(&report, &facts, &tally);
    println!("xtask: logs: {} and {}", console_path.display(), results_path.display());
    Ok((plan.kernel.release, tally))
}

/// One line per binary, then kernel warnings and every problem.
fn print_results(report: &results::Report, facts: &results::ConsoleFacts, tally: &results::Tally) {
    for b in &report.binaries {
        let mut line = format!("  {:<24} {} passed, {} failed, {} skipped", b.name, b.passed, b.failed, b.skipped);
        if !b.failed_tests.is_empty() {
            line += &format!(" (failed: {})", b.failed_tests.join(", "));
        }
        if !b.skips.is_empty() {
            line += &format!(" (skipped: {})", b.skips.join(", "));
        }
        if !b.is_clean() {
            line += "  <-- FAIL";
        }
        println!("{line}");
    }
    for w in &facts.warnings {
        println!("xtask: kernel warning: {w}");
    }
    for p in &tally.problems {
        println!("xtask: problem: {p}");
    }
}

/// Boots the guest with an interactive shell in the host root.
pub fn vm_shell(root: &Path, vm: &VmOptions) -> Result<()> {
    let kernels = vm.kernels_or(vec![KernelSpec::Series(kernel::DEFAULT_SERIES.into())]);
    let [spec] = kernels.as_slice() else {
        return Err(format!("vm-shell boots one kernel, but --kernel names {}", kernels.len()));
    };
    host::ensure_packages()?;
    let busybox = host::static_busybox().ok_or("no static busybox found (install busybox-static)")?;
    let (kernel, run_dir) = prepare_kernel(root, spec)?;
    let plan = plan(root, kernel, Mode::Shell)?;
    let accel = accel(vm, &plan, &busybox, &run_dir)?;
    let image = write_initramfs(&plan, &busybox, &run_dir.join("initramfs.cpio"))?;
    let results_path = run_dir.join("results.log");
    qemu::run_interactive(&Machine { kernel: &plan.kernel.vmlinuz, initramfs: &image, accel, results: &results_path })
}

fn names(bins: &[test_bins::TestBinary]) -> String {
    bins.iter().map(|b| b.name.as_str()).collect::<Vec<_>>().join(" ")
}

/// The kernel (fetched and unpacked if needed) and a fresh run directory for it.
fn prepare_kernel(root: &Path, spec: &KernelSpec) -> Result<(Kernel, PathBuf)> {
    let vm_dir = target_dir(root).join("vm");
    let kernel = kernel::prepare(spec, &vm_dir)?;
    println!("xtask: kernel {} ({})", kernel.release, kernel.vmlinuz.display());
    // One directory per run and kernel, so that concurrent runs do not share logs; old ones
    // are pruned.
    prune_runs(&vm_dir.join("runs"), 20);
    let run_dir = vm_dir.join("runs").join(format!("{}-{}", std::process::id(), kernel.release));
    std::fs::create_dir_all(&run_dir).map_err(|e| format!("cannot create {}: {e}", run_dir.display()))?;
    Ok((kernel, run_dir))
}

/// Removes all but the `keep` most recent run directories.
fn prune_runs(runs: &Path, keep: usize) {
    let Ok(dir) = std::fs::read_dir(runs) else { return };
    let mut dirs: Vec<(std::time::SystemTime, PathBuf)> =
        dir.filter_map(|e| e.ok()).filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path()))).collect();
    dirs.sort();
    let excess = dirs.len().saturating_sub(keep);
    for (_, d) in dirs.into_iter().take(excess) {
        let _ = std::fs::remove_dir_all(d);
    }
}

fn plan(root: &Path, kernel: Kernel, mode: Mode) -> Result<Plan> {
    let mut env: Vec<(String, String)> =
        PASS_ENV.iter().filter_map(|k| Some((k.to_string(), std::env::var(k).ok()?))).collect();
    // python3's own directory first: a pyenv shim (a bash script) costs seconds per start under TCG.
    let python = python_dir();
    if let Some(dir) = &python {
        if let Some((_, path)) = env.iter_mut().find(|(k, _)| k == "PATH") {
            *path = format!("{dir}:{path}");
        }
    }
    let ip = cmd::find_program("ip").ok_or("iproute2's `ip` not found")?;
    let target_dir = target_dir(root);
    let mut keep = vec![root.to_path_buf(), target_dir.clone()];
    keep.extend(python.map(PathBuf::from));
    Ok(Plan { kernel, workdir: root.join("tests"), env, ip, keep, target_dir, mode })
}

/// The directory of the interpreter that `python3` runs (through any pyenv-style shim).
fn python_dir() -> Option<String> {
    let out =
        cmd::output(Command::new("python3").args(["-c", "import os, sys; print(os.path.dirname(sys.executable))"]));
    out.ok().map(|s| s.trim().to_string()).filter(|s| s.starts_with('/'))
}

fn write_initramfs(plan: &Plan, busybox: &Path, path: &Path) -> Result<PathBuf> {
    let image = guest::initramfs(plan, busybox)?;
    std::fs::write(path, image).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

fn accel(vm: &VmOptions, plan: &Plan, busybox: &Path, run_dir: &Path) -> Result<Accel> {
    if let Some(a) = vm.accel {
        return Ok(a);
    }
    let probe_plan = Plan { mode: Mode::Probe, ..plan.clone() };
    let image = write_initramfs(&probe_plan, busybox, &run_dir.join("probe.cpio"))?;
    let results_path = run_dir.join("probe-results.log");
    let accel = qemu::choose_accel(|| {
        let m = Machine { kernel: &plan.kernel.vmlinuz, initramfs: &image, accel: Accel::Kvm, results: &results_path };
        qemu::run(&m, Duration::from_secs(60), false, false)
    });
    let _ = std::fs::remove_file(&image);
    Ok(accel)
}

/// The cargo target directory (`CARGO_TARGET_DIR` or `<root>/target`).
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

//! Getting the guest kernel: Debian's stock `linux-image-*-amd64` package, cached under
//! `target/vm/`.
//!
//! A kernel spec (`--kernel`, see [`KernelSpec::parse`]) is a kernel release
//! (`6.1.0-56-amd64`, `6.12.117+deb12-amd64`), a series (`6.1`, `6.12`) or the path of a `.deb`;
//! `--kernel 6.1,6.12` (or `--kernel` repeated) names several. A series selects its release
//! pinned in [`PINNED`] (the one the tests are known to pass on), or its newest release when
//! the series has no pin or the pinned package is no longer available. Without `--kernel`,
//! `test-linux` and `vm-shell` boot [`DEFAULT_SERIES`] and `ci` boots every pinned series.
//!
//! Both series come from Debian bookworm's own archive, no backports needed: 6.1 is bookworm's
//! kernel (`linux-signed-amd64`), 6.12 is the `linux-signed-6.12-amd64` package that bookworm
//! carries in `bookworm-security` (`6.12.*+deb12-amd64`, trixie's kernel built for bookworm).
//! 6.12's modules are `.ko.xz` (6.1's are plain `.ko`); busybox's `modprobe` decompresses them
//! itself, and the kernel logs a harmless `Invalid ELF header magic: != ELF` for each because
//! busybox tries `finit_module` on the compressed file first.
//!
//! Candidates are the packages apt knows plus the `.deb`s already in `target/vm/debs/` (so a
//! host whose apt has no Debian kernels, like an Ubuntu CI runner, can be handed a `.deb`
//! fetched elsewhere). The generic flavour is required: `-cloud-amd64` has no CAN, no
//! Bluetooth and no 9p.

use crate::cmd::{self, Result};
use crate::host;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned release of each supported series, oldest first: what a bare series selects and
/// what `cargo xtask ci` runs the tests on.
pub const PINNED: &[(&str, &str)] = &[("6.1", "6.1.0-56-amd64"), ("6.12", "6.12.117+deb12-amd64")];

/// The series `test-linux` and `vm-shell` boot when no `--kernel` is given.
pub const DEFAULT_SERIES: &str = "6.1";

/// What `--kernel` names: one kernel to boot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KernelSpec {
    /// `6.12`: the pinned release of the series, else its newest release.
    Series(String),
    /// `6.12.117+deb12-amd64` (a leading `linux-image-` is accepted and dropped).
    Release(String),
    /// A `linux-image-*.deb` file.
    Deb(PathBuf),
}

impl std::fmt::Display for KernelSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KernelSpec::Series(s) | KernelSpec::Release(s) => f.write_str(s),
            KernelSpec::Deb(p) => write!(f, "{}", p.display()),
        }
    }
}

impl KernelSpec {
    /// Parses one spec; the error names it and says what was expected.
    pub fn parse(spec: &str) -> Result<KernelSpec> {
        let s = spec.trim();
        let expected = "expected a kernel release (6.1.0-56-amd64), a series (6.1, 6.12) or a linux-image-*.deb path";
        if s.is_empty() {
            return Err(format!("--kernel '{spec}': empty kernel spec; {expected}"));
        }
        if s.ends_with(".deb") {
            return Ok(KernelSpec::Deb(PathBuf::from(s)));
        }
        if is_series(s) {
            return Ok(KernelSpec::Series(s.to_string()));
        }
        let release = s.strip_prefix("linux-image-").unwrap_or(s);
        if is_generic_release(release) {
            return Ok(KernelSpec::Release(release.to_string()));
        }
        if release.contains("cloud") {
            return Err(format!(
                "--kernel {spec}: the cloud flavour has no CAN, Bluetooth or 9p; use the generic -amd64 one"
            ));
        }
        Err(format!("--kernel {spec}: not a generic amd64 kernel; {expected}"))
    }

    /// Parses a comma-separated list of specs (`6.1,6.12`), dropping repeats.
    pub fn parse_list(list: &str) -> Result<Vec<KernelSpec>> {
        let mut out: Vec<KernelSpec> = Vec::new();
        for part in list.split(',') {
            let spec = KernelSpec::parse(part).map_err(|e| {
                if list.contains(',') {
                    format!("{e} (in --kernel {list})")
                } else {
                    e
                }
            })?;
            if !out.contains(&spec) {
                out.push(spec);
            }
        }
        Ok(out)
    }
}

/// The specs `cargo xtask ci` runs by default: every pinned series.
pub fn ci_kernels() -> Vec<KernelSpec> {
    PINNED.iter().map(|(series, _)| KernelSpec::Series(series.to_string())).collect()
}

/// The pinned release of `series`, if it has one.
fn pinned(series: &str) -> Option<&'static str> {
    PINNED.iter().find(|(s, _)| *s == series).map(|(_, r)| *r)
}

/// A kernel unpacked and indexed on the host.
#[derive(Debug, Clone)]
pub struct Kernel {
    /// The release, `uname -r` in the guest.
    pub release: String,
    /// The bzImage.
    pub vmlinuz: PathBuf,
    /// `.../lib/modules/<release>`, with `depmod` already run.
    pub modules_dir: PathBuf,
}

/// Finds, downloads (if needed), unpacks and indexes the kernel selected by `spec`.
pub fn prepare(spec: &KernelSpec, vm_dir: &Path) -> Result<Kernel> {
    let debs = vm_dir.join("debs");
    std::fs::create_dir_all(&debs).map_err(|e| format!("cannot create {}: {e}", debs.display()))?;
    let deb = match spec {
        KernelSpec::Deb(p) => {
            if !p.is_file() {
                return Err(format!("--kernel {spec}: no such file"));
            }
            p.clone()
        }
        _ => {
            let release = choose_release(spec, &debs)?;
            match cached_deb(&debs, &release) {
                Some(p) => p,
                None => download(&release, &debs).map_err(|e| format!("--kernel {spec}: {e}"))?,
            }
        }
    };
    unpack(&deb, vm_dir).map_err(|e| format!("--kernel {spec}: {e}"))
}

/// The kernel release a spec selects.
fn choose_release(spec: &KernelSpec, debs: &Path) -> Result<String> {
    let mut known = apt_releases();
    known.extend(cached_releases(debs));
    known.sort_by(|a, b| version_cmp(a, b));
    known.dedup();
    select(spec, &known).ok_or_else(|| {
        format!(
            "--kernel {spec}: no matching linux-image-*-amd64 package known to apt or in {} \
             (run `apt-get update`; Debian bookworm has 6.1 in bookworm and 6.12 in bookworm-security)",
            debs.display()
        )
    })
}

/// The release `spec` selects among the `known` ones (sorted oldest first).
fn select(spec: &KernelSpec, known: &[String]) -> Option<String> {
    match spec {
        KernelSpec::Series(s) => match pinned(s) {
            Some(p) if known.iter().any(|r| r == p) => Some(p.to_string()),
            _ => newest_of_series(known, s),
        },
        // An exact release is tried even when apt's lists do not show it (apt-get says why not).
        KernelSpec::Release(r) => Some(r.clone()),
        KernelSpec::Deb(_) => None,
    }
}

fn is_series(s: &str) -> bool {
    let mut parts = s.split('.');
    let ok = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// Whether `release` is a generic amd64 kernel release (not cloud/rt/dbg/unsigned).
pub fn is_generic_release(release: &str) -> bool {
    release.ends_with("-amd64")
        && release.starts_with(|c: char| c.is_ascii_digit())
        && !["cloud", "-rt-", "dbg", "unsigned"].iter().any(|bad| release.contains(bad))
        && release.matches('.').count() >= 2
        && release.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".+~-".contains(&b))
}

fn newest_of_series(sorted: &[String], series: &str) -> Option<String> {
    let prefix = format!("{series}.");
    sorted.iter().rev().find(|r| r.starts_with(&prefix)).cloned()
}

/// Compares release strings by their runs of digits (`6.1.0-9` < `6.1.0-56`).
pub fn version_cmp(a: &str, b: &str) -> Ordering {
    let nums = |s: &str| -> Vec<u64> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().unwrap_or(u64::MAX))
            .collect()
    };
    nums(a).cmp(&nums(b)).then_with(|| a.cmp(b))
}

fn apt_releases() -> Vec<String> {
    let Ok(out) =
        cmd::output(Command::new("apt-cache").args(["search", "--names-only", "^linux-image-[0-9].*-amd64$"]))
    else {
        return Vec::new();
    };
    out.lines()
        .filter_map(|l| l.split_whitespace().next()?.strip_prefix("linux-image-"))
        .filter(|r| is_generic_release(r))
        .map(str::to_string)
        .collect()
}

fn deb_release(file_name: &str) -> Option<&str> {
    let rest = file_name.strip_prefix("linux-image-")?.strip_suffix(".deb")?;
    let release = rest.split('_').next()?;
    is_generic_release(release).then_some(release)
}

fn cached_releases(debs: &Path) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(debs) else { return Vec::new() };
    dir.filter_map(|e| e.ok()?.file_name().to_str().and_then(deb_release).map(str::to_string)).collect()
}

fn cached_deb(debs: &Path, release: &str) -> Option<PathBuf> {
    let dir = std::fs::read_dir(debs).ok()?;
    dir.filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).and_then(deb_release) == Some(release))
}

fn download(release: &str, debs: &Path) -> Result<PathBuf> {
    println!("xtask: downloading linux-image-{release} (70 to 110 MB) into {}", debs.display());
    cmd::run(Command::new("apt-get").args(["download", &format!("linux-image-{release}")]).current_dir(debs)).map_err(
        |e| format!("{e}\n(is the package in apt's lists? try `apt-get update`, or pass --kernel <path.deb>)"),
    )?;
    cached_deb(debs, release).ok_or_else(|| format!("apt-get download left no linux-image-{release}_*.deb"))
}

/// Unpacks `deb` into `target/vm/kernels/<deb name>/` once and runs depmod there. The work
/// happens in a scratch directory renamed into place at the end, so concurrent runs never see
/// a half-unpacked kernel.
fn unpack(deb: &Path, vm_dir: &Path) -> Result<Kernel> {
    let stem = deb.file_stem().and_then(|s| s.to_str()).ok_or("bad .deb file name")?;
    let kernels = vm_dir.join("kernels");
    let root = kernels.join(stem);
    if !root.is_dir() {
        println!("xtask: unpacking {}", deb.display());
        let scratch = kernels.join(format!("{stem}.partial-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
        cmd::run(Command::new("dpkg-deb").arg("-x").arg(deb).arg(&scratch))?;
        let (base, release) = find_release(&scratch, deb)?;
        // The .deb ships no modules.dep/alias (its postinst makes them); -b keeps the host out.
        cmd::run(Command::new(host::depmod()?).arg("-b").arg(&base).arg(&release))?;
        if std::fs::rename(&scratch, &root).is_err() {
            // Another run got there first.
            let _ = std::fs::remove_dir_all(&scratch);
        }
    }
    let (base, release) = find_release(&root, deb)?;
    Ok(Kernel {
        vmlinuz: root.join("boot").join(format!("vmlinuz-{release}")),
        modules_dir: base.join("lib/modules").join(&release),
        release,
    })
}

/// The depmod base (`root` or `root/usr`) and the release of an unpacked kernel package.
fn find_release(root: &Path, deb: &Path) -> Result<(PathBuf, String)> {
    for base in [root.to_path_buf(), root.join("usr")] {
        let Ok(dir) = std::fs::read_dir(base.join("lib/modules")) else { continue };
        let release = dir
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| root.join("boot").join(format!("vmlinuz-{n}")).is_file());
        if let Some(release) = release {
            return Ok((base, release));
        }
    }
    Err(format!("{} holds no boot/vmlinuz-<release> with lib/modules/<release>", deb.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_sort_numerically() {
        let mut v = vec!["6.1.0-9-amd64", "6.12.117+deb12-amd64", "6.1.0-56-amd64", "6.12.100+deb12-amd64"];
        v.sort_by(|a, b| version_cmp(a, b));
        assert_eq!(v, ["6.1.0-9-amd64", "6.1.0-56-amd64", "6.12.100+deb12-amd64", "6.12.117+deb12-amd64"]);
        let owned: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        assert_eq!(newest_of_series(&owned, "6.1").as_deref(), Some("6.1.0-56-amd64"));
        assert_eq!(newest_of_series(&owned, "6.12").as_deref(), Some("6.12.117+deb12-amd64"));
        assert_eq!(newest_of_series(&owned, "5.10"), None);
    }

    #[test]
    fn flavours_and_file_names() {
        assert!(is_generic_release("6.1.0-56-amd64"));
        assert!(is_generic_release("6.12.117+deb12-amd64"));
        assert!(!is_generic_release("6.1.0-56-cloud-amd64"));
        assert!(!is_generic_release("6.12.117+deb12-rt-amd64"));
        assert!(!is_generic_release("6.12-amd64"));
        assert!(!is_generic_release("6.12.117+deb12-amd64-unsigned"));
        assert_eq!(deb_release("linux-image-6.1.0-56-amd64_6.1.192-2_amd64.deb"), Some("6.1.0-56-amd64"));
        assert_eq!(
            deb_release("linux-image-6.12.117+deb12-amd64_6.12.117-1~bpo12+1_amd64.deb"),
            Some("6.12.117+deb12-amd64")
        );
        assert_eq!(deb_release("linux-image-6.1.0-56-cloud-amd64_6.1.192-2_amd64.deb"), None);
        assert!(is_series("6.12") && is_series("6.1") && !is_series("6.1.0-56-amd64") && !is_series("6"));
        assert!(!is_generic_release("6.1.0-56 -amd64") && !is_generic_release("6.1.0/56-amd64"));
    }

    #[test]
    fn specs_parse_or_name_the_bad_one() {
        let series = |s: &str| KernelSpec::Series(s.into());
        assert_eq!(KernelSpec::parse("6.12"), Ok(series("6.12")));
        assert_eq!(KernelSpec::parse(" 6.1 "), Ok(series("6.1")));
        assert_eq!(KernelSpec::parse("6.1.0-56-amd64"), Ok(KernelSpec::Release("6.1.0-56-amd64".into())));
        assert_eq!(
            KernelSpec::parse("linux-image-6.12.117+deb12-amd64"),
            Ok(KernelSpec::Release("6.12.117+deb12-amd64".into()))
        );
        assert_eq!(KernelSpec::parse("./k.deb"), Ok(KernelSpec::Deb("./k.deb".into())));
        for bad in ["", " ", "6", "latest", "6.12-amd64", "6.1.0-56-arm64", "6.1.0-56-amd64 x", "6.x"] {
            let e = KernelSpec::parse(bad).unwrap_err();
            assert!(e.starts_with(&format!("--kernel {bad}")) || e.contains(&format!("'{bad}'")), "{e}");
        }
        assert!(KernelSpec::parse("6.1.0-56-cloud-amd64").unwrap_err().contains("cloud flavour"));
        assert_eq!(KernelSpec::parse_list("6.1,6.12,6.1"), Ok(vec![series("6.1"), series("6.12")]));
        let e = KernelSpec::parse_list("6.1,,6.12").unwrap_err();
        assert!(e.contains("empty kernel spec") && e.contains("(in --kernel 6.1,,6.12)"), "{e}");
        assert!(KernelSpec::parse_list("6.1,bogus").unwrap_err().starts_with("--kernel bogus:"));
        assert_eq!(ci_kernels(), vec![series("6.1"), series("6.12")]);
        assert_eq!(KernelSpec::Series("6.12".into()).to_string(), "6.12");
    }

    #[test]
    fn series_prefer_their_pinned_release() {
        let known: Vec<String> = ["6.1.0-9-amd64", "6.1.0-56-amd64", "6.1.0-57-amd64", "6.12.117+deb12-amd64"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let series = |s: &str| KernelSpec::Series(s.into());
        assert_eq!(select(&series("6.1"), &known).as_deref(), Some("6.1.0-56-amd64"));
        assert_eq!(select(&series("6.12"), &known).as_deref(), Some("6.12.117+deb12-amd64"));
        // The pinned package is gone: the newest of the series.
        assert_eq!(select(&series("6.1"), &known[..1]).as_deref(), Some("6.1.0-9-amd64"));
        assert_eq!(select(&series("6.12"), &known[..3]), None);
        assert_eq!(select(&series("6.6"), &known), None);
        let r = KernelSpec::Release("6.1.0-1-amd64".into());
        assert_eq!(select(&r, &[]).as_deref(), Some("6.1.0-1-amd64"));
        for (series, release) in PINNED {
            assert!(is_series(series) && is_generic_release(release) && release.starts_with(&format!("{series}.")));
        }
        assert!(PINNED.iter().any(|(s, _)| *s == DEFAULT_SERIES));
    }
}

//! Getting the guest kernel: Debian's stock `linux-image-*-amd64` package, cached under
//! `target/vm/`.
//!
//! `--kernel` takes a kernel release (`6.1.0-56-amd64`, `6.12.117+deb12-amd64`), a series
//! (`6.1`, `6.12`: the newest release of it), or the path of a `.deb`. Without it the pinned
//! [`PINNED`] release is used, or the newest 6.1 release when the pinned one is no longer
//! available. Candidates are the packages apt knows plus the `.deb`s already in
//! `target/vm/debs/` (so a host whose apt has no Debian kernels, like an Ubuntu CI runner, can
//! be handed a `.deb` fetched elsewhere). The generic flavour is required: `-cloud-amd64` has no
//! CAN, no Bluetooth and no 9p.

use crate::cmd::{self, Result};
use crate::host;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The default kernel release (Debian bookworm's newest 6.1 when this was written).
pub const PINNED: &str = "6.1.0-56-amd64";

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
pub fn prepare(spec: Option<&str>, vm_dir: &Path) -> Result<Kernel> {
    let debs = vm_dir.join("debs");
    std::fs::create_dir_all(&debs).map_err(|e| format!("cannot create {}: {e}", debs.display()))?;
    let deb = match spec {
        Some(s) if s.ends_with(".deb") => {
            let p = PathBuf::from(s);
            if !p.is_file() {
                return Err(format!("--kernel {s}: no such file"));
            }
            p
        }
        _ => {
            let release = choose_release(spec, &debs)?;
            match cached_deb(&debs, &release) {
                Some(p) => p,
                None => download(&release, &debs)?,
            }
        }
    };
    unpack(&deb, vm_dir)
}

/// The kernel release a spec selects.
fn choose_release(spec: Option<&str>, debs: &Path) -> Result<String> {
    let mut known = apt_releases();
    known.extend(cached_releases(debs));
    known.sort_by(|a, b| version_cmp(a, b));
    known.dedup();
    match spec {
        None if known.iter().any(|r| r == PINNED) => Ok(PINNED.to_string()),
        None => newest_of_series(&known, "6.1").ok_or_else(|| {
            format!(
                "no Debian 6.1 kernel package found (apt has no linux-image-6.1.0-*-amd64 and {} is empty)",
                debs.display()
            )
        }),
        Some(s) if is_series(s) => newest_of_series(&known, s).ok_or_else(|| {
            format!("--kernel {s}: no linux-image-{s}.*-amd64 package known to apt or in {}", debs.display())
        }),
        Some(s) => Ok(s.strip_prefix("linux-image-").unwrap_or(s).to_string()),
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
    println!("xtask: downloading linux-image-{release} (about 70 MB) into {}", debs.display());
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
    }
}

//! The host programs `test-linux` needs, and installing them with apt-get.
//!
//! QEMU boots the guest, busybox (static: it runs inside the initramfs before the host root is
//! mounted) is the guest's init and module loader, kmod's `depmod` indexes the kernel's
//! modules, `dpkg-deb`/`apt-get` fetch and unpack the kernel. The test peers (can-utils,
//! socat, tcpdump, iproute2's `ip`) come from the host root shared into the guest, so they are host
//! packages too. No `cpio` is needed: the xtask writes the initramfs itself.

use crate::cmd::{self, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian/Ubuntu packages needed on the host, with a file each that proves it is installed.
pub const PACKAGES: &[(&str, &str)] = &[
    ("qemu-system-x86", "qemu-system-x86_64"),
    ("busybox-static", "busybox"),
    ("kmod", "depmod"),
    ("can-utils", "isotpsend"),
    ("socat", "socat"),
    ("tcpdump", "tcpdump"),
    ("iproute2", "ip"),
    ("bluez-test-tools", "btvirt"),
];

/// Checks the host packages; installs the missing ones when running as root, otherwise
/// returns the one command to run.
pub fn ensure_packages() -> Result<()> {
    let missing: Vec<&str> = PACKAGES
        .iter()
        .filter(|(pkg, prog)| {
            cmd::find_program(prog).is_none() || (*pkg == "busybox-static" && static_busybox().is_none())
        })
        .map(|(pkg, _)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let line = format!("apt-get update && apt-get install -y --no-install-recommends {}", missing.join(" "));
    if !cmd::is_root() || cmd::find_program("apt-get").is_none() {
        return Err(format!("missing host packages; run as root:\n    {line}"));
    }
    println!("xtask: installing host packages: {}", missing.join(" "));
    cmd::run(Command::new("apt-get").arg("update").arg("-q"))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if static_busybox().is_none() {
        return Err("busybox-static is installed but no static busybox was found".into());
    }
    Ok(())
}

/// The statically linked busybox (a dynamic one cannot run in the bare initramfs).
pub fn static_busybox() -> Option<PathBuf> {
    ["/bin/busybox", "/usr/bin/busybox"]
        .into_iter()
        .map(PathBuf::from)
        .chain(cmd::find_program("busybox"))
        .find(|p| std::fs::read(p).is_ok_and(|elf| is_static_elf(&elf)))
}

/// Whether `elf` is a 64-bit little-endian ELF file without a program interpreter.
pub fn is_static_elf(elf: &[u8]) -> bool {
    const PT_INTERP: u32 = 3;
    let u16_at = |o: usize| elf.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u64_at = |o: usize| elf.get(o..o + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])) as usize);
    if elf.get(..6) != Some(b"\x7fELF\x02\x01".as_slice()) {
        return false;
    }
    let (Some(phoff), Some(phentsize), Some(phnum)) = (u64_at(0x20), u16_at(0x36), u16_at(0x38)) else {
        return false;
    };
    (0..phnum).all(|i| {
        let at = phoff.saturating_add(i.saturating_mul(phentsize));
        elf.get(at..at + 4).is_some_and(|t| u32::from_le_bytes([t[0], t[1], t[2], t[3]]) != PT_INTERP)
    })
}

/// `depmod`, from kmod.
pub fn depmod() -> Result<PathBuf> {
    cmd::find_program("depmod").ok_or_else(|| "depmod not found (install kmod)".to_string())
}

/// Whether `/dev/kvm` can be opened for reading and writing.
pub fn kvm_writable() -> bool {
    std::fs::OpenOptions::new().read(true).write(true).open("/dev/kvm").is_ok()
}

/// Whether the host's KVM is the PVM flavour (nested sandboxes), which boots no stock kernel.
pub fn kvm_is_pvm() -> bool {
    Path::new("/sys/module/kvm_pvm").exists()
}

#[cfg(test)]
mod tests {
    use super::is_static_elf;

    #[test]
    fn elf_interp_detection() {
        assert!(!is_static_elf(b"not an elf"));
        assert!(!is_static_elf(b"\x7fELF\x02\x01"));
        // The running test binary is dynamically linked (Rust's default on gnu targets)...
        let me = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        assert_eq!(is_static_elf(&me), cfg!(target_feature = "crt-static"));
        // ...and a hand-made header with zero program headers is static.
        let mut elf = vec![0u8; 64];
        elf[..6].copy_from_slice(b"\x7fELF\x02\x01");
        assert!(is_static_elf(&elf));
        elf[0x38] = 1;
        elf[0x20] = 64;
        elf[0x36] = 56;
        assert!(!is_static_elf(&elf), "program header table out of bounds");
        elf.resize(64 + 56, 0);
        elf[64] = 3;
        assert!(!is_static_elf(&elf));
        elf[64] = 1;
        assert!(is_static_elf(&elf));
    }
}

//! The guest: its initramfs and the init script that prepares it and runs the tests.
//!
//! Design: the initramfs holds only a static busybox, the handful of modules needed to reach
//! the host (virtio-pci, 9p), and `/init`. QEMU shares the host's root directory read-only
//! over 9p; init mounts it on `/host`, mounts fresh proc/sys/dev/devpts/tmp/run there, binds
//! the guest kernel's full module tree (unpacked on the host) over `/lib/modules/<release>`,
//! and runs each test binary with `chroot /host`. So:
//! - the test binaries run exactly as cargo built them (no static linking, no copying);
//! - every real peer (python3, socat, can-utils, iproute2's `ip`, getent, sha256sum) and
//!   `/etc/hosts`, `/etc/services`, `/etc/protocols` are the host's own, with no packing;
//! - every module of the kernel is available to autoloading (busybox modprobe reads the full
//!   index that `depmod` wrote on the host), so no module list needs upkeep; the families'
//!   modules without an autoload alias are loaded explicitly ([`LOAD_MODULES`]);
//! - building the initramfs is instant (a few hundred kB), so each run builds a fresh one.
//!
//! Network of the guest: `lo` up; `vcan0` and `vcan1` (CAN FD MTU 72) up; network namespaces
//! `sockns1` and `sockns2` joined by the veth pair `sockv1` (10.77.0.1/24) / `sockv2`
//! (10.77.0.2/24); and, so that the root namespace looks like an ordinary host's (glibc's
//! `AI_ADDRCONFIG`, as used by `getent ahosts`, ignores loopback), a dummy interface
//! `sockdummy0` with 10.78.0.1/24 and fd78::1/64 carrying the default routes (packets sent
//! there vanish). All addresses are private and exist only inside the guest.
//!
//! The guest writes on the kernel console (ttyS0) only progress lines `sock-vm: ...`, and all
//! test output on a second serial port (ttyS1), framed as described in [`crate::results`].
//! It ends by writing [`EXIT_MARK`] to QEMU's isa-debug-exit port, so a QEMU exit status of
//! `(EXIT_MARK << 1) | 1` proves the guest reached its end.

use crate::cmd::sh_quote;
use crate::cpio::Cpio;
use crate::kernel::Kernel;
use crate::modules::ModuleIndex;
use crate::results::{BEGIN, DONE, END, SETUP_FAIL};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The byte the guest writes to isa-debug-exit at the end of a run.
pub const EXIT_MARK: u8 = 0x2a;
/// Printed on the console by the probe guest (KVM check).
pub const PROBE_MARK: &str = "SOCK-VM-PROBE-OK";
/// The 9p mount tag of the host root.
pub const HOST_TAG: &str = "hostroot";

/// Modules in the initramfs, loaded before the host root is mounted (built-ins are skipped).
const BOOT_MODULES: &[&str] = &["virtio_pci", "9pnet_virtio", "9p", "virtio_rng"];

/// Modules loaded explicitly in the guest, with parameters after a space. Most would autoload
/// on first use (`sctp` too); loading them up front makes a missing one a visible setup failure. `tipc` and
/// `hci_vhci` have no autoload alias at all. `dummy` would otherwise create a `dummy0`.
pub const LOAD_MODULES: &[&str] = &[
    "can",
    "can_raw",
    "can_bcm",
    "can_gw",
    "can_isotp",
    "can_j1939",
    "vcan",
    "vxcan",
    "af_alg",
    "algif_hash",
    "algif_skcipher",
    "algif_aead",
    "algif_rng",
    "vsock",
    "vsock_loopback",
    "tipc",
    "bluetooth",
    "hci_vhci",
    "rfcomm",
    "bnep",
    "rds",
    "rds_tcp",
    "qrtr",
    "sctp",
    "veth",
    "dummy numdummies=0",
];

fn module_name(entry: &str) -> &str {
    entry.split(' ').next().unwrap_or(entry)
}

/// What the guest does once prepared.
#[derive(Debug, Clone)]
pub enum Mode {
    /// Print [`PROBE_MARK`] right after boot and power off (to test an accelerator).
    Probe,
    /// Run the test binaries.
    Tests {
        /// (name, absolute path) of each binary.
        binaries: Vec<(String, PathBuf)>,
        /// Arguments for every binary.
        args: Vec<String>,
        /// Seconds after which one binary is killed.
        binary_timeout: u64,
    },
    /// An interactive shell on the console.
    Shell,
}

/// Everything the init script needs to know.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The kernel it boots.
    pub kernel: Kernel,
    /// Working directory of the test binaries (the tests package, like `cargo test`).
    pub workdir: PathBuf,
    /// Environment passed to the binaries (besides the fixed `SOCK_*` ones).
    pub env: Vec<(String, String)>,
    /// The host's iproute2 `ip` (absolute: busybox's `chroot` would run its own `ip` applet
    /// for a bare name, and that one has no `netns`).
    pub ip: PathBuf,
    /// Host directories the tests read (workspace, target dir, python): those under `/tmp`
    /// are bound back after the guest's own tmpfs covers `/tmp`.
    pub keep: Vec<PathBuf>,
    /// The cargo target directory; its `tmp/` (`CARGO_TARGET_TMPDIR`) gets a writable tmpfs.
    pub target_dir: PathBuf,
    /// What to do.
    pub mode: Mode,
}

/// Builds the initramfs image for `plan`.
pub fn initramfs(plan: &Plan, busybox: &Path) -> Result<Vec<u8>, String> {
    let index = ModuleIndex::load(&plan.kernel.modules_dir)?;
    if !matches!(plan.mode, Mode::Probe) {
        let missing: Vec<&str> = LOAD_MODULES.iter().map(|m| module_name(m)).filter(|m| !index.has(m)).collect();
        if !missing.is_empty() {
            return Err(format!("kernel {} lacks modules the tests need: {}", plan.kernel.release, missing.join(" ")));
        }
    }
    let boot = index.load_order(BOOT_MODULES)?;
    let load: Vec<String> =
        LOAD_MODULES.iter().filter(|m| !index.is_builtin(module_name(m))).map(|m| m.to_string()).collect();
    let mut c = Cpio::new();
    for d in ["bin", "sbin", "usr", "usr/bin", "usr/sbin", "proc", "sys", "dev", "tmp", "host", "lib", "lib/modules"] {
        c.dir(d);
    }
    let bb = std::fs::read(busybox).map_err(|e| format!("cannot read {}: {e}", busybox.display()))?;
    c.file("bin/busybox", 0o755, &bb);
    c.symlink("bin/sh", "busybox");
    let mod_root = format!("lib/modules/{}", plan.kernel.release);
    let mut made = std::collections::BTreeSet::new();
    made.insert(mod_root.clone());
    c.dir(&mod_root);
    for rel in &boot {
        let mut dir = mod_root.clone();
        for part in rel.split('/').collect::<Vec<_>>().split_last().map(|(_, d)| d).unwrap_or(&[]) {
            dir = format!("{dir}/{part}");
            if made.insert(dir.clone()) {
                c.dir(&dir);
            }
        }
        let src = plan.kernel.modules_dir.join(rel);
        let data = std::fs::read(&src).map_err(|e| format!("cannot read {}: {e}", src.display()))?;
        c.file(&format!("{mod_root}/{rel}"), 0o644, &data);
    }
    c.file("init", 0o755, init_script(plan, &boot, &load).as_bytes());
    Ok(c.finish())
}

/// Script lines that bind the kept host directories under `/tmp` back over the guest's tmpfs
/// (the host's `/tmp` stays reachable at `/hosttmp`).
fn rebind_under_tmp(keep: &[PathBuf]) -> String {
    let mut under: Vec<&Path> = keep.iter().filter_map(|k| k.strip_prefix("/tmp").ok()).collect();
    under.sort();
    under.dedup();
    let mut out = String::new();
    let mut done: Vec<&Path> = Vec::new();
    for rel in under {
        if rel.as_os_str().is_empty() || done.iter().any(|d| rel.starts_with(d)) {
            continue;
        }
        let from = sh_quote(&format!("/hosttmp/{}", rel.display()));
        let to = sh_quote(&format!("/host/tmp/{}", rel.display()));
        let _ = writeln!(out, "mkdir -p {to}\nstep mount -o bind,ro {from} {to}");
        done.push(rel);
    }
    out
}

/// The guest's `/init` (busybox sh).
pub fn init_script(plan: &Plan, boot_modules: &[String], load: &[String]) -> String {
    let q = |s: &str| sh_quote(s);
    let p = |p: &Path| sh_quote(&p.to_string_lossy());
    let mut s = String::new();
    let kver = &plan.kernel.release;
    let _ = write!(
        s,
        r#"#!/bin/busybox sh
# Init of the sock test guest, written by `cargo xtask` (xtask/src/guest.rs).
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
say() {{ echo "sock-vm: $*"; }}
the_end() {{
  echo {DONE} >&3
  printf '\{exit:03o}' | dd of=/dev/port bs=1 seek=244 count=1 2>/dev/null
  poweroff -f
}}
"#,
        exit = EXIT_MARK
    );
    if matches!(plan.mode, Mode::Probe) {
        let _ = writeln!(s, "echo {PROBE_MARK}\npoweroff -f");
        return s;
    }
    let _ = write!(
        s,
        r#"stty -F /dev/ttyS1 raw -echo 2>/dev/null
exec 3>/dev/ttyS1
setup_fail() {{ echo "{SETUP_FAIL} $*" >&3; say "SETUP FAILED: $*"; }}
step() {{ "$@" || setup_fail "$*"; }}
H() {{ chroot /host "$@"; }}
IP={ip}
say "kernel $(uname -r); mounting the host root over 9p"
"#,
        ip = p(&plan.ip)
    );
    for m in boot_modules {
        let _ = writeln!(s, "step insmod /lib/modules/{kver}/{m}");
    }
    let _ = write!(
        s,
        r#"if ! mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=512000,cache=loose {HOST_TAG} /host; then
  setup_fail "mount the host root over 9p"; the_end
fi
step mount -o bind,ro /host{moddir} /lib/modules/{kver}
if [ -d /host/lib/modules ]; then
  step mount -t tmpfs tmpfs /host/lib/modules
  mkdir -p /host/lib/modules/{kver}
  step mount -o bind,ro /host{moddir} /host/lib/modules/{kver}
fi
step mount -t proc proc /host/proc
step mount -t sysfs sysfs /host/sys
step mount -t devtmpfs devtmpfs /host/dev
mkdir -p /host/dev/pts /host/dev/shm /hosttmp
step mount -t devpts -o ptmxmode=0666 devpts /host/dev/pts
step mount -t tmpfs tmpfs /host/dev/shm
step mount -t tmpfs tmpfs /host/run
step mount -o bind /host/tmp /hosttmp
step mount -t tmpfs tmpfs /host/tmp
{rebind}if [ -d /host{target}/tmp ]; then step mount -t tmpfs tmpfs /host{target}/tmp; fi
echo /sbin/modprobe > /proc/sys/kernel/modprobe
say "loading modules"
for m in {modules}; do step modprobe $m; done
say "network: lo, vcan0, vcan1 (mtu 72), veth sockv1/sockv2 across netns sockns1/sockns2"
step H "$IP" link set lo up
for v in vcan0 vcan1; do
  step H "$IP" link add dev "$v" type vcan
  step H "$IP" link set dev "$v" mtu 72 up
done
step H "$IP" netns add sockns1
step H "$IP" netns add sockns2
step H "$IP" link add sockv1 netns sockns1 type veth peer name sockv2 netns sockns2
n=1
for ns in sockns1 sockns2; do
  step H "$IP" -n "$ns" addr add "10.77.0.$n/24" dev "sockv$n"
  step H "$IP" -n "$ns" link set "sockv$n" up
  step H "$IP" -n "$ns" link set lo up
  n=$((n + 1))
done
say "network: sockdummy0 with 10.78.0.1/24, fd78::1/64 and the default routes"
step H "$IP" link add sockdummy0 type dummy
step H "$IP" addr add 10.78.0.1/24 dev sockdummy0
step H "$IP" -6 addr add fd78::1/64 dev sockdummy0 nodad
step H "$IP" link set sockdummy0 up
step H "$IP" route add default dev sockdummy0
step H "$IP" -6 route add default dev sockdummy0
"#,
        moddir = p(&plan.kernel.modules_dir),
        target = p(&plan.target_dir),
        rebind = rebind_under_tmp(&plan.keep),
        modules = load.iter().map(|m| q(m)).collect::<Vec<_>>().join(" "),
    );
    let _ = writeln!(s, "export SOCK_REQUIRE_ALL=1 SOCK_IN_VM=1 RUST_BACKTRACE=1 TMPDIR=/tmp");
    let _ = writeln!(s, "export CARGO_MANIFEST_DIR={}", p(&plan.workdir));
    for (k, v) in &plan.env {
        let _ = writeln!(s, "export {k}={}", q(v));
    }
    // The host PATH first inside the chroot; busybox's directories keep init's tools reachable.
    let _ = writeln!(s, "export PATH=\"$PATH:/bin:/sbin:/usr/bin:/usr/sbin\"");
    let cd_exec = r#"cd "$0" && exec "$@""#;
    match &plan.mode {
        Mode::Probe => unreachable!(),
        Mode::Shell => {
            let _ = write!(
                s,
                r#"say "shell in the host root (chroot /host); exit it to power off"
setsid cttyhack chroot /host /bin/sh -c {cmd} {wd} /bin/sh -c 'exec bash -l 2>/dev/null || exec sh -l'
poweroff -f
"#,
                cmd = q(cd_exec),
                wd = p(&plan.workdir)
            );
        }
        Mode::Tests { binaries, args, binary_timeout } => {
            let args: Vec<String> = args.iter().map(|a| q(a)).collect();
            let total = binaries.len();
            for (i, (name, path)) in binaries.iter().enumerate() {
                let _ = write!(
                    s,
                    r#"say "running {name} ({n}/{total})"
echo "{BEGIN} {name}" >&3
timeout -s KILL {binary_timeout} chroot /host /bin/sh -c {cmd} {wd} {bin} {args} </dev/null >&3 2>&3
rc=$?
echo "{END} {name} $rc" >&3
say "{name}: exit status $rc"
"#,
                    n = i + 1,
                    cmd = q(cd_exec),
                    wd = p(&plan.workdir),
                    bin = p(path),
                    args = args.join(" "),
                );
            }
            let _ = writeln!(s, "the_end");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(mode: Mode) -> Plan {
        Plan {
            kernel: Kernel {
                release: "6.1.0-56-amd64".into(),
                vmlinuz: "/k/boot/vmlinuz".into(),
                modules_dir: "/w/target/vm/kernels/k/lib/modules/6.1.0-56-amd64".into(),
            },
            workdir: "/w/tests".into(),
            env: vec![("HOME".into(), "/root".into())],
            ip: "/usr/sbin/ip".into(),
            keep: vec!["/w".into()],
            target_dir: "/w/target".into(),
            mode,
        }
    }

    #[test]
    fn test_script_frames_every_binary() {
        let mode = Mode::Tests {
            binaries: vec![("can".into(), "/w/target/debug/deps/can-1".into()), ("alg".into(), "/w/t/alg-2".into())],
            args: vec!["--show-output".into(), "a b".into()],
            binary_timeout: 600,
        };
        let load = vec!["can".to_string(), "dummy numdummies=0".to_string()];
        let s = init_script(&plan(mode), &["kernel/net/9p/9pnet.ko".into()], &load);
        assert!(s.starts_with("#!/bin/busybox sh\n"));
        assert!(s.contains("step insmod /lib/modules/6.1.0-56-amd64/kernel/net/9p/9pnet.ko\n"));
        assert!(s.contains("echo \"SOCK-VM-BEGIN can\" >&3\n"));
        assert!(s.contains("/w/target/debug/deps/can-1 --show-output 'a b' </dev/null >&3 2>&3\n"));
        assert!(s.contains("echo \"SOCK-VM-END alg $rc\" >&3\n"));
        assert!(s.contains("say \"running alg (2/2)\""));
        assert!(s.contains("for m in can 'dummy numdummies=0'; do step modprobe $m; done"));
        assert!(s.contains("export SOCK_REQUIRE_ALL=1"));
        assert!(s.contains("IP=/usr/sbin/ip\n") && s.contains("step H \"$IP\" netns add sockns1\n"));
        assert!(s.contains("printf '\\052'"));
        assert!(s.trim_end().ends_with("the_end"));
    }

    #[test]
    fn kept_directories_under_tmp_are_bound_back() {
        let keep: Vec<PathBuf> = vec!["/tmp/ws".into(), "/tmp/ws/target".into(), "/home/x".into(), "/tmp/a b".into()];
        let r = rebind_under_tmp(&keep);
        assert_eq!(
            r,
            "mkdir -p '/host/tmp/a b'\nstep mount -o bind,ro '/hosttmp/a b' '/host/tmp/a b'\n\
             mkdir -p /host/tmp/ws\nstep mount -o bind,ro /hosttmp/ws /host/tmp/ws\n"
        );
        assert_eq!(rebind_under_tmp(&["/w".into()]), "");
        let s = init_script(&plan(Mode::Shell), &[], &[]);
        let (bind, tmpfs) = (s.find("/lib/modules/6.1.0-56-amd64\n").unwrap(), s.find("tmpfs /host/tmp\n").unwrap());
        assert!(bind < tmpfs, "the module tree is bound before /tmp is covered");
        assert!(s.contains("step mount -t tmpfs tmpfs /host/w/target/tmp"));
    }

    #[test]
    fn probe_script_stops_early() {
        let s = init_script(&plan(Mode::Probe), &[], &[]);
        assert!(s.contains(PROBE_MARK));
        assert!(!s.contains("9p"));
    }
}
